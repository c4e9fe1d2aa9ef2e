using System.Text.RegularExpressions;

namespace Dashboard.E2E.Tests;

public sealed class CaseFilterTests(E2EFixture fixture) : E2ETest(fixture)
{
    [Fact]
    public async Task Search_by_case_id_and_the_priority_filter_narrow_the_list_and_live_in_the_url()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.ContosoOwner);
        await list.SelectTabAsync("all");
        var all = await list.CountAsync("all");
        await Assertions.Expect(list.Rows.Nth(1)).ToBeVisibleAsync();
        var ids = await list.RowIdsAsync();
        var wanted = ids[^1];

        await list.Search.FillAsync(wanted);
        await list.Search.PressAsync("Enter");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"[?&]q={wanted}(&|$)"));
        await Assertions.Expect(list.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(list.Rows.First).ToHaveAttributeAsync("data-case-id", wanted);
        await ScreenshotAsync("search");

        await list.GotoAsync("all");
        await list.PriorityFilter.SelectOptionAsync("urgent");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("[?&]priority=urgent(&|$)"));
        // The URL changes a moment before the rows do: wait for a list of urgent rows only.
        await Assertions.Expect(list.Rows.Filter(new() { HasNotText = "Urgent" })).ToHaveCountAsync(0);
        await list.WaitForReadyAsync();
        await Assertions.Expect(list.Rows.Filter(new() { HasNotText = "Urgent" })).ToHaveCountAsync(0);
        var urgent = await list.RowIdsAsync();
        urgent.Count.ShouldBeLessThan(all);
        await ScreenshotAsync("urgent");

        var detail = await list.OpenAsync(urgent[0]);
        await Assertions.Expect(detail.Priority).ToHaveTextAsync("Urgent");
    }
}
