using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Security;

/// <summary>The sign-in form cannot be used to learn which addresses have accounts.</summary>
public partial class SignInAnswerTests(SignInAnswerTests.App app) : IClassFixture<SignInAnswerTests.App>
{
    public sealed class App : DashboardAppFactory;

    private static async Task<string> AnswerAsync(FormClient client, string email, string password)
    {
        using var response = await client.SignInAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken));
        return ErrorOnPage().Match(html).Groups[1].Value;
    }

    [Fact]
    public async Task After_five_wrong_passwords_a_real_account_and_an_unknown_address_get_the_same_answer()
    {
        var real = await AccountTestUsers.CreateAsync(app);
        var unknown = $"nobody-{Guid.NewGuid():N}@test.example";
        var client = FormClient.For(app);
        var realAnswers = new List<string>();
        var unknownAnswers = new List<string>();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            realAnswers.Add(await AnswerAsync(client, real.Email!, $"Wrong-password-{attempt}"));
            unknownAnswers.Add(await AnswerAsync(client, unknown, $"Wrong-password-{attempt}"));
        }
        // The sixth try, with the real account's right password: it is locked now.
        realAnswers.Add(await AnswerAsync(client, real.Email!, AccountTestUsers.Password));
        unknownAnswers.Add(await AnswerAsync(client, unknown, AccountTestUsers.Password));

        realAnswers.ShouldBe(unknownAnswers);
        realAnswers.Distinct().ShouldBe([PasswordSignIn.RefusedMessage]);
        (await AccountTestUsers.ReloadAsync(app, real.Id))!.LockoutEnd.ShouldNotBeNull("the real account is locked all the same");
    }

    [GeneratedRegex(@"data-testid=""login-error""[^>]*>([^<]*)<")]
    private static partial Regex ErrorOnPage();
}
