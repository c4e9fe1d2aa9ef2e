using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Data;
using Dashboard.Web.Features.Seed;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Portal;

/// <summary>
/// The real host with the demo data, and browsers-without-a-browser that sign in through the real
/// forms: a customer by the emailed code (read from the Development aid on the page), a merchant by password.
/// </summary>
public sealed partial class PortalApp : DashboardAppFactory
{
    public static readonly string Alex = DemoAccounts.Alex.Email;
    public static readonly string Sam = DemoAccounts.Sam.Email;
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Every test signs in afresh; the per-address limit has its own tests.
        builder.UseSetting("Portal:SignIn:RequestsPerEmail", "1000");
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public DashboardDbContext Db() => Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();

    /// <summary>Asks for a sign-in for <paramref name="email"/>; returns the "check your email" page.</summary>
    public static async Task<string> RequestSignInAsync(HttpClient browser, string email)
    {
        var page = await browser.GetStringAsync("/portal/sign-in", Ct);
        var fields = HiddenFields(page, "portal-email-form");
        fields["EmailForm.Email"] = email;
        var response = await browser.PostAsync("/portal/sign-in", new FormUrlEncodedContent(fields), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Signs <paramref name="browser"/> in as the customer <paramref name="email"/> with the code, as a person would.</summary>
    public static async Task SignInCustomerAsync(HttpClient browser, string email)
    {
        var page = await RequestSignInAsync(browser, email);
        var code = DevCode().Match(page).Groups[1].Value;
        code.ShouldMatch(@"^\d{6}$", "the Development aid shows the code");
        var fields = HiddenFields(page, "portal-code-form");
        fields["CodeForm.Code"] = code;
        var response = await browser.PostAsync("/portal/sign-in", new FormUrlEncodedContent(fields), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        PathOf(response).ShouldBe("/portal");
    }

    /// <summary>Where a redirect points, as a path (redirects may be absolute or relative).</summary>
    public static string PathOf(HttpResponseMessage response) =>
        new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery;

    /// <summary>Signs <paramref name="browser"/> in to the dashboard with a demo account's password.</summary>
    public static async Task SignInMerchantAsync(HttpClient browser, string email = "owner@northwind.test")
    {
        var page = await browser.GetStringAsync("/account/login", Ct);
        var fields = HiddenFields(page, null);
        fields["Input.Email"] = email;
        fields["Input.Password"] = DemoAccounts.Password;
        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(fields), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>The hidden inputs (antiforgery token, form handler, …) of the form with data-testid <paramref name="testId"/> (or the first form).</summary>
    public static Dictionary<string, string> HiddenFields(string html, string? testId)
    {
        var start = testId is null ? html.IndexOf("<form", StringComparison.Ordinal) : html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"form {testId} on the page");
        start = html.LastIndexOf("<form", Math.Min(html.Length - 1, start + 4), StringComparison.Ordinal);
        var form = html[start..(html.IndexOf("</form>", start, StringComparison.Ordinal))];
        var fields = new Dictionary<string, string>();
        foreach (Match input in Input().Matches(form))
        {
            var tag = input.Value;
            if (!tag.Contains("type=\"hidden\"", StringComparison.Ordinal)) continue;
            var name = Attribute(tag, "name");
            if (name is not null) fields[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? "");
        }
        return fields;
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("data-testid=\"portal-dev-code\">(\\d{6})<")]
    private static partial Regex DevCode();

    /// <summary>The sign-in link the Development aid shows on the "check your email" page.</summary>
    public static string DevLink(string page)
    {
        var match = Regex.Match(page, "<a href=\"([^\"]+)\" data-testid=\"portal-dev-link\"");
        match.Success.ShouldBeTrue("the Development aid shows the link");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
