using Dashboard.Domain;
using static Dashboard.Domain.CaseWorkflow.Messages;

namespace Dashboard.Domain.Tests;

/// <summary>Every (status, trigger) pair of the transition table, with its outcome.</summary>
public class CaseWorkflowTests
{
    private static readonly DateTime Created = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    private static CaseState StateIn(CaseStatus status, int unread = 2, bool escalated = false, DateTime? lastMessageAt = null) => new(
        status, CasePriority.Normal, unread, escalated, lastMessageAt ?? Created, AuthorKind.Customer,
        status == CaseStatus.Closed ? Created.AddHours(1) : null,
        status == CaseStatus.Closed ? AuthorKind.Merchant : null,
        Created, LastActivityAt: lastMessageAt ?? Created);

    public static TheoryData<CaseStatus> NonClosed => [CaseStatus.Open, CaseStatus.AwaitingCustomer, CaseStatus.AwaitingMerchant];
    public static TheoryData<CaseStatus> AllStatuses => [CaseStatus.Open, CaseStatus.AwaitingCustomer, CaseStatus.AwaitingMerchant, CaseStatus.Closed];

    [Fact]
    public void Open_starts_a_case_open_with_one_unread_customer_message()
    {
        var state = CaseWorkflow.Open(CasePriority.High, Now);
        state.Status.ShouldBe(CaseStatus.Open);
        state.Priority.ShouldBe(CasePriority.High);
        state.UnreadCount.ShouldBe(1);
        state.LastMessageBy.ShouldBe(AuthorKind.Customer);
        state.LastMessageAt.ShouldBe(Now);
        CaseWorkflow.OpenEffects.ShouldBe(CaseEffects.NotifyMerchant | CaseEffects.SendAutoReply);
    }

    [Theory, MemberData(nameof(NonClosed))]
    public void Customer_reply_on_active_case_awaits_merchant_and_adds_unread(CaseStatus from)
    {
        var d = CaseWorkflow.Apply(StateIn(from), new CaseTrigger.CustomerReplies(), Now);
        d.NewState.Status.ShouldBe(CaseStatus.AwaitingMerchant);
        d.NewState.UnreadCount.ShouldBe(3);
        d.NewState.LastMessageBy.ShouldBe(AuthorKind.Customer);
        d.NewState.LastMessageAt.ShouldBe(Now);
        d.NewState.UpdatedAt.ShouldBe(Now);
        d.AppendsMessage.ShouldBeTrue();
        d.Effects.ShouldBe(CaseEffects.NotifyMerchant);
        if (from == CaseStatus.AwaitingMerchant) d.Trail.ShouldBeEmpty();
        else d.Trail.ShouldBe([$"Status changed from {CaseWorkflow.Label(from)} to Awaiting merchant by the customer"]);
    }

    [Fact]
    public void Customer_reply_on_closed_case_reopens_it_and_clears_closed_fields()
    {
        var d = CaseWorkflow.Apply(StateIn(CaseStatus.Closed), new CaseTrigger.CustomerReplies(), Now);
        d.NewState.Status.ShouldBe(CaseStatus.AwaitingMerchant);
        d.NewState.ClosedAt.ShouldBeNull();
        d.NewState.ClosedBy.ShouldBeNull();
        d.Trail.ShouldBe(["Reopened by the customer"]);
    }

    [Theory, MemberData(nameof(NonClosed))]
    public void Customer_close_closes_with_closed_by_customer(CaseStatus from)
    {
        var d = CaseWorkflow.Apply(StateIn(from), new CaseTrigger.CustomerCloses(), Now);
        d.NewState.Status.ShouldBe(CaseStatus.Closed);
        d.NewState.ClosedBy.ShouldBe(AuthorKind.Customer);
        d.NewState.ClosedAt.ShouldBe(Now);
        d.Trail.ShouldBe(["Closed by the customer"]);
    }

