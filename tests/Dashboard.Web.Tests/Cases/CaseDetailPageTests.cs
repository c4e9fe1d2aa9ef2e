using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using MudBlazor;

namespace Dashboard.Web.Tests.Cases;

public class CaseDetailPageTests : CasePageTestBase
{
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private IRenderedComponent<CaseDetailPage> RenderCase(string caseId)
    {
        _popovers ??= RenderProviders();
        return Render<CaseDetailPage>(p => p.Add(x => x.CaseId, caseId));
    }

    private static string Text(IRenderedComponent<CaseDetailPage> page, string testId) => page.Find($"[data-testid={testId}]").TextContent.Trim();

    private static void Type(IRenderedComponent<CaseDetailPage> page, string text) => page.Find("textarea[data-testid=reply-body]").Input(text);

    private static void ClickSend(IRenderedComponent<CaseDetailPage> page) => page.Find("[data-testid=reply-send]").Click();

    private IReadOnlyList<string> MenuOptions(IRenderedComponent<CaseDetailPage> page, string menu)
    {
        var provider = _popovers!;
        // A menu closes after its item's handler has finished; wait for that before opening it again.
        provider.WaitForAssertion(() => provider.FindAll($"[data-testid^={menu}-option-]").ShouldBeEmpty());
        page.Find($"[data-testid={menu}-menu] button").Click();
        provider.WaitForAssertion(() => provider.FindAll($"[data-testid^={menu}-option-]").ShouldNotBeEmpty());
        return provider.FindAll($"[data-testid^={menu}-option-]").Select(e => e.GetAttribute("data-testid")!).ToList();
    }

    private void ClickOption(string testId) => _popovers!.Find($"[data-testid={testId}]").Click();

    [Fact]
    public async Task Opening_a_case_shows_subject_status_timeline_and_rail()
    {
        var c = await OpenCaseAsync("Licence key missing", CasePriority.High);

        var page = RenderCase(c.Id);

        page.WaitForAssertion(() => Text(page, "case-subject").ShouldBe("Licence key missing"));
        Text(page, "case-status").ShouldBe("Open");
        Text(page, "case-priority").ShouldBe("High");
        var entry = page.Find("[data-testid=timeline-entry]");
        entry.GetAttribute("data-author-kind").ShouldBe("CUSTOMER");
        entry.TextContent.ShouldContain("Where is my key?");
        Text(page, "customer-rail").ShouldContain(Customer.Email);
        page.Find("[data-testid=customer-rail] a").GetAttribute("href").ShouldBe("mailto:" + Customer.Email);
        Text(page, "order-rail").ShouldContain("$49.99");
        Text(page, "order-rail").ShouldContain("AAAA-BBBB-CCCC");
        Text(page, "case-identifiers").ShouldContain(c.Id);
        page.FindAll("[data-testid^=copy-][data-testid$=-id]").Count.ShouldBe(4);
    }

    [Fact]
    public async Task Message_bodies_are_plain_text_never_html()
    {
        var c = await OpenCaseAsync();
        Db.Clock.Advance(TimeSpan.FromMinutes(1));
        (await Db.CaseService().CustomerReplyAsync(Store.Id, c.Id, "<b>bold</b><script>alert(1)</script>\nsecond line")).Succeeded.ShouldBeTrue();

        var page = RenderCase(c.Id);

        page.WaitForElement("[data-testid=timeline-entry]");
        var body = page.FindAll("[data-testid=timeline-entry][data-author-kind=CUSTOMER] .entry-body").Last();
        body.TextContent.ShouldBe("<b>bold</b><script>alert(1)</script>\nsecond line");
        body.QuerySelector("b").ShouldBeNull();
        body.QuerySelector("script").ShouldBeNull();
    }

    [Fact]
    public async Task Opening_an_unread_case_marks_it_read()
    {
        var c = await OpenCaseAsync();

        var page = RenderCase(c.Id);

        page.WaitForAssertion(() => page.Find("[data-testid=case-subject]"));
        (await Db.CaseQueries().GetAsync(Store.Id, c.Id, TimelineAudience.MerchantDashboard))!.Case.UnreadCount.ShouldBe(0);
    }

