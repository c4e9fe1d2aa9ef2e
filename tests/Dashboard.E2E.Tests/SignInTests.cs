using System.Text.RegularExpressions;

namespace Dashboard.E2E.Tests;

public sealed class SignInTests(E2EFixture fixture) : E2ETest(fixture)
{
    /// <summary>The one answer to a wrong password, an unknown address and a locked account.</summary>
    private const string Refused = "Email or password is incorrect. After 5 failed attempts, sign-in to an account is locked for 15 minutes.";

    [Fact]
    public async Task Wrong_password_is_refused_and_the_right_one_lands_on_the_cases_of_the_store()
    {
        var login = await new LoginPage(Page).GotoAsync();
        await ScreenshotAsync("sign-in");

        await login.SubmitAsync(DemoLogins.NorthwindOwner, "Not-the-password-1");
        await Assertions.Expect(login.Error).ToHaveTextAsync(Refused);
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/account/login"));
        await ScreenshotAsync("wrong-password");

        await login.SubmitAsync(DemoLogins.NorthwindOwner, DemoLogins.Password);
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == CaseListPage.Path);
        var list = new CaseListPage(Page);
        await list.WaitForReadyAsync();
        await Assertions.Expect(list.StoreName).ToHaveTextAsync(DemoLogins.NorthwindName);
        await ScreenshotAsync("cases");
    }

    [Fact]
    public async Task Signed_out_visitor_is_sent_to_sign_in_and_back_to_the_page_asked_for()
    {
        await Page.GotoAsync("/cases?tab=closed");
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == LoginPage.Path);
        await Assertions.Expect(Page.Locator("#email")).ToBeVisibleAsync();

        await new LoginPage(Page).SubmitAsync(DemoLogins.ContosoOwner, DemoLogins.Password);
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == CaseListPage.Path);
        var list = new CaseListPage(Page);
        await list.WaitForReadyAsync();
        await Assertions.Expect(list.StoreName).ToHaveTextAsync(DemoLogins.ContosoName);
        await Assertions.Expect(list.Tab("closed")).ToHaveAttributeAsync("aria-current", "page");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_the_right_one_is_refused_in_the_words_an_unknown_address_gets()
    {
        // agent@northwind.test is used by this test only: it stays locked for the rest of the run.
        var login = await new LoginPage(Page).GotoAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await login.SubmitAsync(DemoLogins.NorthwindAgent, $"Wrong-password-{attempt}");
            await Assertions.Expect(login.Error).ToHaveTextAsync(Refused);
        }

        await login.SubmitAsync(DemoLogins.NorthwindAgent, DemoLogins.Password);
        await Assertions.Expect(login.Error).ToHaveTextAsync(Refused);
        await ScreenshotAsync("locked");
        // An address without an account, after as many tries, reads exactly the same: the form tells nobody which addresses exist.
        for (var attempt = 1; attempt <= 6; attempt++) await login.SubmitAsync("nobody@northwind.test", $"Wrong-password-{attempt}");
        await Assertions.Expect(login.Error).ToHaveTextAsync(Refused);

        // Not signed in: the case list still sends the visitor to sign-in.
        await Page.GotoAsync(CaseListPage.Path);
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == LoginPage.Path);
    }

    [Fact]
    public async Task Account_menu_opens_and_signs_out()
    {
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        await Page.GetByTestId("account-menu").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("sign-out")).ToBeVisibleAsync();
        await ScreenshotAsync("account-menu");
        await Page.GetByTestId("sign-out").ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        // Signed out for real: the dashboard sends us back to sign in.
        await Page.GotoAsync("/cases");
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }
}
