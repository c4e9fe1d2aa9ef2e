using Dashboard.Domain.Tickets;
using static Dashboard.Domain.Tickets.TicketWorkflow.Messages;

namespace Dashboard.Domain.Tests.Tickets;

/// <summary>Every (status, trigger) pair of the ticket table, with its outcome.</summary>
public class TicketWorkflowTests
{
    private static readonly DateTime Created = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    private static TicketState StateIn(TicketStatus status) => new(
        status, Created.AddHours(2),
        status == TicketStatus.Open ? Created : null,
        status == TicketStatus.Closed ? Created.AddHours(2) : null,
        Created.AddHours(2));

    public static TheoryData<TicketStatus> AllStatuses => [TicketStatus.Open, TicketStatus.Answered, TicketStatus.Closed];
    public static TheoryData<TicketStatus> NotClosed => [TicketStatus.Open, TicketStatus.Answered];

    [Fact]
    public void A_new_ticket_is_open_and_waiting_since_it_was_opened()
    {
        var state = TicketWorkflow.Open(Now);
        state.ShouldBe(new TicketState(TicketStatus.Open, Now, Now, null, Now));
    }

    [Fact]
    public void Merchant_reply_on_an_open_ticket_keeps_it_open_and_keeps_its_place_in_the_queue()
    {
        var d = TicketWorkflow.Apply(StateIn(TicketStatus.Open), new TicketTrigger.MerchantReplies(), Now);
        d.NewState.Status.ShouldBe(TicketStatus.Open);
        d.NewState.WaitingSince.ShouldBe(Created, "the merchant has been waiting since the first unanswered message");
        d.NewState.LastActivityAt.ShouldBe(Now);
        d.Appends.ShouldBe(TicketEntryKind.Message);
        d.Effects.ShouldBe(TicketEffects.None);
    }

    [Theory]
    [InlineData(TicketStatus.Answered)]
    [InlineData(TicketStatus.Closed)]
    public void Merchant_reply_reopens_an_answered_or_closed_ticket(TicketStatus from)
    {
        var d = TicketWorkflow.Apply(StateIn(from), new TicketTrigger.MerchantReplies(), Now);
        d.NewState.Status.ShouldBe(TicketStatus.Open);
        d.NewState.ClosedAt.ShouldBeNull();
        d.NewState.WaitingSince.ShouldBe(Now);
        d.NewState.LastActivityAt.ShouldBe(Now);
        d.Changed.ShouldBeTrue();
        d.Appends.ShouldBe(TicketEntryKind.Message);
    }

    [Theory, MemberData(nameof(NotClosed))]
    public void Merchant_closes_an_open_or_answered_ticket(TicketStatus from)
    {
        var d = TicketWorkflow.Apply(StateIn(from), new TicketTrigger.MerchantSetsStatus(TicketStatus.Closed), Now);
        d.NewState.Status.ShouldBe(TicketStatus.Closed);
        d.NewState.ClosedAt.ShouldBe(Now);
        d.NewState.WaitingSince.ShouldBeNull("a closed ticket is not in support's queue");
        d.Appends.ShouldBeNull();
    }

    [Fact]
    public void Closing_a_closed_ticket_is_refused()
    {
        TicketWorkflow.Decide(StateIn(TicketStatus.Closed), new TicketTrigger.MerchantSetsStatus(TicketStatus.Closed), Now)
            .Refusal.ShouldBe(AlreadyClosed);
        TicketWorkflow.Decide(StateIn(TicketStatus.Closed), new TicketTrigger.SupportCloses(), Now).Refusal.ShouldBe(AlreadyClosed);
    }

    [Fact]
    public void Merchant_reopens_a_closed_ticket_to_the_back_of_the_queue()
    {
        var d = TicketWorkflow.Apply(StateIn(TicketStatus.Closed), new TicketTrigger.MerchantSetsStatus(TicketStatus.Open), Now);
        d.NewState.Status.ShouldBe(TicketStatus.Open);
        d.NewState.ClosedAt.ShouldBeNull();
        d.NewState.WaitingSince.ShouldBe(Now);
    }

