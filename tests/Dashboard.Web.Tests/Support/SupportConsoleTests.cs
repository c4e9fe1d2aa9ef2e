using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Support;
using Dashboard.Web.Features.Support.Audit;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Support;

/// <summary>
/// The console's services: staff notes (never seen by the merchant side), staff status/priority,
/// de-escalation and review requests through the rules, assignment (one claim wins), the queue
/// (filters, cross-store search, keyset paging, waiting times) and the audit log; nobody but staff gets in.
/// </summary>
public class SupportConsoleTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Store _store = null!;
    private Store _other = null!;
    private Order _order = null!;
    private Order _otherOrder = null!;
    private Actor _staff = null!;
    private Actor _colleague = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        (_store, _, _order) = await _db.AddStoreAsync("Northwind Test");
        (_other, _, _otherOrder) = await _db.AddStoreAsync("Contoso Test");
        _staff = await _db.AddSupportUserAsync("Jordan Reyes");
        _colleague = await _db.AddSupportUserAsync("Sam Staff");
        await using var db = _db.NewContext();
        db.Users.Add(new AppUser { Id = "agent", UserName = "a@test", Email = "a@test", DisplayName = "Abe Agent", CurrentStoreId = _store.Id });
        db.StoreMembers.Add(new StoreMember { StoreId = _store.Id, UserId = "agent", Role = StoreRole.Agent });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private CaseService Cases => _db.CaseService();
    private StaffAssignments Assignments() => new(_db.Factory, _db.Clock, new StoreAccess(_db.Factory), _db.Feed);
    private StaffAuditQueries Audit() => new(_db.Factory, new StoreAccess(_db.Factory));

    private async Task<SupportCase> EscalatedAsync(string subject = "Licence key missing", Store? store = null, Order? order = null)
    {
        var c = await _db.OpenCaseAsync((store ?? _store).Id, (order ?? _order).Id, subject);
        await _db.EscalateAsync(c.Id);
        return c;
    }

    [Fact]
    public async Task A_staff_note_is_seen_in_the_console_only_never_by_the_merchant_the_api_the_portal_or_email()
    {
        var c = await EscalatedAsync();
        var outboxBefore = await OutboxCountAsync();

        var note = await Cases.StaffNoteAsync(c.Id, _staff, "Fraud check: card used in 3 countries");
        note.Outcome.ShouldBe(CaseOutcome.Ok, note.Error);

        var queries = _db.CaseQueries();
        (await queries.GetAsync(null, c.Id, TimelineAudience.SupportConsole))!.Messages
            .ShouldContain(m => m.Kind == CaseEntryKind.StaffNote && m.Body.StartsWith("Fraud check") && m.AuthorName == "Jordan Reyes");
        foreach (var audience in new[] { TimelineAudience.MerchantDashboard, TimelineAudience.StoreApi, TimelineAudience.CustomerPortal, TimelineAudience.Email })
            (await queries.GetAsync(_store.Id, c.Id, audience))!.Messages.ShouldNotContain(m => m.Body.Contains("Fraud check"), audience.ToString());
        (await OutboxCountAsync()).ShouldBe(outboxBefore, "a note is never emailed");

        var after = await CaseAsync(c.Id);
        (after.Status, after.UnreadCount, after.LastMessageAt, after.LastMessageBy).ShouldBe((c.Status, c.UnreadCount, c.LastMessageAt, c.LastMessageBy));
    }

    [Fact]
    public async Task Support_posts_only_on_escalated_cases_and_posting_never_escalates()
    {
        var quiet = await _db.OpenCaseAsync(_store.Id, _order.Id, "Quiet");

        var refused = await Cases.SupportPostAsync(quiet.Id, _staff, "Hello");

        refused.Error.ShouldBe(CaseWorkflow.Messages.SupportOnlyEscalated);
        (await CaseAsync(quiet.Id)).Escalated.ShouldBeFalse();
        (await Cases.StaffNoteAsync(quiet.Id, _staff, "note")).Error.ShouldBe(CaseWorkflow.Messages.SupportOnlyEscalated);
    }

    [Fact]
    public async Task Staff_set_status_and_priority_on_an_escalated_case_and_the_trail_says_pandabase_support()
    {
        var c = await EscalatedAsync();

        (await Cases.SupportUpdateAsync(c.Id, _staff, CasePriority.Urgent, CaseStatus.AwaitingCustomer)).Succeeded.ShouldBeTrue();

        var after = await CaseAsync(c.Id);
        (after.Status, after.Priority).ShouldBe((CaseStatus.AwaitingCustomer, CasePriority.Urgent));
        var trail = (await _db.CaseQueries().GetAsync(_store.Id, c.Id, TimelineAudience.MerchantDashboard))!.Messages.Select(m => m.Body).ToList();
        trail.ShouldContain("Status changed from Open to Awaiting customer by Pandabase Support");
        trail.ShouldContain("Priority changed from Normal to Urgent by Pandabase Support");
        var audit = (await Audit().ListAsync(_staff.UserId!, new StaffAuditQuery(Action: StaffAuditAction.ChangedCase))).ShouldHaveSingleItem();
        (audit.CaseId, audit.StoreId, audit.StaffName, audit.Detail).ShouldBe((c.Id, _store.Id, "Jordan Reyes", "priority → Urgent, status → Awaiting customer"));
    }

    [Fact]
    public async Task A_merchant_asks_for_a_review_then_staff_hand_it_back_with_a_reason()
    {
        var c = await _db.OpenCaseAsync(_store.Id, _order.Id);

        (await Cases.RequestReviewAsync(_store.Id, c.Id, Actor.Merchant("Abe Agent", "agent"), "")).Error.ShouldBe(CaseWorkflow.Messages.ReasonRequired);
        (await Cases.RequestReviewAsync(_other.Id, c.Id, Actor.Merchant("Abe Agent", "agent"), "x")).Outcome.ShouldBe(CaseOutcome.Forbidden);
        (await Cases.RequestReviewAsync(_store.Id, c.Id, Actor.Merchant("Abe Agent", "agent"), "Customer threatens a chargeback")).Succeeded.ShouldBeTrue();
        (await CaseAsync(c.Id)).Escalated.ShouldBeTrue();
        (await _db.SupportQueries().QueueAsync(_staff.UserId!, new ConsoleQuery())).Rows.ShouldHaveSingleItem().Id.ShouldBe(c.Id);

        (await Cases.SupportDeescalateAsync(c.Id, _staff, " ")).Error.ShouldBe(CaseWorkflow.Messages.ReasonRequired);
        (await Cases.SupportDeescalateAsync(c.Id, _staff, "Refund agreed with the customer")).Succeeded.ShouldBeTrue();

        (await CaseAsync(c.Id)).Escalated.ShouldBeFalse();
        (await _db.SupportQueries().QueueAsync(_staff.UserId!, new ConsoleQuery())).Rows.ShouldBeEmpty();
        (await Audit().ListAsync(_staff.UserId!, new StaffAuditQuery(Action: StaffAuditAction.Deescalated))).ShouldHaveSingleItem().Reason
            .ShouldBe("Refund agreed with the customer");
    }

    [Fact]
    public async Task An_agent_cannot_reach_any_support_service_and_nothing_is_written()
    {
        var c = await EscalatedAsync();
        var agent = Actor.Support("agent");
        var entries = await EntriesAsync(c.Id);

        (await Cases.StaffNoteAsync(c.Id, agent, "note")).Outcome.ShouldBe(CaseOutcome.Forbidden);
        (await Cases.SupportPostAsync(c.Id, agent, "post")).Outcome.ShouldBe(CaseOutcome.Forbidden);
        (await Cases.SupportUpdateAsync(c.Id, agent, CasePriority.Urgent, null)).Outcome.ShouldBe(CaseOutcome.Forbidden);
        (await Cases.SupportDeescalateAsync(c.Id, agent, "because")).Outcome.ShouldBe(CaseOutcome.Forbidden);
        (await Cases.SupportEscalateAsync(c.Id, agent, "because")).Outcome.ShouldBe(CaseOutcome.Forbidden);
        (await Assignments().ClaimAsync("agent", c.Id)).Outcome.ShouldBe(CaseOutcome.Forbidden);
        (await Assignments().AssignAsync("agent", c.Id, _staff.UserId!)).Outcome.ShouldBe(CaseOutcome.Forbidden);
        (await Assignments().ReleaseAsync("agent", c.Id)).Outcome.ShouldBe(CaseOutcome.Forbidden);
        var support = _db.SupportQueries();
        await Should.ThrowAsync<AccessDeniedException>(() => support.QueueAsync("agent", new ConsoleQuery()));
        await Should.ThrowAsync<AccessDeniedException>(() => support.OpenCaseAsync("agent", c.Id));
        await Should.ThrowAsync<AccessDeniedException>(() => support.SignalsAsync("agent", c.Id));
        await Should.ThrowAsync<AccessDeniedException>(() => Audit().ListAsync("agent", new StaffAuditQuery()));

        (await EntriesAsync(c.Id)).ShouldBe(entries);
        await using var db = _db.NewContext();
        (await db.CaseStaffAssignments.CountAsync()).ShouldBe(0);
        (await db.StaffAudit.CountAsync()).ShouldBe(0);
        (await db.CaseSignals.Where(s => s.CaseId == c.Id).Select(s => s.Source).SingleAsync()).ShouldBe("test");
    }

    [Fact]
    public async Task Two_staff_claiming_the_same_case_at_once_have_one_winner()
    {
        for (var round = 0; round < 5; round++)
        {
            var c = await EscalatedAsync($"Race {round}");
            var results = await Task.WhenAll(
                Task.Run(() => Assignments().ClaimAsync(_staff.UserId!, c.Id)),
                Task.Run(() => Assignments().ClaimAsync(_colleague.UserId!, c.Id)));

            results.Count(r => r.Succeeded).ShouldBe(1, $"round {round}");
            var loser = results.Single(r => !r.Succeeded);
            await using var db = _db.NewContext();
            var holder = (await db.CaseStaffAssignments.SingleAsync(a => a.CaseId == c.Id)).StaffUserId;
            loser.Error.ShouldBe(StaffAssignments.ClaimedBy(holder == _staff.UserId ? "Jordan Reyes" : "Sam Staff"));
            (await db.StaffAudit.CountAsync(a => a.CaseId == c.Id && a.Action == StaffAuditAction.Claimed)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Claim_assign_release_and_the_mine_view()
    {
        var mine = await EscalatedAsync("Mine soon");
        var theirs = await EscalatedAsync("Theirs", _other, _otherOrder);
        await EscalatedAsync("Nobody's");
        var assignments = Assignments();
        var support = _db.SupportQueries();

        (await assignments.ClaimAsync(_staff.UserId!, mine.Id)).Succeeded.ShouldBeTrue();
        (await assignments.AssignAsync(_staff.UserId!, theirs.Id, _colleague.UserId!)).Succeeded.ShouldBeTrue();
        (await assignments.AssignAsync(_staff.UserId!, theirs.Id, "agent")).Error.ShouldBe(StaffAssignments.NotStaff);

        var page = await support.QueueAsync(_staff.UserId!, new ConsoleQuery(Assignee: AssigneeFilter.Mine));
        page.Rows.ShouldHaveSingleItem().Id.ShouldBe(mine.Id);
        (page.Mine, page.Unassigned).ShouldBe((1, 1));
        (await support.QueueAsync(_colleague.UserId!, new ConsoleQuery(Assignee: AssigneeFilter.Mine))).Rows.ShouldHaveSingleItem().AssigneeName.ShouldBe("Sam Staff");

        (await assignments.ReleaseAsync(_staff.UserId!, mine.Id)).Succeeded.ShouldBeTrue();
        (await support.QueueAsync(_staff.UserId!, new ConsoleQuery(Assignee: AssigneeFilter.Unassigned))).Total.ShouldBe(2);
        (await Audit().ListAsync(_staff.UserId!, new StaffAuditQuery(StaffUserId: _staff.UserId))).Select(a => a.Action)
            .ShouldBe([StaffAuditAction.Released, StaffAuditAction.Assigned, StaffAuditAction.Claimed]);
    }

    [Fact]
    public async Task The_queue_filters_by_store_signal_priority_and_status_and_searches_across_stores()
    {
        var dispute = await EscalatedAsync("Refund dispute over licence");
        var fraud = await _db.OpenCaseAsync(_other.Id, _otherOrder.Id, "Card declined twice", CasePriority.Urgent);
        await _db.EscalateAsync(fraud.Id, EscalationSignalKind.EfwMatch);
        await _db.OpenCaseAsync(_store.Id, _order.Id, "Refund question, not escalated");
        var support = _db.SupportQueries();
        async Task<IEnumerable<string>> Ids(ConsoleQuery q) => (await support.QueueAsync(_staff.UserId!, q)).Rows.Select(r => r.Id);

        (await Ids(new ConsoleQuery())).ShouldBe([fraud.Id, dispute.Id], ignoreOrder: true);
        (await Ids(new ConsoleQuery(StoreId: _other.Id))).ShouldBe([fraud.Id]);
        (await Ids(new ConsoleQuery(Signal: EscalationSignalKind.DisputeRisk))).ShouldBe([dispute.Id]);
        (await Ids(new ConsoleQuery(Priority: CasePriority.Urgent))).ShouldBe([fraud.Id]);
        (await Ids(new ConsoleQuery(Status: CaseStatus.Closed))).ShouldBeEmpty();
        (await Ids(new ConsoleQuery(Search: "refund"))).ShouldBe([dispute.Id], "words, through the full-text search; the other refund case is not escalated");
        (await Ids(new ConsoleQuery(Search: "declined"))).ShouldBe([fraud.Id]);
        (await Ids(new ConsoleQuery(Search: fraud.Id))).ShouldBe([fraud.Id]);
        (await Ids(new ConsoleQuery(Search: _otherOrder.OrderNumber))).ShouldBe([fraud.Id]);
        string email;
        await using (var db = _db.NewContext()) email = (await db.Customers.SingleAsync(u => u.Id == fraud.CustomerId)).Email;
        (await Ids(new ConsoleQuery(Search: email.ToUpperInvariant()))).ShouldBe([fraud.Id]);
        var row = (await support.QueueAsync(_staff.UserId!, new ConsoleQuery(StoreId: _other.Id))).Rows.Single();
        (row.StoreName, row.Signals.Single()).ShouldBe(("Contoso Test", EscalationSignalKind.EfwMatch));
    }

    [Fact]
    public async Task Keyset_paging_never_skips_or_repeats_even_when_cases_share_a_time_and_the_queue_changes()
    {
        var all = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            // Pairs share one instant: only the id orders them.
            if (i % 2 == 0) _db.Clock.Advance(TimeSpan.FromMinutes(1));
            all.Add((await EscalatedAsync($"Case {i}")).Id);
        }
        var support = _db.SupportQueries();
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await support.QueueAsync(_staff.UserId!, new ConsoleQuery(After: after, PageSize: 2));
            page.Total.ShouldBe(pages == 0 ? 7 : 8);
            seen.AddRange(page.Rows.Select(r => r.Id));
            after = page.NextCursor;
            // A new case arriving while staff page through goes on top: it neither shifts nor repeats the later pages.
            if (pages++ == 0) await EscalatedAsync("Arrived meanwhile");
        } while (after is not null);

        seen.ShouldBe(seen.Distinct().ToList());
        seen.Order().ShouldBe(all.Order());
        pages.ShouldBe(4);
    }

    [Fact]
    public async Task Waiting_times_and_the_overdue_mark_follow_the_last_customer_and_staff_messages()
    {
        var c = await EscalatedAsync();
        var support = _db.SupportQueries(new SupportConsoleOptions { OverdueAfter = TimeSpan.FromHours(24) });
        var opened = _db.Clock.UtcNow;

        _db.Clock.Advance(TimeSpan.FromHours(25));
        var row = (await support.QueueAsync(_staff.UserId!, new ConsoleQuery())).Rows.Single();
        (row.LastCustomerMessageAt, row.LastStaffMessageAt, row.CustomerWaiting, row.Overdue).ShouldBe((opened, (DateTime?)null, true, true));

        (await Cases.SupportPostAsync(c.Id, _staff, "Looking into it")).Succeeded.ShouldBeTrue();
        (await Cases.StaffNoteAsync(c.Id, _staff, "a note is not an answer")).Succeeded.ShouldBeTrue();
        row = (await support.QueueAsync(_staff.UserId!, new ConsoleQuery())).Rows.Single();
        (row.LastStaffMessageAt, row.CustomerWaiting, row.Overdue).ShouldBe((_db.Clock.UtcNow, false, false));
    }

    [Fact]
    public async Task Opening_a_case_in_the_console_is_audited_and_the_log_filters_by_staff_action_store_and_date()
    {
        var c = await EscalatedAsync();
        var theirs = await EscalatedAsync("Theirs", _other, _otherOrder);
        var support = _db.SupportQueries();

        (await support.OpenCaseAsync(_staff.UserId!, c.Id)).ShouldNotBeNull();
        _db.Clock.Advance(TimeSpan.FromDays(2));
        (await support.OpenCaseAsync(_colleague.UserId!, theirs.Id)).ShouldNotBeNull();
        (await support.OpenCaseAsync(_colleague.UserId!, (await _db.OpenCaseAsync(_store.Id, _order.Id)).Id)).ShouldBeNull("not escalated: not found, not audited");

        var audit = Audit();
        var everything = await audit.ListAsync(_staff.UserId!, new StaffAuditQuery());
        everything.Select(a => (a.StaffName, a.Action, a.CaseId)).ShouldBe([("Sam Staff", StaffAuditAction.OpenedCase, theirs.Id), ("Jordan Reyes", StaffAuditAction.OpenedCase, c.Id)]);
        (await audit.ListAsync(_staff.UserId!, new StaffAuditQuery(StaffUserId: _colleague.UserId))).ShouldHaveSingleItem().CaseId.ShouldBe(theirs.Id);
        (await audit.ListAsync(_staff.UserId!, new StaffAuditQuery(StoreId: _store.Id))).ShouldHaveSingleItem().CaseId.ShouldBe(c.Id);
        var today = DateOnly.FromDateTime(_db.Clock.UtcNow);
        (await audit.ListAsync(_staff.UserId!, new StaffAuditQuery(From: today, To: today))).ShouldHaveSingleItem().CaseId.ShouldBe(theirs.Id);
        (await audit.ListAsync(_staff.UserId!, new StaffAuditQuery(Before: everything[0].Id))).ShouldHaveSingleItem().CaseId.ShouldBe(c.Id);
    }

    private async Task<SupportCase> CaseAsync(string id)
    {
        await using var db = _db.NewContext();
        return await db.Cases.SingleAsync(c => c.Id == id);
    }

    private async Task<int> EntriesAsync(string caseId)
    {
        await using var db = _db.NewContext();
        return await db.CaseMessages.CountAsync(m => m.CaseId == caseId);
    }

    private async Task<int> OutboxCountAsync()
    {
        await using var db = _db.NewContext();
        return await db.Outbox.CountAsync();
    }
}
