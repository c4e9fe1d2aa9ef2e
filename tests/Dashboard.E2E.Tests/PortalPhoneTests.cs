namespace Dashboard.E2E.Tests;

/// <summary>The portal on a 390 px phone: every page fits, and the customer's pages read in their words.</summary>
public sealed class PortalPhoneTests(E2EFixture fixture) : E2ETest(fixture)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
    protected override bool IsMobile => true;

    [Fact]
    public async Task On_a_phone_sign_in_orders_a_new_case_form_the_case_list_and_a_thread_fit_the_screen()
    {
        var portal = new PortalPage(Page);
        await Page.GotoAsync("/portal/sign-in");
        await NoSidewaysScrollAsync();
        await ScreenshotAsync("sign-in");
        await portal.SignInWithCodeAsync(DemoLogins.PortalAlex);
        await NoSidewaysScrollAsync();
        await ScreenshotAsync("orders");

        await portal.GetHelpAsync("CG-20002");
        await Assertions.Expect(portal.Subject).ToBeVisibleAsync();
        await NoSidewaysScrollAsync();
        await ScreenshotAsync("open-a-case");

        await portal.GotoCasesAsync();
        await Assertions.Expect(portal.CaseRows).ToHaveCountAsync(2);
        await Assertions.Expect(portal.CaseRows.GetByTestId("portal-case-status").Filter(new() { HasText = "Waiting for Contoso Games" })).ToHaveCountAsync(1);
        await Assertions.Expect(portal.CaseRows.GetByTestId("portal-case-status").Filter(new() { HasText = "Waiting for your reply" })).ToHaveCountAsync(1);
        await NoSidewaysScrollAsync();
        await ScreenshotAsync("cases");

        await portal.CaseRows.Filter(new() { HasText = "Waiting for Contoso Games" }).Locator("a").ClickAsync();
        await portal.WaitForCaseAsync();
        await Assertions.Expect(portal.Timeline.And(Page.Locator("[data-entry-kind=auto-reply]"))).ToHaveCountAsync(1);
        await Assertions.Expect(portal.Body).ToBeVisibleAsync();
        await NoSidewaysScrollAsync();
        await ScreenshotAsync("thread");
        BrowserErrors.ShouldBeEmpty();
    }

    private async Task NoSidewaysScrollAsync()
    {
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        width.ShouldBeLessThanOrEqualTo(Viewport.Width, "the page scrolls sideways on a 390 px phone");
    }
}
