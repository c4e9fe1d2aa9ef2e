using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Features.Seed;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Dashboard.Web.Tests.Security;

/// <summary>
/// Two-factor sign-in through the real pages, with codes computed here from the key the page shows
/// (RFC 6238 by Otp.NET, not the product's code).
/// </summary>
public partial class TwoFactorSignInTests(TwoFactorSignInTests.App app) : IClassFixture<TwoFactorSignInTests.App>
{
    public sealed class App : DashboardAppFactory;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static string Code(string base32Key, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    /// <summary>A code that is certainly not the current one: the right code with its last digit changed.</summary>
    private static string WrongCode(string base32Key)
    {
        var right = Code(base32Key);
        return right[..5] + (char)('0' + (right[5] - '0' + 5) % 10);
    }

    private static string Local(HttpResponseMessage response) => new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery;

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

    private async Task<FormClient> SignedInAsync(AppUser user)
    {
        var client = FormClient.For(app);
        using var response = await client.SignInAsync(user.Email!, AccountTestUsers.Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static Dictionary<string, string> CodeField(string code) => new() { ["Input.Code"] = code };

    /// <summary>Turns two-factor sign-in on through the setup page; answers the key it showed and the recovery codes.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes)> EnableThroughTheSetupPageAsync(FormClient client)
    {
        var page = await client.GetStringAsync(AccountPaths.TwoFactorSetup);
        var key = KeyOnPage().Match(WebUtility.HtmlDecode(page)).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        key.Length.ShouldBe(32);
        using var enabled = await client.PostFormAsync(AccountPaths.TwoFactorSetup, "verify-authenticator", CodeField(Code(key)));
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var codes = RecoveryCodeOnPage().Matches(await HtmlAsync(enabled)).Select(m => m.Groups[1].Value).ToList();
        return (key, codes);
    }

    [Fact]
    public async Task A_merchant_turns_on_two_factor_with_a_real_code_and_then_needs_a_code_to_sign_in()
    {
        var user = await AccountTestUsers.CreateAsync(app);
        var client = await SignedInAsync(user);
        var stamp = (await AccountTestUsers.ReloadAsync(app, user.Id))!.SecurityStamp;
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(AccountPaths.TwoFactorSetup));
        (await AccountTestUsers.ReloadAsync(app, user.Id))!.SecurityStamp.ShouldBe(stamp, "a look at the setup page signs no other session out");
        var key = KeyOnPage().Match(page).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        KeyOnPage().Match(WebUtility.HtmlDecode(await client.GetStringAsync(AccountPaths.TwoFactorSetup))).Groups[1].Value
            .Replace(" ", "").ToUpperInvariant().ShouldBe(key, "the key stays the same until setup succeeds");
        page.ShouldContain("data-testid=\"authenticator-qr\"");
        page.ShouldContain("src=\"data:image/png;base64,");

        using (var wrong = await client.PostFormAsync(AccountPaths.TwoFactorSetup, "verify-authenticator", CodeField(WrongCode(key))))
        {
            (await HtmlAsync(wrong)).ShouldContain(TwoFactorAccounts.WrongCodeMessage);
            (await AccountTestUsers.ReloadAsync(app, user.Id))!.TwoFactorEnabled.ShouldBeFalse();
        }

        using var enabled = await client.PostFormAsync(AccountPaths.TwoFactorSetup, "verify-authenticator", CodeField(Code(key)));
        var codes = RecoveryCodeOnPage().Matches(await HtmlAsync(enabled)).Select(m => m.Groups[1].Value).ToList();
        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);
        (await AccountTestUsers.ReloadAsync(app, user.Id))!.TwoFactorEnabled.ShouldBeTrue();
        // Shown once: the management page counts them but never shows them again.
        var manage = WebUtility.HtmlDecode(await client.GetStringAsync(AccountPaths.TwoFactor));
        manage.ShouldContain("data-testid=\"recovery-codes-left\">10<");
        codes.ShouldAllBe(code => !manage.Contains(code));
        (await client.GetStringAsync("/cases")).ShouldContain("data-testid=\"cases-total\"", Case.Sensitive, "the session that turned it on stays signed in");

        var next = FormClient.For(app);
        using var password = await next.SignInAsync(user.Email!, AccountTestUsers.Password, "/cases?tab=open");
        Local(password).ShouldBe($"{AccountPaths.LoginWithCode}?returnUrl=%2Fcases%3Ftab%3Dopen");
        using (var notYet = await next.Http.GetAsync("/cases", Ct)) Local(notYet).ShouldStartWith(AccountPaths.Login + "?");
        using (var wrong = await next.PostFormAsync(Local(password), "login-2fa", CodeField(WrongCode(key))))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await HtmlAsync(wrong)).ShouldContain(TwoFactorAccounts.WrongCodeMessage);
        }
        var typed = Code(key);
        using var right = await next.PostFormAsync(Local(password), "login-2fa", CodeField($"{typed[..3]} {typed[3..]}"));
        Local(right).ShouldBe("/cases?tab=open");
        (await next.GetStringAsync("/cases")).ShouldContain("data-testid=\"cases-total\"");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var user = await AccountTestUsers.CreateAsync(app);
        var (_, codes) = await EnableThroughTheSetupPageAsync(await SignedInAsync(user));
        var code = codes[3];