    [Theory]
    [InlineData(TicketStatus.Open, AlreadyOpen)]
    [InlineData(TicketStatus.Answered, OnlyClosedCanReopen)]
    public void Reopening_a_ticket_that_is_not_closed_is_refused(TicketStatus from, string message)
    {
        var d = TicketWorkflow.Decide(StateIn(from), new TicketTrigger.MerchantSetsStatus(TicketStatus.Open), Now);
        d.IsAllowed.ShouldBeFalse();
        d.Refusal.ShouldBe(message);
    }

    [Theory, MemberData(nameof(AllStatuses))]
    public void Merchant_can_never_set_answered(TicketStatus from)
    {
        var d = TicketWorkflow.Decide(StateIn(from), new TicketTrigger.MerchantSetsStatus(TicketStatus.Answered), Now);
        d.IsAllowed.ShouldBeFalse();
        d.Refusal.ShouldBe(AnsweredIsSupportOnly);
    }

    [Theory, MemberData(nameof(NotClosed))]
    public void Support_answer_sets_answered_takes_it_off_the_queue_and_emails_the_store(TicketStatus from)
    {
        var d = TicketWorkflow.Apply(StateIn(from), new TicketTrigger.SupportAnswers(), Now);
        d.NewState.Status.ShouldBe(TicketStatus.Answered);
        d.NewState.WaitingSince.ShouldBeNull();
        d.NewState.LastActivityAt.ShouldBe(Now);
        d.Effects.ShouldBe(TicketEffects.EmailStore);
        d.Appends.ShouldBe(TicketEntryKind.Message);
    }

    [Fact]
    public void Support_cannot_answer_a_closed_ticket()
    {
        TicketWorkflow.Decide(StateIn(TicketStatus.Closed), new TicketTrigger.SupportAnswers(), Now).Refusal.ShouldBe(AnswerOnClosed);
    }

    [Theory, MemberData(nameof(AllStatuses))]
    public void A_staff_note_changes_nothing_on_any_ticket(TicketStatus from)
    {
        var before = StateIn(from);
        var d = TicketWorkflow.Apply(before, new TicketTrigger.SupportAddsNote(), Now);
        d.NewState.ShouldBe(before, "a note never changes status, activity or the queue");
        d.Changed.ShouldBeFalse();
        d.Appends.ShouldBe(TicketEntryKind.StaffNote);
        d.Effects.ShouldBe(TicketEffects.None, "a note is never emailed");
    }

    [Theory, MemberData(nameof(NotClosed))]
    public void Support_closes_an_open_or_answered_ticket(TicketStatus from)
    {
        var d = TicketWorkflow.Apply(StateIn(from), new TicketTrigger.SupportCloses(), Now);
        d.NewState.Status.ShouldBe(TicketStatus.Closed);
        d.NewState.ClosedAt.ShouldBe(Now);
    }

    [Theory]
    [InlineData(TicketStatus.Open, new[] { TicketStatus.Closed })]
    [InlineData(TicketStatus.Answered, new[] { TicketStatus.Closed })]
    [InlineData(TicketStatus.Closed, new[] { TicketStatus.Open })]
    public void The_merchant_buttons_offer_exactly_the_allowed_targets(TicketStatus from, TicketStatus[] expected)
    {
        TicketWorkflow.MerchantStatusTargets(StateIn(from), Now).ShouldBe(expected);
    }

    [Fact]
    public void Apply_throws_the_refusal()
    {
        Should.Throw<TicketRuleException>(() => TicketWorkflow.Apply(StateIn(TicketStatus.Closed), new TicketTrigger.SupportAnswers(), Now))
            .Message.ShouldBe(AnswerOnClosed);
    }
}
