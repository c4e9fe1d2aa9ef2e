using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Support;
using Dashboard.Web.Tests.Cases;

namespace Dashboard.Web.Tests.Support;

public class SupportPagesTests : CasePageTestBase
{
    private AppUser _support = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _support = await AddUserAsync("Jordan Reyes", storeId: null, platformSupport: true);
    }

    [Fact]
    public async Task Escalated_list_shows_escalated_cases_of_every_store_with_the_store_name_and_nothing_else()
    {
        var (other, _, otherOrder) = await Db.AddStoreAsync("Contoso Test");
        var ours = await OpenCaseAsync("Dispute coming");
        var theirs = await Db.OpenCaseAsync(other.Id, otherOrder.Id, "Fraud warning");
        await OpenCaseAsync("Ordinary question");
        await Db.EscalateAsync(ours.Id);
        await Db.EscalateAsync(theirs.Id, EscalationSignalKind.EfwMatch);
        SignIn(_support);

        var page = Render<ConsoleQueuePage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=case-row]").Count.ShouldBe(2));
        var rows = page.FindAll("[data-testid=case-row]").ToDictionary(r => r.GetAttribute("data-case-id")!, r => r.TextContent);
        rows[ours.Id].ShouldContain("Northwind Test");
        rows[theirs.Id].ShouldContain("Contoso Test");
        page.Find($"[data-case-id={theirs.Id}] a").GetAttribute("href").ShouldBe($"/support/cases/{theirs.Id}");
        page.Markup.ShouldNotContain("Ordinary question");
    }

    [Fact]
    public async Task Merchants_get_access_denied_on_support_pages()
    {
        var c = await OpenCaseAsync();
        await Db.EscalateAsync(c.Id);

        var list = Render<ConsoleQueuePage>();
        list.WaitForElement("[data-testid=access-denied]");
        list.FindAll("[data-testid=case-row]").ShouldBeEmpty();

        var detail = Render<SupportCasePage>(p => p.Add(x => x.CaseId, c.Id));
        detail.WaitForElement("[data-testid=access-denied]");
        detail.Markup.ShouldNotContain("Licence key missing");
    }

    [Fact]
    public async Task Support_sees_a_case_that_is_not_escalated_as_not_found()
    {
        var c = await OpenCaseAsync("Quiet case");
        SignIn(_support);

        var page = Render<SupportCasePage>(p => p.Add(x => x.CaseId, c.Id));

        page.WaitForElement("[data-testid=case-not-found]");
        page.Markup.ShouldNotContain("Quiet case");
    }

    [Fact]
    public async Task Support_posts_as_pandabase_support_without_status_menus()
    {
        var c = await OpenCaseAsync("Dispute coming");
        await Db.EscalateAsync(c.Id);
        SignIn(_support);
        RenderProviders();

        var page = Render<SupportCasePage>(p => p.Add(x => x.CaseId, c.Id));
        page.WaitForElement("textarea[data-testid=reply-body]").Input("Please hold off on the dispute.");
        page.FindAll("[data-testid=status-menu]").ShouldBeEmpty();
        page.Find("[data-testid=reply-send]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=timeline-entry][data-author-kind=SUPPORT]").Count.ShouldBe(1));
        var entry = page.Find("[data-testid=timeline-entry][data-author-kind=SUPPORT]");
        entry.TextContent.ShouldContain(CaseWorkflow.SupportBrand);
        entry.TextContent.ShouldContain("Please hold off on the dispute.");
        (await Db.CaseQueries().GetAsync(Store.Id, c.Id, TimelineAudience.MerchantDashboard))!.Case.LastMessageBy.ShouldBe(AuthorKind.Support);
    }

    [Fact]
    public async Task Staff_see_the_signal_and_write_a_staff_note_in_the_console()
    {
        var c = await OpenCaseAsync("Dispute coming");
        await Db.EscalateAsync(c.Id);
        SignIn(_support);
        RenderProviders();

        var console = Render<SupportCasePage>(p => p.Add(x => x.CaseId, c.Id));
        console.WaitForElement("[data-testid=signal-badge][data-signal=DISPUTE_RISK]");
        console.Find("textarea[data-testid=staff-note-input]").Input("Card used in three countries");
        console.Find("[data-testid=staff-note-send]").Click();
        console.WaitForAssertion(() => console.Find("[data-testid=timeline-entry][data-entry-kind=staff-note]").TextContent.ShouldContain("Card used in three countries"));
    }

    [Fact]
    public async Task The_merchants_case_page_shows_the_signal_badge_but_never_a_staff_note()
    {
        var c = await OpenCaseAsync("Dispute coming");
        await Db.EscalateAsync(c.Id);
        var staff = await Db.AddSupportUserAsync();
        (await Db.CaseService().StaffNoteAsync(c.Id, staff, "Card used in three countries")).Succeeded.ShouldBeTrue();
        RenderProviders();

        var merchant = Render<CaseDetailPage>(p => p.Add(x => x.CaseId, c.Id));
        merchant.WaitForElement("[data-testid=escalated-marker]");
        merchant.Find("[data-testid=signal-badge]").GetAttribute("data-signal").ShouldBe("DISPUTE_RISK");
        merchant.Markup.ShouldNotContain("Card used in three countries");
        merchant.FindAll("[data-testid=request-review]").ShouldBeEmpty("already escalated");
    }

    [Fact]
    public async Task A_merchant_asks_for_a_pandabase_review_with_a_reason_and_the_case_shows_escalated()
    {
        var c = await OpenCaseAsync("Chargeback threat");
        RenderProviders();

        var page = Render<CaseDetailPage>(p => p.Add(x => x.CaseId, c.Id));
        page.WaitForElement("[data-testid=request-review]").Click();
        page.WaitForElement("input[data-testid=request-review-reason]").Input("The customer threatens a chargeback");
        page.Find("[data-testid=request-review-send]").Click();

        page.WaitForElement("[data-testid=escalated-marker]");
        page.Markup.ShouldContain("Nadia Holm asked for a Pandabase Support review: The customer threatens a chargeback");
        (await Db.CaseQueries().GetAsync(Store.Id, c.Id, TimelineAudience.MerchantDashboard))!.Case.Escalated.ShouldBeTrue();
    }

    [Fact]
    public async Task The_console_queue_shows_signal_badges_the_assignee_and_the_overdue_mark()
    {
        var c = await OpenCaseAsync("Dispute coming");
        await Db.EscalateAsync(c.Id);
        Db.Clock.Advance(TimeSpan.FromHours(30));
        SignIn(_support);

        var page = Render<ConsoleQueuePage>();

        page.WaitForElement("[data-testid=case-row]");
        var row = page.Find($"[data-case-id={c.Id}]");
        row.GetAttribute("data-overdue").ShouldBe("true");
        row.QuerySelector("[data-testid=signal-badge]")!.TextContent.ShouldContain("Dispute risk");
        row.QuerySelector("[data-testid=row-assignee]")!.TextContent.ShouldBe("—");
        page.Find("[data-testid=count-unassigned]").TextContent.ShouldBe("1");
    }
}
