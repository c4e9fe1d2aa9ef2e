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
}
