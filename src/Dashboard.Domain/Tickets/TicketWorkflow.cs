namespace Dashboard.Domain.Tickets;

/// <summary>
/// The one transition table of a platform support ticket. The API, the merchant's pages, the staff pages
/// and the demo seed ask this class; none of them tests a status itself.
/// <code>
/// trigger                  from               to        effects
/// (open)                   —                  open      waiting since now
/// merchant replies         open               open      activity
/// merchant replies         answered, closed   open      reopens: closedAt cleared, waiting since now
/// merchant sets closed     open, answered     closed    closedAt now
/// merchant sets closed     closed             refused   "Ticket is already closed"
/// merchant sets open       closed             open      reopens, waiting since now
/// merchant sets open       open               refused   "Ticket is already open"
/// merchant sets open       answered           refused   (reply instead: it reopens with the question)
/// merchant sets answered   any                refused   support only
/// support answers          open, answered     answered  email the store
/// support answers          closed             refused   (the merchant reopens by replying)
/// support adds a note      any                same      nothing changes; never shown to the merchant
/// support closes           open, answered     closed    closedAt now
/// support closes           closed             refused   "Ticket is already closed"
/// </code>
/// </summary>
public static class TicketWorkflow
{
    public const string SupportBrand = CaseWorkflow.SupportBrand;

    public static class Messages
    {
        public const string AlreadyClosed = "Ticket is already closed";
        public const string AlreadyOpen = "Ticket is already open";
        public const string OnlyClosedCanReopen = "Only a closed ticket can be reopened; to follow up on an answered ticket, reply to it";
        public const string AnsweredIsSupportOnly = "status answered is set by " + SupportBrand + " only; use open or closed";
        public const string AnswerOnClosed = "Ticket is closed; it reopens when the merchant replies";
    }

    /// <summary>The state of a ticket a merchant has just opened.</summary>
    public static TicketState Open(DateTime now) => new(TicketStatus.Open, now, now, null, now);

    public static bool CanApply(TicketState state, TicketTrigger trigger, DateTime now) => Decide(state, trigger, now).IsAllowed;

    /// <summary>Like <see cref="Decide"/> but throws <see cref="TicketRuleException"/> on a refusal.</summary>
    public static TicketDecision Apply(TicketState state, TicketTrigger trigger, DateTime now)
    {
        var decision = Decide(state, trigger, now);
        return decision.IsAllowed ? decision : throw new TicketRuleException(decision.Refusal!);
    }

    /// <summary>The statuses a merchant can move the ticket to now (the Close / Reopen buttons).</summary>
    public static IReadOnlyList<TicketStatus> MerchantStatusTargets(TicketState state, DateTime now) =>
        TicketVocabulary.Statuses.Where(target => CanApply(state, new TicketTrigger.MerchantSetsStatus(target), now)).ToArray();

    public static TicketDecision Decide(TicketState state, TicketTrigger trigger, DateTime now)
    {
        var closed = state.Status == TicketStatus.Closed;
        switch (trigger)
        {
            case TicketTrigger.MerchantReplies:
                return Allowed(state, state.Status == TicketStatus.Open
                    ? state with { LastActivityAt = now, UpdatedAt = now }
                    : Reopened(state, now), appends: TicketEntryKind.Message);

            case TicketTrigger.MerchantSetsStatus { Target: TicketStatus.Closed }:
                return closed ? TicketDecision.Refuse(Messages.AlreadyClosed) : Allowed(state, Closed(state, now));

            case TicketTrigger.MerchantSetsStatus { Target: TicketStatus.Open }:
                return state.Status switch
                {
                    TicketStatus.Closed => Allowed(state, Reopened(state, now)),
                    TicketStatus.Open => TicketDecision.Refuse(Messages.AlreadyOpen),
                    TicketStatus.Answered => TicketDecision.Refuse(Messages.OnlyClosedCanReopen),
                    _ => throw new ArgumentOutOfRangeException(nameof(state), state.Status, "Unknown status"),
                };

            case TicketTrigger.MerchantSetsStatus { Target: TicketStatus.Answered }:
                return TicketDecision.Refuse(Messages.AnsweredIsSupportOnly);

            case TicketTrigger.SupportAnswers:
                if (closed) return TicketDecision.Refuse(Messages.AnswerOnClosed);
                return Allowed(state, state with { Status = TicketStatus.Answered, LastActivityAt = now, WaitingSince = null, UpdatedAt = now },
                    TicketEffects.EmailStore, TicketEntryKind.Message);

            case TicketTrigger.SupportAddsNote:
                return Allowed(state, state, appends: TicketEntryKind.StaffNote);

            case TicketTrigger.SupportCloses:
                return closed ? TicketDecision.Refuse(Messages.AlreadyClosed) : Allowed(state, Closed(state, now));

            default:
                throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown trigger");
        }
    }

    private static TicketState Reopened(TicketState state, DateTime now) =>
        state with { Status = TicketStatus.Open, ClosedAt = null, WaitingSince = now, LastActivityAt = now, UpdatedAt = now };

    private static TicketState Closed(TicketState state, DateTime now) =>
        state with { Status = TicketStatus.Closed, ClosedAt = now, WaitingSince = null, LastActivityAt = now, UpdatedAt = now };

    private static TicketDecision Allowed(TicketState before, TicketState after, TicketEffects effects = TicketEffects.None, TicketEntryKind? appends = null) =>
        new() { IsAllowed = true, State = after, Effects = effects, Changed = after != before, Appends = appends };
}