    [Fact]
    public async Task Reply_counter_counts_characters_and_over_the_limit_turns_red_and_disables_send()
    {
        var c = await OpenCaseAsync();
        var page = RenderCase(c.Id);
        page.WaitForElement("[data-testid=reply-body]");
        page.Find("[data-testid=reply-send]").HasAttribute("disabled").ShouldBeTrue();

        Type(page, "Hello there!");
        Text(page, "reply-counter").ShouldBe("12 / 4,000");
        page.Find("[data-testid=reply-send]").HasAttribute("disabled").ShouldBeFalse();

        Type(page, new string('x', Limits.MessageBodyMax));
        Text(page, "reply-counter").ShouldBe("4,000 / 4,000");
        page.Find("[data-testid=reply-send]").HasAttribute("disabled").ShouldBeFalse();

        Type(page, new string('x', Limits.MessageBodyMax + 1));
        Text(page, "reply-counter").ShouldBe("4,001 / 4,000");
        page.Find("[data-testid=reply-counter]").ClassList.ShouldContain("over");
        page.Find("[data-testid=reply-send]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task Reply_counter_is_announced_only_when_the_text_comes_near_the_limit_and_when_it_goes_over()
    {
        var c = await OpenCaseAsync();
        var page = RenderCase(c.Id);
        page.WaitForElement("[data-testid=reply-body]");
        page.Find("[data-testid=reply-counter]").HasAttribute("aria-live").ShouldBeFalse("a live counter is read out on every keystroke");
        page.Find("[data-testid=reply-limit-announcement]").GetAttribute("role").ShouldBe("status");

        Type(page, "Hello there!");
        Text(page, "reply-limit-announcement").ShouldBe("");
        Type(page, new string('x', Limits.MessageBodyMax * 9 / 10 - 1));
        Text(page, "reply-limit-announcement").ShouldBe("");
        Type(page, new string('x', Limits.MessageBodyMax * 9 / 10));
        Text(page, "reply-limit-announcement").ShouldBe("Near the limit of 4,000 characters");
        Type(page, new string('x', Limits.MessageBodyMax));
        Text(page, "reply-limit-announcement").ShouldBe("Near the limit of 4,000 characters", "the same words while in the same band: nothing new to announce");

        Type(page, new string('x', Limits.MessageBodyMax + 1));
        Text(page, "reply-limit-announcement").ShouldBe("Over the limit of 4,000 characters");
        var box = page.Find("[data-testid=reply-body]");
        box.GetAttribute("aria-invalid").ShouldBe("true");
        box.GetAttribute("aria-describedby").ShouldBe(page.Find("[data-testid=reply-problem]").Id);
        page.Find("[data-testid=reply-problem]").HasAttribute("role").ShouldBeFalse("an alert would be re-read with every keystroke");
    }

    [Fact]
    public async Task Sending_a_reply_shows_it_in_the_timeline_moves_the_case_to_awaiting_customer_and_clears_the_box()
    {
        var c = await OpenCaseAsync();
        var page = RenderCase(c.Id);
        page.WaitForElement("[data-testid=reply-body]");

        Type(page, "Here is your key:\nAAAA-BBBB");
        ClickSend(page);

        page.WaitForAssertion(() => Text(page, "case-status").ShouldBe("Awaiting customer"));
        var merchantEntry = page.FindAll("[data-testid=timeline-entry][data-author-kind=MERCHANT]").Single();
        merchantEntry.QuerySelector(".entry-body")!.TextContent.ShouldBe("Here is your key:\nAAAA-BBBB");
        merchantEntry.TextContent.ShouldContain("Nadia Holm");
        merchantEntry.QuerySelector(".entry-role")!.TextContent.ShouldBe("You");
        page.FindAll("[data-testid=timeline-entry][data-author-kind=SYSTEM]").Single().TextContent
            .ShouldContain("Status changed from Open to Awaiting customer by Nadia Holm");
        Text(page, "reply-counter").ShouldBe("0 / 4,000");
        page.Find("[data-testid=reply-send]").HasAttribute("disabled").ShouldBeTrue();
        page.FindAll("[data-testid=reply-error]").ShouldBeEmpty();
        (await Db.CaseQueries().GetAsync(Store.Id, c.Id, TimelineAudience.MerchantDashboard))!.Case.Status.ShouldBe(CaseStatus.AwaitingCustomer);
    }

    [Fact]
    public async Task Reply_after_someone_else_changed_the_case_shows_the_conflict_keeps_the_text_and_reloads()
    {
        var c = await OpenCaseAsync();
        var page = RenderCase(c.Id);
        page.WaitForElement("[data-testid=reply-body]");
        // A colleague answers in another browser; this page has not heard of it yet.
        (await SilentCaseService().ReplyAsync(Store.Id, c.Id, Ada, "Colleague's answer")).Succeeded.ShouldBeTrue();

        Type(page, "My draft answer");
        ClickSend(page);

        page.WaitForAssertion(() => Text(page, "reply-error").ShouldBe(CaseResult.ConflictMessage));
        Text(page, "reply-counter").ShouldBe("15 / 4,000");
        page.Find(".timeline").TextContent.ShouldContain("Colleague's answer");
        Text(page, "case-status").ShouldBe("Awaiting customer");

        ClickSend(page);
        page.WaitForAssertion(() => page.FindAll("[data-testid=timeline-entry][data-author-kind=MERCHANT]").Count.ShouldBe(2));
        page.FindAll("[data-testid=reply-error]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Status_menu_of_an_open_case_offers_close_and_awaiting_customer_only()
    {
        var c = await OpenCaseAsync();
        var page = RenderCase(c.Id);
        page.WaitForElement("[data-testid=status-menu]");

        MenuOptions(page, "status").ShouldBe(["status-option-AWAITING_CUSTOMER", "status-option-CLOSED"], ignoreOrder: true);
    }

    [Fact]
    public async Task Closing_from_the_menu_shows_the_closed_note_and_the_menu_then_offers_only_reopen()
    {
        var c = await OpenCaseAsync();
        var page = RenderCase(c.Id);
        page.WaitForElement("[data-testid=status-menu]");
        MenuOptions(page, "status");

        ClickOption("status-option-CLOSED");

        page.WaitForAssertion(() => Text(page, "case-status").ShouldBe("Closed"));
        page.FindAll("[data-testid=reply-body]").ShouldBeEmpty();
        page.Find("[data-testid=reopen-case]");
        MenuOptions(page, "status").ShouldBe(["status-option-OPEN"]);
        _popovers!.Find("[data-testid=status-option-OPEN]").TextContent.Trim().ShouldBe("Reopen case");
    }

    [Fact]
    public async Task Reopen_button_on_a_closed_case_reopens_it_and_brings_back_the_reply_box()
    {
        var c = await OpenCaseAsync();
        (await Db.CaseService().UpdateAsync(Store.Id, c.Id, Ada, null, CaseStatus.Closed)).Succeeded.ShouldBeTrue();
        Db.Clock.Advance(TimeSpan.FromMinutes(5));
        var page = RenderCase(c.Id);

        page.WaitForElement("[data-testid=reopen-case]").Click();

        page.WaitForAssertion(() => Text(page, "case-status").ShouldBe("Open"));
        page.Find("[data-testid=reply-body]");
        page.FindAll("[data-testid=timeline-entry][data-author-kind=SYSTEM]").Last().TextContent.ShouldContain("Reopened by Nadia Holm");
    }

    [Fact]
    public async Task A_draft_survives_closing_and_reopening_the_case()
    {
        var c = await OpenCaseAsync();
        var page = RenderCase(c.Id);
        page.WaitForElement("[data-testid=reply-body]");
        Type(page, "Draft to keep");
        MenuOptions(page, "status");

        ClickOption("status-option-CLOSED");
        page.WaitForElement("[data-testid=reopen-case]").Click();

        page.WaitForAssertion(() => Text(page, "case-status").ShouldBe("Open"));
        page.Find("textarea[data-testid=reply-body]").GetAttribute("value").ShouldBe("Draft to keep");
        Text(page, "reply-counter").ShouldBe("13 / 4,000");
    }

    [Fact]
    public async Task Priority_menu_changes_the_priority_and_writes_the_trail()
    {
        var c = await OpenCaseAsync();
        Db.Clock.Advance(TimeSpan.FromMinutes(5));
        var page = RenderCase(c.Id);
        page.WaitForElement("[data-testid=priority-menu]");
        MenuOptions(page, "priority").Count.ShouldBe(4);

        ClickOption("priority-option-URGENT");

        page.WaitForAssertion(() => Text(page, "case-priority").ShouldBe("Urgent"));
        page.FindAll("[data-testid=timeline-entry][data-author-kind=SYSTEM]").Last().TextContent
            .ShouldContain("Priority changed from Normal to Urgent by Nadia Holm");
    }

    [Fact]
    public async Task A_refused_status_change_shows_the_spec_message()
    {
        var c = await OpenCaseAsync();
        var page = RenderCase(c.Id);
        page.WaitForElement("[data-testid=status-menu]");
        MenuOptions(page, "status");
        // The row became closed without a version bump, so only the state machine can stop the change.
        await SetStatusBehindTheScenesAsync(c.Id, CaseStatus.Closed);

        ClickOption("status-option-CLOSED");

        page.WaitForAssertion(() => Text(page, "case-alert").ShouldContain(CaseWorkflow.Messages.AlreadyClosed));
    }

    [Fact]
    public async Task Another_stores_case_shows_not_found_like_an_unknown_or_malformed_id()
    {
        var (other, _, otherOrder) = await Db.AddStoreAsync("Other Store");
        var theirs = await Db.OpenCaseAsync(other.Id, otherOrder.Id, "Secret subject of another store");

        foreach (var id in new[] { theirs.Id, Ids.New(Ids.Case), "not-an-id" })
        {
            var page = RenderCase(id);
            page.WaitForElement("[data-testid=case-not-found]");
            page.Markup.ShouldNotContain("Secret subject");
            page.FindAll("[data-testid=reply-body]").ShouldBeEmpty();
        }
        (await Db.CaseQueries().GetAsync(other.Id, theirs.Id, TimelineAudience.MerchantDashboard))!.Case.UnreadCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_change_elsewhere_reloads_the_timeline_without_touching_the_typed_reply()
    {
        var c = await OpenCaseAsync();
        var page = RenderCase(c.Id);
        page.WaitForElement("[data-testid=reply-body]");
        Type(page, "Half-written answer");

        (await Db.CaseService().CustomerReplyAsync(Store.Id, c.Id, "Are you there?")).Succeeded.ShouldBeTrue();

        page.WaitForAssertion(() => page.FindAll("[data-testid=timeline-entry][data-author-kind=CUSTOMER]").Count.ShouldBe(2), TimeSpan.FromSeconds(60));
        Text(page, "case-status").ShouldBe("Awaiting you");
        Text(page, "reply-counter").ShouldBe("19 / 4,000");
    }
}
