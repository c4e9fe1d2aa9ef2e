using System.Text.RegularExpressions;

namespace Dashboard.E2E.Tests;

public sealed class CaseListTests(E2EFixture fixture) : E2ETest(fixture)
{
    [Fact]
    public async Task Tabs_show_counts_that_add_up_and_the_chosen_tab_lives_in_the_url()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);

        // Five tabs, Awaiting you first and selected by default.
        var order = new List<string>();
        foreach (var tab in await list.AllTabs.AllAsync()) order.Add((await tab.GetAttributeAsync("data-testid"))!);
        order.ShouldBe(CaseListPage.TabSlugs.Select(s => $"tab-{s}").ToList());
        foreach (var slug in CaseListPage.TabSlugs)
        {
            await Assertions.Expect(list.Tab(slug)).ToBeVisibleAsync();
            await Assertions.Expect(list.Tab(slug)).ToHaveAttributeAsync("aria-selected", slug == "awaiting-you" ? "true" : "false");
        }

        var counts = await list.CountsAsync();
        counts["all"].ShouldBeGreaterThan(0);
        (counts["awaiting-you"] + counts["open"] + counts["awaiting-customer"] + counts["closed"]).ShouldBe(counts["all"]);
        counts["closed"].ShouldBeGreaterThan(0, "the demo store has closed cases");
        await Assertions.Expect(list.Rows.First).ToBeVisibleAsync();
        var awaitingIds = await list.RowIdsAsync();
        await ScreenshotAsync("awaiting-you");

        await list.SelectTabAsync("closed");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"[?&]tab=closed(&|$)"));
        await Assertions.Expect(list.Tab("awaiting-you")).ToHaveAttributeAsync("aria-selected", "false");
        await Assertions.Expect(list.Rows.First).ToBeVisibleAsync();
        var closedIds = await list.RowIdsAsync();
        closedIds.Count.ShouldBeLessThanOrEqualTo(counts["closed"]);
        closedIds.Intersect(awaitingIds).ShouldBeEmpty();
        await ScreenshotAsync("closed");

        // The tab survives a reload.
        await Page.ReloadAsync();
        await list.WaitForReadyAsync();
        await Assertions.Expect(list.Tab("closed")).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(list.Tab("awaiting-you")).ToHaveAttributeAsync("aria-selected", "false");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"[?&]tab=closed(&|$)"));
        (await list.RowIdsAsync()).ShouldBe(closedIds);

        // Every row shown is closed: open the first and the last one.
        foreach (var id in new[] { closedIds[0], closedIds[^1] }.Distinct())
        {
            var detail = await new CaseDetailPage(Page).GotoAsync(id);
            await detail.WaitForReadyAsync();
            await Assertions.Expect(detail.Status).ToHaveTextAsync("Closed");
        }
    }
}
