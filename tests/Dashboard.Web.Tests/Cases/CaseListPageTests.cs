using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Cases;

public class CaseListPageTests : CasePageTestBase
{
    /// <summary>Renders the page at a URL, as the router would: the query string supplies tab, q and priority.</summary>
    private IRenderedComponent<CaseListPage> RenderList(string? tab = null, string? q = null, string? priority = null)
    {
        var query = new List<string>();
        if (tab is not null) query.Add("tab=" + tab);
        if (q is not null) query.Add("q=" + Uri.EscapeDataString(q));
        if (priority is not null) query.Add("priority=" + priority);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/cases" + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        return Render<CaseListPage>();
    }

    private static string Text(IRenderedComponent<CaseListPage> page, string testId) => page.Find($"[data-testid={testId}]").TextContent.Trim();

    /// <summary>Open 2, Awaiting you 1, Awaiting customer 1, Closed 1: every tab's count differs from its neighbours'.</summary>
    private async Task SeedOneOfEachAsync()
    {
        await OpenCaseAsync("Still open A");
        await OpenCaseAsync("Still open B");
        var answered = await OpenCaseAsync("Answered");
        (await Db.CaseService().ReplyAsync(Store.Id, answered.Id, Ada, "Here you go")).Succeeded.ShouldBeTrue();
        var waiting = await OpenCaseAsync("Customer wrote again");
        (await Db.CaseService().CustomerReplyAsync(Store.Id, waiting.Id, "Any news?")).Succeeded.ShouldBeTrue();
        var closed = await OpenCaseAsync("Done");
        (await Db.CaseService().UpdateAsync(Store.Id, closed.Id, Ada, null, CaseStatus.Closed)).Succeeded.ShouldBeTrue();
        Db.Clock.Advance(TimeSpan.FromHours(3));
    }

    [Fact]
    public async Task Tabs_show_each_count_and_the_tab_in_the_url_is_selected()
    {
        await SeedOneOfEachAsync();

        var page = RenderList(tab: "open");

        page.WaitForAssertion(() => Text(page, "tab-count-open").ShouldBe("2"));
        Text(page, "tab-count-awaiting-you").ShouldBe("1");
        Text(page, "tab-count-awaiting-customer").ShouldBe("1");
        Text(page, "tab-count-closed").ShouldBe("1");
        Text(page, "tab-count-all").ShouldBe("5");
        page.Find("[data-testid=tab-open]").GetAttribute("aria-current").ShouldBe("page");
        page.Find("[data-testid=tab-awaiting-you]").GetAttribute("aria-current").ShouldBe("false");
        page.FindAll("[data-testid=case-row]").Select(r => r.QuerySelector("a")!.TextContent).ShouldBe(["Still open B", "Still open A"], ignoreOrder: true);
    }

    [Fact]
    public async Task Without_a_tab_in_the_url_awaiting_you_comes_first_and_is_selected()
    {
        await SeedOneOfEachAsync();

        var page = RenderList();

        page.WaitForAssertion(() => page.FindAll("[data-testid=case-row]").Count.ShouldBe(1));
        page.FindAll("nav.case-tabs a")[0].GetAttribute("data-testid").ShouldBe("tab-awaiting-you");
        page.Find("[data-testid=tab-awaiting-you]").GetAttribute("aria-current").ShouldBe("page");
        page.Find("[data-testid=case-row] a").TextContent.ShouldBe("Customer wrote again");
    }

    [Fact]
    public async Task Row_shows_customer_order_amount_unread_badge_and_links_to_the_case()
    {
        var c = await OpenCaseAsync("Where is my key", CasePriority.Urgent);

        var page = RenderList(tab: "open");

        var row = page.WaitForElement("[data-testid=case-row]");
        row.GetAttribute("data-case-id").ShouldBe(c.Id);
        row.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/cases/{c.Id}");
        row.TextContent.ShouldContain("Bea Buyer");
        row.TextContent.ShouldContain(Customer.Email);
        row.TextContent.ShouldContain(Order.OrderNumber);
        row.TextContent.ShouldContain("$49.99");
        row.TextContent.ShouldContain("Urgent");
        row.TextContent.ShouldContain("by Customer");
        row.QuerySelector("[data-testid=unread-badge]")!.TextContent.Trim().ShouldBe("1 unread", "the number, and for a screen reader what it counts");
        row.QuerySelector("[data-testid=escalated-marker]").ShouldBeNull();
        Text(page, "cases-total").ShouldBe("1–1 of 1");
    }

    [Fact]
    public async Task Escalated_case_carries_the_escalated_marker()
    {
        var c = await OpenCaseAsync();
        await Db.EscalateAsync(c.Id);

        var page = RenderList(tab: "all");

        page.WaitForElement("[data-testid=case-row] [data-testid=escalated-marker]");
    }