    [Fact]
    public void Customer_close_on_closed_case_is_refused() =>
        Refusal(CaseStatus.Closed, new CaseTrigger.CustomerCloses()).ShouldBe(AlreadyClosed);

    [Theory, MemberData(nameof(NonClosed))]
    public void Merchant_reply_awaits_customer_clears_unread_and_emails(CaseStatus from)
    {
        var d = CaseWorkflow.Apply(StateIn(from), new CaseTrigger.MerchantReplies("Ada Merchant"), Now);
        d.NewState.Status.ShouldBe(CaseStatus.AwaitingCustomer);
        d.NewState.UnreadCount.ShouldBe(0);
        d.NewState.LastMessageBy.ShouldBe(AuthorKind.Merchant);
        d.Effects.ShouldBe(CaseEffects.EmailCustomer);
        d.AppendsMessage.ShouldBeTrue();
        if (from == CaseStatus.AwaitingCustomer) d.Trail.ShouldBeEmpty();
        else d.Trail.ShouldBe([$"Status changed from {CaseWorkflow.Label(from)} to Awaiting customer by Ada Merchant"]);
    }

    [Fact]
    public void Merchant_reply_on_closed_case_is_refused() =>
        Refusal(CaseStatus.Closed, new CaseTrigger.MerchantReplies("Ada")).ShouldBe("Case is closed; reopen it to reply");

    [Theory, MemberData(nameof(NonClosed))]
    public void Merchant_close_records_closed_at_and_by_merchant(CaseStatus from)
    {
        var d = CaseWorkflow.Apply(StateIn(from), Set(CaseStatus.Closed), Now);
        d.NewState.Status.ShouldBe(CaseStatus.Closed);
        d.NewState.ClosedAt.ShouldBe(Now);
        d.NewState.ClosedBy.ShouldBe(AuthorKind.Merchant);
        d.Trail.ShouldBe([$"Status changed from {CaseWorkflow.Label(from)} to Closed by Ada Merchant"]);
    }

    [Fact]
    public void Merchant_close_on_closed_case_is_refused() =>
        Refusal(CaseStatus.Closed, Set(CaseStatus.Closed)).ShouldBe("Case is already closed");

    [Fact]
    public void Merchant_reopen_of_closed_case_opens_and_clears_closed_fields()
    {
        var d = CaseWorkflow.Apply(StateIn(CaseStatus.Closed), Set(CaseStatus.Open), Now);
        d.NewState.Status.ShouldBe(CaseStatus.Open);
        d.NewState.ClosedAt.ShouldBeNull();
        d.NewState.ClosedBy.ShouldBeNull();
        d.Trail.ShouldBe(["Reopened by Ada Merchant"]);
    }

    [Theory, MemberData(nameof(NonClosed))]
    public void Merchant_reopen_of_active_case_is_refused(CaseStatus from) =>
        Refusal(from, Set(CaseStatus.Open)).ShouldBe("Only closed cases can be reopened");

    [Theory]
    [InlineData(CaseStatus.Open)]
    [InlineData(CaseStatus.AwaitingMerchant)]
    public void Merchant_sets_awaiting_customer_on_active_case(CaseStatus from)
    {
        var d = CaseWorkflow.Apply(StateIn(from), Set(CaseStatus.AwaitingCustomer), Now);
        d.NewState.Status.ShouldBe(CaseStatus.AwaitingCustomer);
        d.Changed.ShouldBeTrue();
        d.Trail.Count.ShouldBe(1);
    }

    [Fact]
    public void Merchant_sets_awaiting_customer_when_already_awaiting_customer_changes_nothing()
    {
        var before = StateIn(CaseStatus.AwaitingCustomer);
        var d = CaseWorkflow.Apply(before, Set(CaseStatus.AwaitingCustomer), Now);
        d.Changed.ShouldBeFalse();
        d.NewState.ShouldBe(before);
        d.Trail.ShouldBeEmpty();
    }

