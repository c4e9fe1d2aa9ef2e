namespace Dashboard.E2E.Tests;

/// <summary>Settings → Licence keys on a phone: the table and the paste box fit the width.</summary>
public sealed class LicencePoolPhoneTests(E2EFixture fixture) : E2ETest(fixture)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
    protected override bool IsMobile => true;

    [Fact]
    public async Task On_a_phone_the_pool_page_fits_the_screen()
    {
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        await Page.GotoAsync("/settings/licences");
        await Assertions.Expect(Page.GetByTestId("licence-pool-row")).ToHaveCountAsync(6);
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "the page scrolls sideways on a phone");
        (await Page.GetByTestId("licence-pool-table").Locator("table").EvaluateAsync<bool>("t => t.scrollWidth <= t.parentElement.clientWidth")).ShouldBeTrue("the table fits without scrolling sideways");
        await ScreenshotAsync("pool");
    }
}
