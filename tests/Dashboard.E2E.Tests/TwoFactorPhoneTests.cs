namespace Dashboard.E2E.Tests;

/// <summary>The sign-in, two-factor setup and two-factor sign-in pages on a phone.</summary>
public sealed class TwoFactorPhoneTests(E2EFixture fixture) : E2ETest(fixture)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
    protected override bool IsMobile => true;

    [Fact]
    public async Task On_a_phone_sign_in_setup_and_the_code_step_fit_the_screen()
    {
        var login = await new LoginPage(Page).GotoAsync();
        await NoSidewaysScrollAsync();
        await ScreenshotAsync("sign-in");

        // A merchant may open the setup page without turning anything on.
        await login.SignInAsync(DemoLogins.ContosoOwner);
        await Page.GotoAsync("/account/two-factor/setup");
        await Assertions.Expect(Page.GetByTestId("authenticator-key")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("two-factor-required")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByTestId("two-factor-not-now")).ToBeVisibleAsync();
        await NoSidewaysScrollAsync();
        await ScreenshotAsync("setup");

        await Context.ClearCookiesAsync();
        await login.GotoAsync();
        await login.SubmitAsync(DemoLogins.PlatformSupport, DemoLogins.Password);
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == LoginPage.LoginWithCodePath);
        await NoSidewaysScrollAsync();
        await ScreenshotAsync("code");
        await login.SubmitCodeAsync(DemoLogins.CurrentCode());
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath is "/support/escalated" or CaseListPage.Path);
    }

    private async Task NoSidewaysScrollAsync()
    {
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        width.ShouldBeLessThanOrEqualTo(Viewport.Width, "the page scrolls sideways on a 390 px phone");
    }
}