    [Fact]
    public void Merchant_sets_awaiting_customer_on_closed_case_is_refused() =>
        Refusal(CaseStatus.Closed, Set(CaseStatus.AwaitingCustomer)).ShouldBe("Cannot set status on a closed case");

    [Theory, MemberData(nameof(AllStatuses))]
    public void Merchant_cannot_set_awaiting_merchant(CaseStatus from) =>
        Refusal(from, Set(CaseStatus.AwaitingMerchant)).ShouldBe(MerchantCannotSetAwaitingMerchant);

    [Theory, MemberData(nameof(AllStatuses))]
    public void Update_with_neither_field_is_refused(CaseStatus from) =>
        Refusal(from, new CaseTrigger.MerchantUpdates("Ada", null, null)).ShouldBe("Nothing to update");

    [Theory, MemberData(nameof(AllStatuses))]
    public void Priority_change_is_allowed_in_every_status_and_leaves_a_trail(CaseStatus from)
    {
        var d = CaseWorkflow.Apply(StateIn(from), new CaseTrigger.MerchantUpdates("Ada Merchant", CasePriority.Urgent, null), Now);
        d.NewState.Priority.ShouldBe(CasePriority.Urgent);
        d.NewState.Status.ShouldBe(from);
        d.NewState.UpdatedAt.ShouldBe(Now);
        d.Trail.ShouldBe(["Priority changed from Normal to Urgent by Ada Merchant"]);
    }

    [Fact]
    public void Same_priority_changes_nothing()
    {
        var d = CaseWorkflow.Apply(StateIn(CaseStatus.Open), new CaseTrigger.MerchantUpdates("Ada", CasePriority.Normal, null), Now);
        d.Changed.ShouldBeFalse();
        d.Trail.ShouldBeEmpty();
    }

    [Fact]
    public void Refused_status_refuses_the_priority_in_the_same_update_too() =>
        Refusal(CaseStatus.Closed, new CaseTrigger.MerchantUpdates("Ada", CasePriority.High, CaseStatus.Closed)).ShouldBe(AlreadyClosed);

    [Fact]
    public void Status_and_priority_together_leave_two_trail_lines()
    {
        var d = CaseWorkflow.Apply(StateIn(CaseStatus.Open), new CaseTrigger.MerchantUpdates("Ada", CasePriority.Low, CaseStatus.Closed), Now);
        d.NewState.Status.ShouldBe(CaseStatus.Closed);
        d.NewState.Priority.ShouldBe(CasePriority.Low);
        d.Trail.Count.ShouldBe(2);
    }

    [Theory, MemberData(nameof(AllStatuses))]
    public void Mark_read_clears_unread_without_changing_status(CaseStatus from)
    {
        var d = CaseWorkflow.Apply(StateIn(from, unread: 4), new CaseTrigger.MerchantMarksRead(), Now);
        d.NewState.UnreadCount.ShouldBe(0);
        d.NewState.Status.ShouldBe(from);
        d.Trail.ShouldBeEmpty();
        d.AppendsMessage.ShouldBeFalse();
    }

    [Fact]
    public void Mark_read_when_nothing_is_unread_changes_nothing() =>
        CaseWorkflow.Apply(StateIn(CaseStatus.Open, unread: 0), new CaseTrigger.MerchantMarksRead(), Now).Changed.ShouldBeFalse();

    [Theory, MemberData(nameof(NonClosed))]
    public void Support_post_on_an_escalated_case_keeps_status_and_tells_both_sides(CaseStatus from)
    {
        var before = StateIn(from, unread: 2, escalated: true);
        var d = CaseWorkflow.Apply(before, new CaseTrigger.SupportPosts(), Now);
        d.NewState.ShouldBe(before with { LastMessageAt = Now, LastMessageBy = AuthorKind.Support, UpdatedAt = Now, LastActivityAt = Now },
            "a support post is activity: it restarts the auto-close clock");
        d.AppendsMessage.ShouldBeTrue();
        d.Effects.ShouldBe(CaseEffects.NotifyMerchant | CaseEffects.EmailCustomer, "the post is visible to both sides");
        d.Trail.ShouldBeEmpty("the post itself is the timeline entry");
        d.Changed.ShouldBeTrue();
    }

