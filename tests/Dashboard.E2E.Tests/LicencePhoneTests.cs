namespace Dashboard.E2E.Tests;

/// <summary>The same card on a phone: it fits the width and its buttons are reachable.</summary>
public sealed class LicencePhoneTests(E2EFixture fixture) : E2ETest(fixture)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
    protected override bool IsMobile => true;

    [Fact]
    public async Task On_a_phone_the_licence_actions_fit_the_screen()
    {
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var detail = await new CaseDetailPage(Page).GotoAsync(LicenceTests.KeyAlreadyUsedCaseId);
        await detail.WaitForReadyAsync();
        var actions = Page.GetByTestId("licence-actions");
        await actions.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(actions.GetByTestId("licence-resend")).ToBeInViewportAsync();
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "the page scrolls sideways on a phone");
        await ScreenshotAsync("rail");
    }
}
