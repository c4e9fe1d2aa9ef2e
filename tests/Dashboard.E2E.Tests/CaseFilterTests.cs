using System.Text.RegularExpressions;

namespace Dashboard.E2E.Tests;

public sealed class CaseFilterTests(E2EFixture fixture) : E2ETest(fixture)
{
    [Fact]
    public async Task Search_by_case_id_and_the_priority_filter_show_exactly_the_matching_cases_and_live_in_the_url()
    {
        var store = DemoLogins.ContosoStoreId;
        var db = Fixture.Database;
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.ContosoOwner);
        await list.SelectTabAsync("all");
        var all = await db.CountAsync(store);
        (await list.CountAsync("all")).ShouldBe(all);
        var ids = await list.RowIdsAsync();
        ids.ShouldBe(await db.CaseIdsAsync(store));
        var wanted = ids[^1];

        await list.Search.FillAsync(wanted);
        await list.Search.PressAsync("Enter");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"[?&]q={wanted}(&|$)"));
        await Assertions.Expect(list.Total).ToHaveTextAsync("1–1 of 1");
        (await list.RowIdsAsync()).ShouldBe([wanted]);
        await ScreenshotAsync("search");

        await list.GotoAsync("all");
        await list.PriorityFilter.SelectOptionAsync("urgent");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("[?&]priority=urgent(&|$)"));
        var urgentTotal = await db.CountAsync(store, priority: AppDatabase.Urgent);
        var urgentIds = await db.CaseIdsAsync(store, priority: AppDatabase.Urgent);
        urgentTotal.ShouldBeInRange(1, all - 1, "the demo store has urgent cases and others");
        // The URL changes a moment before the rows do: the total names the filtered list once it is in.
        await Assertions.Expect(list.Total).ToHaveTextAsync($"1–{urgentIds.Count} of {urgentTotal}");
        (await list.RowIdsAsync()).ShouldBe(urgentIds, "exactly the store's urgent cases, in list order");
        await Assertions.Expect(list.Rows.Filter(new() { HasNotText = "Urgent" })).ToHaveCountAsync(0);
        await ScreenshotAsync("urgent");

        var detail = await list.OpenAsync(urgentIds[0]);
        await Assertions.Expect(detail.Priority).ToHaveTextAsync("Urgent");
    }
}