    [Fact]
    public void Support_post_on_closed_case_is_refused() =>
        Refusal(CaseStatus.Closed, new CaseTrigger.SupportPosts()).ShouldBe(ReplyOnClosed);

    [Theory, MemberData(nameof(NonClosed))]
    public void Support_cannot_post_on_a_case_that_is_not_escalated_and_posting_never_escalates(CaseStatus from) =>
        Refusal(from, new CaseTrigger.SupportPosts()).ShouldBe(SupportOnlyEscalated);

    [Fact]
    public void A_second_signal_on_an_escalated_case_adds_its_reason_to_the_trail_without_notifying_again()
    {
        var before = StateIn(CaseStatus.Open, escalated: true);
        var d = CaseWorkflow.Apply(before, new CaseTrigger.EscalationSignal(EscalationSignalKind.EfwMatch, "Early fraud warning: evt_1"), Now);
        d.NewState.ShouldBe(before with { UpdatedAt = Now });
        d.Trail.ShouldBe(["Escalation signal: Early fraud warning: evt_1"]);
        d.Effects.ShouldBe(CaseEffects.None, "escalating once is enough: no second notification");
    }

    [Fact]
    public void Staff_set_status_and_priority_on_an_escalated_case_by_pandabase_support()
    {
        var before = StateIn(CaseStatus.AwaitingMerchant, escalated: true);
        var d = CaseWorkflow.Apply(before, new CaseTrigger.SupportUpdates(CasePriority.Urgent, CaseStatus.Closed), Now);
        d.NewState.Status.ShouldBe(CaseStatus.Closed);
        d.NewState.ClosedBy.ShouldBe(AuthorKind.Support);
        d.NewState.Priority.ShouldBe(CasePriority.Urgent);
        d.Trail.ShouldBe(["Status changed from Awaiting merchant to Closed by Pandabase Support", "Priority changed from Normal to Urgent by Pandabase Support"]);
        Refusal(CaseStatus.Open, new CaseTrigger.SupportUpdates(CasePriority.Urgent, null)).ShouldBe(SupportOnlyEscalated);
    }

    [Fact]
    public void Escalating_by_hand_de_escalating_and_a_review_request_need_a_reason()
    {
        Refusal(CaseStatus.Open, new CaseTrigger.SupportEscalates(" ")).ShouldBe(ReasonRequired);
        Refusal(CaseStatus.Open, new CaseTrigger.MerchantRequestsReview("Ada", "")).ShouldBe(ReasonRequired);
        Refusal(CaseStatus.Open, new CaseTrigger.SupportEscalates(new string('x', CaseWorkflow.ReasonMax + 1))).ShouldBe(ReasonTooLong);
        CaseWorkflow.Decide(StateIn(CaseStatus.Open, escalated: true), new CaseTrigger.SupportDeescalates(""), Now).Refusal.ShouldBe(ReasonRequired);

        var review = CaseWorkflow.Apply(StateIn(CaseStatus.Open), new CaseTrigger.MerchantRequestsReview("Ada Merchant", "Customer threatens a chargeback"), Now);
        review.NewState.Escalated.ShouldBeTrue();
        review.Trail.ShouldBe(["Ada Merchant asked for a Pandabase Support review: Customer threatens a chargeback"]);

        var back = CaseWorkflow.Apply(review.NewState, new CaseTrigger.SupportDeescalates("Resolved with the customer"), Now);
        back.NewState.Escalated.ShouldBeFalse();
        back.Trail.ShouldBe(["Handed back to the store by Pandabase Support: Resolved with the customer"]);
    }

