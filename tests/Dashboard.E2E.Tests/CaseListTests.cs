using System.Text.RegularExpressions;

namespace Dashboard.E2E.Tests;

public sealed class CaseListTests(E2EFixture fixture) : E2ETest(fixture)
{
    [Fact]
    public async Task Tabs_show_the_stores_exact_counts_and_rows_and_the_chosen_tab_lives_in_the_url()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var db = Fixture.Database;

        // Five tabs, Awaiting you first and selected by default.
        var order = await list.AllTabs.EvaluateAllAsync<string[]>("tabs => tabs.map(t => t.getAttribute('data-testid'))");
        order.ShouldBe(CaseListPage.TabSlugs.Select(s => $"tab-{s}").ToArray());
        foreach (var slug in CaseListPage.TabSlugs)
        {
            await Assertions.Expect(list.Tab(slug)).ToBeVisibleAsync();
            await Assertions.Expect(list.Tab(slug)).ToHaveAttributeAsync("aria-current", slug == "awaiting-you" ? "page" : "false");
        }

        // Every count is the store's own, recounted from its case rows in the app's database.
        var expected = await db.TabCountsAsync(DemoLogins.NorthwindStoreId);
        (await list.CountsAsync()).ShouldBe(expected);
        expected["closed"].ShouldBeGreaterThan(20, "the demo store has more closed cases than one page (the seed plays 42)");

        // The rows are exactly the first page of the tab in the spec's order, and the total says how many there are.
        var awaitingIds = await list.RowIdsAsync();
        awaitingIds.ShouldBe(await db.CaseIdsAsync(DemoLogins.NorthwindStoreId, AppDatabase.AwaitingMerchant));
        await Assertions.Expect(list.Total).ToHaveTextAsync($"1–{awaitingIds.Count} of {expected["awaiting-you"]}");
        await ScreenshotAsync("awaiting-you");

        await list.SelectTabAsync("closed");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"[?&]tab=closed(&|$)"));
        await Assertions.Expect(list.Tab("awaiting-you")).ToHaveAttributeAsync("aria-current", "false");
        var closedIds = await list.RowIdsAsync();
        closedIds.ShouldBe(await db.CaseIdsAsync(DemoLogins.NorthwindStoreId, AppDatabase.Closed));
        closedIds.Count.ShouldBe(20, "one full page of the default size");
        await Assertions.Expect(list.Total).ToHaveTextAsync($"1–20 of {expected["closed"]}");
        await ScreenshotAsync("closed");

        // The tab survives a reload.
        await Page.ReloadAsync();
        await list.WaitForReadyAsync();
        await Assertions.Expect(list.Tab("closed")).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(list.Tab("awaiting-you")).ToHaveAttributeAsync("aria-current", "false");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"[?&]tab=closed(&|$)"));
        (await list.RowIdsAsync()).ShouldBe(closedIds);

        // A row opens its case, which the page shows as closed.
        var detail = await new CaseDetailPage(Page).GotoAsync(closedIds[^1]);
        await detail.WaitForReadyAsync();
        await Assertions.Expect(detail.Status).ToHaveTextAsync("Closed");
    }
}