        var first = FormClient.For(app);
        using (var password = await first.SignInAsync(user.Email!, AccountTestUsers.Password))
            Local(password).ShouldStartWith(AccountPaths.LoginWithCode);
        using (var redeemed = await first.PostFormAsync(AccountPaths.LoginWithRecoveryCode, "login-recovery", CodeField(code.Replace("-", "").ToLowerInvariant())))
            Local(redeemed).ShouldBe("/cases");
        (await first.GetStringAsync("/cases")).ShouldContain("data-testid=\"cases-total\"");

        var second = FormClient.For(app);
        (await second.SignInAsync(user.Email!, AccountTestUsers.Password)).Dispose();
        using var again = await second.PostFormAsync(AccountPaths.LoginWithRecoveryCode, "login-recovery", CodeField(code));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(again)).ShouldContain("That recovery code is not right, or it was used already.");
        var reloaded = (await AccountTestUsers.ReloadAsync(app, user.Id))!;
        (await AccountTestUsers.WithServicesAsync(app, s => s.GetRequiredService<UserManager<AppUser>>().CountRecoveryCodesAsync(reloaded))).ShouldBe(9);
    }

    [Fact]
    public async Task Support_without_two_factor_is_sent_to_set_it_up_and_reaches_no_support_page_until_then()
    {
        var support = await AccountTestUsers.CreateAsync(app, platformSupport: true);
        var escalated = await EscalatedCaseIdAsync();
        var client = FormClient.For(app);

        using (var signedIn = await client.SignInAsync(support.Email!, AccountTestUsers.Password, "/support/escalated"))
            Local(signedIn).ShouldBe($"{AccountPaths.TwoFactorSetup}?returnUrl=%2Fsupport%2Fescalated");
        foreach (var path in new[] { "/support/escalated", $"/support/cases/{escalated}", "/", "/cases" })
        {
            using var response = await client.Http.GetAsync(path, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            Local(response).ShouldStartWith(path == "/" || path == "/cases" ? "/support/escalated" : AccountPaths.TwoFactorSetup, Case.Sensitive, path);
            (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("data-testid=\"case-row\"", Case.Sensitive, path);
        }
        (await client.GetStringAsync(AccountPaths.TwoFactorSetup)).ShouldContain("data-testid=\"two-factor-required\"");

        var (_, codes) = await EnableThroughTheSetupPageAsync(client);
        codes.Count.ShouldBe(10);
        (await client.GetStringAsync("/support/escalated")).ShouldContain("data-testid=\"case-row\"");
    }

    [Fact]
    public async Task The_demo_support_account_signs_in_with_its_published_key_and_cannot_turn_two_factor_off()
    {
        var client = FormClient.For(app);
        using (var password = await client.SignInAsync("support@platform.test", DemoAccounts.Password))
            Local(password).ShouldStartWith(AccountPaths.LoginWithCode);
        using (var code = await client.PostFormAsync($"{AccountPaths.LoginWithCode}?returnUrl=%2Fsupport%2Fescalated", "login-2fa",
                   CodeField(Code("PANDABASESUPPORTDEMOACCOUNTKEY23"))))
            Local(code).ShouldBe("/support/escalated");
        (await client.GetStringAsync("/support/escalated")).ShouldContain("data-testid=\"case-row\"");

        var manage = await client.GetStringAsync(AccountPaths.TwoFactor);
        manage.ShouldNotContain("data-testid=\"disable-two-factor\"");
        using (var crafted = await client.PostFormAsync(AccountPaths.TwoFactor, "disable-two-factor", new Dictionary<string, string>()))
            crafted.IsSuccessStatusCode.ShouldBeFalse();
        var refusal = await AccountTestUsers.WithServicesAsync(app, async s =>
            await s.GetRequiredService<TwoFactorAccounts>().DisableAsync(
                (await s.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("support@platform.test"))!));
        refusal.ShouldBe("Platform support accounts must keep two-factor sign-in on.");
        var support = await AccountTestUsers.WithServicesAsync(app, s => s.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("support@platform.test"));
        support!.TwoFactorEnabled.ShouldBeTrue();
    }

    [Fact]
    public async Task A_merchant_can_turn_two_factor_off_again()
    {
        var user = await AccountTestUsers.CreateAsync(app);
        var client = await SignedInAsync(user);
        await EnableThroughTheSetupPageAsync(client);

        using var off = await client.PostFormAsync(AccountPaths.TwoFactor, "disable-two-factor", new Dictionary<string, string>());

        (await HtmlAsync(off)).ShouldContain("Off: signing in asks only for your password.");
        (await AccountTestUsers.ReloadAsync(app, user.Id))!.TwoFactorEnabled.ShouldBeFalse();
        using var again = await FormClient.For(app).SignInAsync(user.Email!, AccountTestUsers.Password);
        Local(again).ShouldBe("/cases");
    }

    private async Task<string> EscalatedCaseIdAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync(Ct);
        return await db.Cases.Where(c => c.Escalated).Select(c => c.Id).FirstAsync(Ct);
    }

    [GeneratedRegex(@"data-testid=""authenticator-key"">([a-z2-7 ]+)<")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex(@"data-testid=""recovery-code"">([A-Z0-9]{5}-[A-Z0-9]{5})<")]
    private static partial Regex RecoveryCodeOnPage();
}
