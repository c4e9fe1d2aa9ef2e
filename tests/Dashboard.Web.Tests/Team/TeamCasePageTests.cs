using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Cases.Detail;
using Dashboard.Web.Features.SavedReplies;
using Dashboard.Web.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Web.Tests.Team;

/// <summary>The case page's team tools (bUnit, real services): the reply box's Note mode, the assignee menu, saved replies.</summary>
public class TeamCasePageTests : CasePageTestBase
{
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private IRenderedComponent<CaseDetailPage> RenderCase(string caseId)
    {
        _popovers ??= RenderProviders();
        return Render<CaseDetailPage>(p => p.Add(x => x.CaseId, caseId));
    }

    [Fact]
    public async Task A_note_written_in_note_mode_shows_as_a_team_note_and_the_case_still_awaits_an_answer()
    {
        var c = await OpenCaseAsync();
        var page = RenderCase(c.Id);
        page.WaitForElement("[data-testid=reply-mode-note]").Click();

        page.Find("[data-testid=reply-body]").GetAttribute("placeholder").ShouldBe("Only your team sees notes");
        page.Find("section.reply-box").ClassList.ShouldContain("reply-box-note");
        page.Find("[data-testid=reply-send]").TextContent.Trim().ShouldBe("Add note");
        page.FindAll("[data-testid=attach-picker]").ShouldBeEmpty();
        page.Find("textarea[data-testid=reply-body]").Input("Checked with the supplier: key is valid.");
        page.Find("[data-testid=reply-send]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=timeline-entry][data-entry-kind=team-note]").Count.ShouldBe(1));
        var note = page.Find("[data-testid=timeline-entry][data-entry-kind=team-note]");
        note.ClassList.ShouldContain("entry-team-note");
        note.TextContent.ShouldContain("Checked with the supplier: key is valid.");
        note.TextContent.ShouldContain("Team note");
        page.Find("[data-testid=case-status]").TextContent.Trim().ShouldBe("Open");
        (await Db.CaseQueries().GetAsync(Store.Id, c.Id, TimelineAudience.StoreApi))!.Messages.ShouldNotContain(m => m.Body.Contains("supplier"));
    }

    [Fact]
    public async Task Switching_to_note_and_back_keeps_the_draft()
    {
        var c = await OpenCaseAsync();
        var page = RenderCase(c.Id);
        page.WaitForElement("textarea[data-testid=reply-body]").Input("Half a reply");

        page.Find("[data-testid=reply-mode-note]").Click();
        page.Find("[data-testid=reply-mode-reply]").Click();
        page.Find("[data-testid=reply-send]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=timeline-entry][data-author-kind=MERCHANT]").Count.ShouldBe(1));
        page.Find("[data-testid=timeline-entry][data-author-kind=MERCHANT]").TextContent.ShouldContain("Half a reply");
    }

    [Fact]
    public async Task The_assignee_menu_lists_the_members_and_assigning_writes_the_trail_line()
    {
        var c = await OpenCaseAsync();
        var theo = await AddUserAsync("Theo Park", Store.Id);
        var page = RenderCase(c.Id);
        var select = page.WaitForElement("[data-testid=assignee-select]");
        select.QuerySelectorAll("option").Select(o => o.TextContent.Trim()).ShouldBe(["Nobody", "Nadia Holm", "Theo Park"]);

        select.Change(theo.Id);

        page.WaitForAssertion(() => page.FindAll("[data-testid=timeline-entry]").Last().TextContent.ShouldContain("Assigned to Theo Park by Nadia Holm"));
        (await Db.CaseQueries().GetAsync(Store.Id, c.Id, TimelineAudience.MerchantDashboard))!.Case.AssigneeUserId.ShouldBe(theo.Id);
    }

    [Fact]
    public async Task Saved_replies_are_offered_filled_for_the_case_and_searchable()
    {
        var replies = Services.GetRequiredService<SavedReplyService>();
        (await replies.SaveAsync(User.Id, Store.Id, null, "Refund policy", "Hi {{customer.first_name}}, refunds for {{order.number}} take 5 days.")).Succeeded.ShouldBeTrue();
        (await replies.SaveAsync(User.Id, Store.Id, null, "Key resent", "We sent your key again.")).Succeeded.ShouldBeTrue();
        var c = await OpenCaseAsync();
        var page = RenderCase(c.Id);

        page.WaitForElement("[data-testid=saved-replies-button]").Click();
        page.FindAll("[data-testid=saved-reply-option]").Select(o => o.QuerySelector(".saved-reply-name")!.TextContent).ShouldBe(["Key resent", "Refund policy"]);
        page.Find("[data-testid=saved-reply-search]").Input("refund");

        var option = page.Find("[data-testid=saved-reply-option]");
        option.TextContent.ShouldContain($"Hi Bea, refunds for {Order.OrderNumber} take 5 days.");
        page.FindAll("[data-testid=saved-reply-option]").Count.ShouldBe(1);
    }
}
