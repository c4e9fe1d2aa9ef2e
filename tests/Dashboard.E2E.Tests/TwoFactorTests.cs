namespace Dashboard.E2E.Tests;

/// <summary>Two-factor sign-in in Chromium: support is sent to set it up, then signs in with a code.</summary>
public sealed class TwoFactorTests(E2EFixture fixture) : E2ETest(fixture)
{
    private const string EscalatedPath = "/support/escalated";

    [Fact]
    public async Task Support_without_two_factor_sets_it_up_before_any_support_page_and_then_signs_in_with_a_code()
    {
        var login = await new LoginPage(Page).GotoAsync();
        await ScreenshotAsync("sign-in");
        await login.SubmitAsync(DemoLogins.NewPlatformSupport, DemoLogins.Password);
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/two-factor/setup");
        await Assertions.Expect(Page.GetByTestId("two-factor-required")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("authenticator-qr")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("two-factor-not-now")).ToHaveCountAsync(0);
        await ScreenshotAsync("setup");

        // A support page is out of reach until it is done.
        await Page.GotoAsync(EscalatedPath);
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/two-factor/setup");
        await Assertions.Expect(Page.GetByTestId("case-row")).ToHaveCountAsync(0);

        var key = (await Page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();
        await Page.GetByTestId("two-factor-code").FillAsync(DemoLogins.CurrentCode(key));
        await Page.GetByTestId("verify-authenticator").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("recovery-code")).ToHaveCountAsync(10);
        await ScreenshotAsync("recovery-codes");

        await Page.GetByTestId("two-factor-continue").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == EscalatedPath);
        await Blazor.WaitForLoadedAsync(Page, loaded: "[data-testid=case-row], [data-testid=cases-empty]", loading: "[data-testid=cases-loading]");
        await Assertions.Expect(Page.GetByTestId("case-row").First).ToBeVisibleAsync();

        await Page.GetByTestId("account-menu").ClickAsync();
        await Page.GetByTestId("sign-out").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == LoginPage.Path);
        await login.SubmitAsync(DemoLogins.NewPlatformSupport, DemoLogins.Password);
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == LoginPage.LoginWithCodePath);
        await ScreenshotAsync("code");
        await login.SubmitCodeAsync(DemoLogins.CurrentCode(key));
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath is EscalatedPath or CaseListPage.Path);
        await Blazor.WaitForLoadedAsync(Page, loaded: "[data-testid=case-row], [data-testid=cases-empty]", loading: "[data-testid=cases-loading]");
        await Assertions.Expect(Page.GetByTestId("case-row").First).ToBeVisibleAsync();
    }
}
