namespace Dashboard.E2E.Tests;

/// <summary>Settings → Licence keys as the owner sees it: the seeded pools, a nearly empty one flagged, and a pasted duplicate refused.</summary>
public sealed class LicencePoolPageTests(E2EFixture fixture) : E2ETest(fixture)
{
    [Fact]
    public async Task The_owner_sees_the_pools_and_a_duplicate_paste_is_refused()
    {
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        await Page.GetByTestId("nav-licences").ClickAsync();
        var rows = Page.GetByTestId("licence-pool-row");
        await Assertions.Expect(rows).ToHaveCountAsync(6);
        await Assertions.Expect(Page.GetByTestId("licence-pool-low")).Not.ToHaveCountAsync(0);
        var firstKey = "DUPLICATE-KEY-0001";

        await Page.GetByTestId("licence-pool-product").ClickAsync();
        await Page.GetByRole(AriaRole.Option).First.ClickAsync();
        await Page.GetByTestId("licence-pool-keys").FillAsync($"{firstKey}\n{firstKey}");
        await Page.GetByTestId("licence-pool-add").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("licence-pool-error")).ToContainTextAsync($"The key {firstKey} is already in the pool or pasted twice");
        await Assertions.Expect(Page.GetByTestId("licence-pool-keys")).ToHaveValueAsync($"{firstKey}\n{firstKey}");
        await ScreenshotAsync("duplicate-refused");
    }
}