    [Fact]
    public void A_staff_note_changes_nothing_and_needs_an_escalated_case()
    {
        var before = StateIn(CaseStatus.AwaitingMerchant, escalated: true);
        var d = CaseWorkflow.Apply(before, new CaseTrigger.SupportNotes(), Now);
        d.Changed.ShouldBeFalse();
        d.NewState.ShouldBe(before, "a note never touches status, unread, last message or the auto-close clock");
        Refusal(CaseStatus.AwaitingMerchant, new CaseTrigger.SupportNotes()).ShouldBe(SupportOnlyEscalated);
    }

    [Theory, MemberData(nameof(NonClosed))]
    public void Escalation_signal_escalates_with_a_trail_and_notifies_the_merchant(CaseStatus from)
    {
        var before = StateIn(from, unread: 2);
        var d = CaseWorkflow.Apply(before, new CaseTrigger.EscalationSignal(EscalationSignalKind.DisputeRisk, "dispute risk"), Now);
        d.NewState.ShouldBe(before with { Escalated = true, UpdatedAt = Now }, "only the flag and updatedAt: no message, so lastMessage* and unread stay");
        d.Trail.ShouldBe(["Escalated to Pandabase Support: dispute risk"]);
        d.Effects.ShouldBe(CaseEffects.NotifyMerchant);
        d.AppendsMessage.ShouldBeFalse();
        d.Changed.ShouldBeTrue();
    }

    [Fact]
    public void Escalation_of_closed_case_is_refused() =>
        Refusal(CaseStatus.Closed, new CaseTrigger.EscalationSignal(EscalationSignalKind.DisputeRisk, "x")).ShouldBe(EscalateClosed);

    [Fact]
    public void Auto_close_closes_an_idle_warned_awaiting_customer_case_by_system()
    {
        var state = StateIn(CaseStatus.AwaitingCustomer, lastMessageAt: Now.AddDays(-14)) with { AutoCloseWarnedAt = Now.AddDays(-2) };
        var d = CaseWorkflow.Apply(state, new CaseTrigger.AutoClose(AutoClosePeriods.Default), Now);
        d.NewState.Status.ShouldBe(CaseStatus.Closed);
        d.NewState.ClosedBy.ShouldBe(AuthorKind.System);
        d.NewState.ClosedAt.ShouldBe(Now);
        d.TrailLines.ShouldBe([new TrailLine("Closed automatically after 14 days without a reply", CaseEntryKind.StatusTrail)]);
        d.Effects.ShouldBe(CaseEffects.SendAutoClosedNotice);
    }

    [Fact]
    public void Auto_close_before_the_idle_period_is_refused() =>
        CaseWorkflow.Decide(StateIn(CaseStatus.AwaitingCustomer, lastMessageAt: Now.AddDays(-13)) with { AutoCloseWarnedAt = Now.AddDays(-3) },
                new CaseTrigger.AutoClose(AutoClosePeriods.Default), Now)
            .Refusal.ShouldBe(AutoCloseTooEarly);

    [Theory]
    [InlineData(CaseStatus.Open)]
    [InlineData(CaseStatus.AwaitingMerchant)]
    [InlineData(CaseStatus.Closed)]
    public void Auto_close_outside_awaiting_customer_is_refused(CaseStatus from) =>
        CaseWorkflow.Decide(StateIn(from, lastMessageAt: Now.AddDays(-30)), new CaseTrigger.AutoClose(AutoClosePeriods.Default), Now)
            .Refusal.ShouldBe(AutoCloseWrongStatus);

    [Fact]
    public void Apply_throws_the_spec_message_on_a_refusal() =>
        Should.Throw<CaseRuleException>(() => CaseWorkflow.Apply(StateIn(CaseStatus.Closed), new CaseTrigger.MerchantReplies("A"), Now))
            .Message.ShouldBe(ReplyOnClosed);