    [Fact]
    public async Task Empty_awaiting_you_tab_says_so_kindly()
    {
        await OpenCaseAsync();

        var page = RenderList(tab: "awaiting-you");

        page.WaitForAssertion(() => Text(page, "cases-empty").ShouldContain("No cases awaiting you"));
        page.FindAll("[data-testid=case-row]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_without_matches_names_the_search_and_clear_filters_goes_back_to_the_plain_tab()
    {
        await OpenCaseAsync("Licence key missing");

        var page = RenderList(tab: "all", q: "refund");

        page.WaitForAssertion(() => Text(page, "cases-empty").ShouldContain("No cases match “refund”"));
        page.FindAll("[data-testid=cases-empty] button").Single().Click();
        Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("/cases?tab=all");
    }

    [Fact]
    public async Task Search_by_order_number_and_priority_filter_narrow_the_list()
    {
        await OpenCaseAsync("Low one", CasePriority.Low);
        await OpenCaseAsync("High one", CasePriority.High);

        var byPriority = RenderList(tab: "all", priority: "high");
        byPriority.WaitForAssertion(() => byPriority.FindAll("[data-testid=case-row] a").Select(a => a.TextContent).ShouldBe(["High one"]));

        var byOrder = RenderList(tab: "all", q: Order.OrderNumber);
        byOrder.WaitForAssertion(() => byOrder.FindAll("[data-testid=case-row]").Count.ShouldBe(2));
    }

    [Fact]
    public async Task Typing_a_search_puts_it_in_the_url_after_a_pause_and_enter_submits_at_once()
    {
        await OpenCaseAsync("Refund please");
        await OpenCaseAsync("Key missing");
        // The pause is measured on the page's TimeProvider: driven here, so a busy machine cannot make it pass early.
        var clock = new FakeTimeProvider(Db.Clock.GetUtcNow());
        PageClock = clock;
        var page = RenderList(tab: "all");
        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=case-row]").Count.ShouldBe(2));

        page.Find("input[data-testid=case-search]").Input("refund");
        clock.Advance(TimeSpan.FromMilliseconds(299));
        navigation.Uri.ShouldNotContain("q=");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        page.WaitForAssertion(() => navigation.Uri.ShouldEndWith("/cases?tab=all&q=refund"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=case-row] a").Select(a => a.TextContent).ShouldBe(["Refund please"]));

        // Search covers message bodies too, and every seeded case says "Where is my key?": use a subject-only word.
        page.Find("input[data-testid=case-search]").Input("missing");
        page.Find("input[data-testid=case-search]").KeyDown("Enter");
        navigation.Uri.ShouldEndWith("/cases?tab=all&q=missing");
        page.WaitForAssertion(() => page.FindAll("[data-testid=case-row] a").Select(a => a.TextContent).ShouldBe(["Key missing"]));
    }

    [Fact]
    public async Task Another_stores_cases_never_appear()
    {
        var (other, _, otherOrder) = await Db.AddStoreAsync("Other Store");
        await Db.OpenCaseAsync(other.Id, otherOrder.Id, "Not yours");
        await OpenCaseAsync("Yours");

        var page = RenderList(tab: "all");

        page.WaitForAssertion(() => page.FindAll("[data-testid=case-row] a").Select(a => a.TextContent).ShouldBe(["Yours"]));
        Text(page, "tab-count-all").ShouldBe("1");
    }

    [Fact]
    public async Task A_change_elsewhere_updates_rows_and_counts_live_and_the_subscription_ends_with_the_page()
    {
        var c = await OpenCaseAsync("Needs an answer");
        var page = RenderList(tab: "awaiting-you");
        page.WaitForAssertion(() => page.Find("[data-testid=cases-empty]"));

        (await Db.CaseService().CustomerReplyAsync(Store.Id, c.Id, "Hello?")).Succeeded.ShouldBeTrue();

        page.WaitForAssertion(() => page.FindAll("[data-testid=case-row]").Count.ShouldBe(1), TimeSpan.FromSeconds(60));
        Text(page, "tab-count-awaiting-you").ShouldBe("1");
        Text(page, "tab-count-open").ShouldBe("0");
        Db.Feed.SubscriberCount.ShouldBe(1);

        await DisposeComponentsAsync();
        Db.Feed.SubscriberCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_failed_load_shows_the_error_and_retry_loads_again()
    {
        await OpenCaseAsync("Comes back");
        await RenameCasesTableAsync(hide: true);

        var page = RenderList(tab: "all");

        page.WaitForAssertion(() => Text(page, "cases-error").ShouldContain("could not be loaded"));
        page.FindAll("[data-testid=case-row]").ShouldBeEmpty();

        await RenameCasesTableAsync(hide: false);
        page.Find("[data-testid=cases-error] button").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=case-row] a").Select(a => a.TextContent).ShouldBe(["Comes back"]));
        page.FindAll("[data-testid=cases-error]").ShouldBeEmpty();
    }

    /// <summary>Makes every case query fail (the table is gone), then brings it back.</summary>
    private async Task RenameCasesTableAsync(bool hide)
    {
        await using var db = Db.NewContext();
        var sql = hide ? "ALTER TABLE \"Cases\" RENAME TO \"CasesAway\"" : "ALTER TABLE \"CasesAway\" RENAME TO \"Cases\"";
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task Platform_support_without_a_store_is_sent_to_escalated_cases()
    {
        SignIn(await AddUserAsync("Jordan Reyes", storeId: null, platformSupport: true));

        RenderList();

        Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("/support/escalated");
    }
}