    [Theory]
    [InlineData(CaseStatus.Open, new[] { CaseStatus.AwaitingCustomer, CaseStatus.Closed })]
    [InlineData(CaseStatus.AwaitingMerchant, new[] { CaseStatus.AwaitingCustomer, CaseStatus.Closed })]
    [InlineData(CaseStatus.AwaitingCustomer, new[] { CaseStatus.Closed })]
    [InlineData(CaseStatus.Closed, new[] { CaseStatus.Open })]
    public void Status_menu_offers_only_allowed_changes(CaseStatus from, CaseStatus[] expected) =>
        CaseWorkflow.MerchantStatusTargets(StateIn(from), Now).ShouldBe(expected, ignoreOrder: true);

    /// <summary>One expected outcome: the status the case ends in and how many trail lines, or the refusal.</summary>
    public sealed record Outcome(CaseStatus? To, int TrailLines, string? Refusal)
    {
        public override string ToString() => Refusal is null ? $"{To} ({TrailLines} trail)" : $"refused \"{Refusal}\"";
    }

    private static Outcome To(CaseStatus status, int trail = 1) => new(status, trail, null);
    private static Outcome No(string refusal) => new(null, 0, refusal);

    private static readonly CaseStatus O = CaseStatus.Open, AC = CaseStatus.AwaitingCustomer, AM = CaseStatus.AwaitingMerchant, C = CaseStatus.Closed;

    /// <summary>
    /// The spec's transition table written out in full: for each trigger, the outcome from
    /// Open, Awaiting customer, Awaiting merchant and Closed (in that order).
    /// </summary>
    private static readonly (string Name, CaseTrigger Trigger, Outcome[] From)[] Table =
    [
        ("customer replies", new CaseTrigger.CustomerReplies(), [To(AM), To(AM), To(AM, trail: 0), To(AM)]),
        ("customer closes", new CaseTrigger.CustomerCloses(), [To(C), To(C), To(C), No(AlreadyClosed)]),
        ("merchant replies", new CaseTrigger.MerchantReplies("A"), [To(AC), To(AC, trail: 0), To(AC), No(ReplyOnClosed)]),
        ("merchant sets OPEN", Set(CaseStatus.Open), [No(OnlyClosedCanReopen), No(OnlyClosedCanReopen), No(OnlyClosedCanReopen), To(O)]),
        ("merchant sets AWAITING_CUSTOMER", Set(CaseStatus.AwaitingCustomer), [To(AC), To(AC, trail: 0), To(AC), No(CannotSetOnClosed)]),
        ("merchant sets AWAITING_MERCHANT", Set(CaseStatus.AwaitingMerchant),
            [No(MerchantCannotSetAwaitingMerchant), No(MerchantCannotSetAwaitingMerchant), No(MerchantCannotSetAwaitingMerchant), No(MerchantCannotSetAwaitingMerchant)]),
        ("merchant sets CLOSED", Set(CaseStatus.Closed), [To(C), To(C), To(C), No(AlreadyClosed)]),
        ("update with neither field", new CaseTrigger.MerchantUpdates("A", null, null), [No(NothingToUpdate), No(NothingToUpdate), No(NothingToUpdate), No(NothingToUpdate)]),
        ("merchant marks read", new CaseTrigger.MerchantMarksRead(), [To(O, 0), To(AC, 0), To(AM, 0), To(C, 0)]),
        ("support posts (not escalated)", new CaseTrigger.SupportPosts(), [No(SupportOnlyEscalated), No(SupportOnlyEscalated), No(SupportOnlyEscalated), No(ReplyOnClosed)]),
        ("escalation signal", new CaseTrigger.EscalationSignal(EscalationSignalKind.DisputeRisk, "x"), [To(O), To(AC), To(AM), No(EscalateClosed)]),
        ("support escalates", new CaseTrigger.SupportEscalates("r"), [To(O), To(AC), To(AM), No(EscalateClosed)]),
        ("merchant requests review", new CaseTrigger.MerchantRequestsReview("A", "r"), [To(O), To(AC), To(AM), No(EscalateClosed)]),
        ("support de-escalates (not escalated)", new CaseTrigger.SupportDeescalates("r"), [No(NotEscalated), No(NotEscalated), No(NotEscalated), No(NotEscalated)]),
        ("support updates (not escalated)", new CaseTrigger.SupportUpdates(CasePriority.High, null), [No(SupportOnlyEscalated), No(SupportOnlyEscalated), No(SupportOnlyEscalated), No(SupportOnlyEscalated)]),
        ("support notes (not escalated)", new CaseTrigger.SupportNotes(), [No(SupportOnlyEscalated), No(SupportOnlyEscalated), No(SupportOnlyEscalated), No(SupportOnlyEscalated)]),
        ("auto-close warning (14 days, warned 2 before)", new CaseTrigger.AutoCloseWarns(AutoClosePeriods.Default),
            [No(AutoCloseWrongStatus), To(AC), No(AutoCloseWrongStatus), No(AutoCloseWrongStatus)]),
        ("auto-close after 14 days, never warned", new CaseTrigger.AutoClose(AutoClosePeriods.Default),
            [No(AutoCloseWrongStatus), No(AutoCloseNotWarned), No(AutoCloseWrongStatus), No(AutoCloseWrongStatus)]),
        ("auto-close after 14 days, no warning", new CaseTrigger.AutoClose(new AutoClosePeriods(14, 0)),
            [No(AutoCloseWrongStatus), To(C), No(AutoCloseWrongStatus), No(AutoCloseWrongStatus)]),
    ];

    public static TheoryData<string, CaseStatus> EveryPair()
    {
        var data = new TheoryData<string, CaseStatus>();
        foreach (var row in Table)
            foreach (var status in Enum.GetValues<CaseStatus>())
                data.Add(row.Name, status);
        return data;
    }

    /// <summary>The whole table, pair by pair: the exact status reached (and trail written), or the exact refusal.</summary>
    [Theory, MemberData(nameof(EveryPair))]
    public void Every_status_and_trigger_pair_has_the_outcome_of_the_table(string trigger, CaseStatus from)
    {
        var row = Table.Single(r => r.Name == trigger);
        var expected = row.From[(int)from];
        var before = StateIn(from, lastMessageAt: Now.AddDays(-20));

        var d = CaseWorkflow.Decide(before, row.Trigger, Now);

        if (expected.Refusal is { } refusal)
        {
            d.IsAllowed.ShouldBeFalse($"{trigger} from {from} must be refused");
            d.Refusal.ShouldBe(refusal);
            d.State.ShouldBeNull();
            return;
        }
        d.IsAllowed.ShouldBeTrue($"{trigger} from {from} must be allowed (refused with \"{d.Refusal}\")");
        d.NewState.Status.ShouldBe(expected.To!.Value);
        d.Trail.Count.ShouldBe(expected.TrailLines);
        d.NewState.ClosedAt.ShouldBe(expected.To == C ? (from == C ? before.ClosedAt : Now) : null, "closedAt is set by a close and cleared by a reopen");
        if (d.Changed) d.NewState.UpdatedAt.ShouldBe(Now, "every change bumps updatedAt");
        else d.NewState.ShouldBe(before, "an allowed no-op leaves the case as it was");
    }

    [Fact]
    public void The_table_covers_every_trigger_and_status()
    {
        Table.Length.ShouldBe(19);
        Table.ShouldAllBe(r => r.From.Length == Enum.GetValues<CaseStatus>().Length);
        EveryPair().Count().ShouldBe(76);
    }

    private static CaseTrigger.MerchantUpdates Set(CaseStatus status) => new("Ada Merchant", null, status);

    private static string? Refusal(CaseStatus from, CaseTrigger trigger)
    {
        var d = CaseWorkflow.Decide(StateIn(from), trigger, Now);
        d.IsAllowed.ShouldBeFalse();
        return d.Refusal;
    }
}
