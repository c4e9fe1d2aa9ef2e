namespace Dashboard.Domain;

/// <summary>
/// The one transition table of a support case. Every surface (dashboard, Store API, jobs, portal)
/// asks this class; none of them tests a status itself. Trail messages (SYSTEM) are returned in
/// <see cref="CaseDecision.TrailLines"/> for the caller to append; they do not count as the "last message".
/// </summary>
public static class CaseWorkflow
{
    public const string SupportBrand = "Pandabase Support";

    /// <summary>Every reopening's trail line starts so ("Reopened by the customer", "Reopened by Ada Merchant").</summary>
    public const string ReopenedByPrefix = "Reopened by ";

    /// <summary>The longest reason for an escalation, a de-escalation or a review request.</summary>
    public const int ReasonMax = 500;

    public static class Messages
    {
        public const string ReplyOnClosed = "Case is closed; reopen it to reply";
        public const string AlreadyClosed = "Case is already closed";
        public const string OnlyClosedCanReopen = "Only closed cases can be reopened";
        public const string CannotSetOnClosed = "Cannot set status on a closed case";
        public const string MerchantCannotSetAwaitingMerchant = "Status AWAITING_MERCHANT cannot be set by a merchant; it follows a customer reply";
        public const string NothingToUpdate = "Nothing to update";
        public const string EscalateClosed = "Cannot escalate a closed case";
        public const string SupportOnlyEscalated = "Only escalated cases can be handled by " + SupportBrand;
        public const string AlreadyEscalated = "Case is already escalated to " + SupportBrand;
        public const string NotEscalated = "Case is not escalated";
        public const string ReasonRequired = "Give a reason";
        public static readonly string ReasonTooLong = $"Reason is too long: the limit is {ReasonMax} characters";
        public const string AutoCloseWrongStatus = "Only cases awaiting the customer can close automatically";
        public const string AutoCloseTooEarly = "Case has not been idle long enough to close automatically";
        public const string AutoCloseNotWarned = "The customer must be warned before the case closes automatically";
        public const string AutoCloseWarningRunning = "The customer's warning period has not ended yet";
        public const string AutoCloseWarningOff = "The store sends no warning before closing automatically";
        public const string AutoCloseAlreadyWarned = "The customer was already warned that this case will close";
        public const string AutoCloseWarningTooEarly = "Case has not been idle long enough to warn the customer";
    }

    /// <summary>The state of a case a customer has just opened on a completed order.</summary>
    public static CaseState Open(CasePriority priority, DateTime now) =>
        new(CaseStatus.Open, priority, UnreadCount: 1, Escalated: false,
            LastMessageAt: now, LastMessageBy: AuthorKind.Customer, ClosedAt: null, ClosedBy: null, UpdatedAt: now,
            LastActivityAt: now);

    /// <summary>Effects of opening a case (the auto-reply is sent only when the store enabled one).</summary>
    public const CaseEffects OpenEffects = CaseEffects.NotifyMerchant | CaseEffects.SendAutoReply;

    public static bool CanApply(CaseState state, CaseTrigger trigger, DateTime now) => Decide(state, trigger, now).IsAllowed;

    /// <summary>Like <see cref="Decide"/> but throws <see cref="CaseRuleException"/> on a refusal.</summary>
    public static CaseDecision Apply(CaseState state, CaseTrigger trigger, DateTime now)
    {
        var decision = Decide(state, trigger, now);
        return decision.IsAllowed ? decision : throw new CaseRuleException(decision.Refusal!);
    }

    /// <summary>The statuses a merchant may pick for a case in <paramref name="current"/> (the status menu).</summary>
    public static IReadOnlyList<CaseStatus> MerchantStatusTargets(CaseState state, DateTime now) =>
        Enum.GetValues<CaseStatus>()
            .Where(target => Decide(state, new CaseTrigger.MerchantUpdates("", null, target), now) is { IsAllowed: true, Changed: true })
            .ToArray();

    /// <summary>
    /// The statuses a merchant can set on some case (the Store API's PATCH values): every target the
    /// table allows from at least one status. AWAITING_MERCHANT is not one: it follows a customer reply.
    /// </summary>
    public static IReadOnlyList<CaseStatus> MerchantSettableStatuses { get; } = Enum.GetValues<CaseStatus>()
        .Where(target => Enum.GetValues<CaseStatus>().Any(from =>
            Decide(Open(CasePriority.Normal, DateTime.UnixEpoch) with { Status = from }, new CaseTrigger.MerchantUpdates("", null, target), DateTime.UnixEpoch).IsAllowed))
        .ToArray();

    public static CaseDecision Decide(CaseState state, CaseTrigger trigger, DateTime now)
    {
        var closed = state.Status == CaseStatus.Closed;
        switch (trigger)
        {
            case CaseTrigger.CustomerReplies:
            {
                var next = state with
                {
                    Status = CaseStatus.AwaitingMerchant,
                    UnreadCount = state.UnreadCount + 1,
                    LastMessageAt = now,
                    LastMessageBy = AuthorKind.Customer,
                    ClosedAt = null,
                    ClosedBy = null,
                    UpdatedAt = now,
                };
                var trail = closed
                    ? ReopenedByPrefix + Actor.Customer.DisplayName
                    : StatusTrail(state.Status, CaseStatus.AwaitingMerchant, Actor.Customer.DisplayName);
                return Allowed(now, state, next, StatusLine(trail), CaseEffects.NotifyMerchant, appendsMessage: true);
            }

            case CaseTrigger.CustomerCloses:
                if (closed) return CaseDecision.Refuse(Messages.AlreadyClosed);
                return Allowed(now, state, CloseBy(state, AuthorKind.Customer, now), StatusLine("Closed by the customer"));

            case CaseTrigger.MerchantReplies reply:
            {
                if (closed) return CaseDecision.Refuse(Messages.ReplyOnClosed);
                var next = state with
                {
                    Status = CaseStatus.AwaitingCustomer,
                    UnreadCount = 0,
                    LastMessageAt = now,
                    LastMessageBy = AuthorKind.Merchant,
                    UpdatedAt = now,
                };
                return Allowed(now, state, next, StatusLine(StatusTrail(state.Status, CaseStatus.AwaitingCustomer, reply.MerchantName)),
                    CaseEffects.EmailCustomer, appendsMessage: true);
            }

            case CaseTrigger.MerchantUpdates update:
                return DecideMerchantUpdate(state, update, now);

            case CaseTrigger.MerchantMarksRead:
                return state.UnreadCount == 0
                    ? Allowed(now, state, state, [])
                    : Allowed(now, state, state with { UnreadCount = 0, UpdatedAt = now }, []);

            case CaseTrigger.SupportPosts:
                if (closed) return CaseDecision.Refuse(Messages.ReplyOnClosed);
                if (!state.Escalated) return CaseDecision.Refuse(Messages.SupportOnlyEscalated);
                return Allowed(now, state, state with
                {
                    LastMessageAt = now,
                    LastMessageBy = AuthorKind.Support,
                    UpdatedAt = now,
                }, [], CaseEffects.NotifyMerchant | CaseEffects.EmailCustomer, appendsMessage: true);

            case CaseTrigger.EscalationSignal signal:
                if (closed) return CaseDecision.Refuse(Messages.EscalateClosed);
                // A second signal on an escalated case is still recorded: it is one more reason on the trail.
                if (state.Escalated)
                    return Allowed(now, state, state with { UpdatedAt = now },
                        [new TrailLine($"Escalation signal: {signal.Reason}", CaseEntryKind.Trail)]);
                return Allowed(now, state, state with { Escalated = true, UpdatedAt = now },
                    [new TrailLine($"Escalated to {SupportBrand}: {signal.Reason}", CaseEntryKind.Trail)], CaseEffects.NotifyMerchant);

            case CaseTrigger.SupportEscalates escalates:
                if (closed) return CaseDecision.Refuse(Messages.EscalateClosed);
                if (state.Escalated) return CaseDecision.Refuse(Messages.AlreadyEscalated);
                if (CheckReason(escalates.Reason) is { } escalateError) return CaseDecision.Refuse(escalateError);
                return Allowed(now, state, state with { Escalated = true, UpdatedAt = now },
                    [new TrailLine($"Escalated by {SupportBrand}: {escalates.Reason.Trim()}", CaseEntryKind.Trail)], CaseEffects.NotifyMerchant);

            case CaseTrigger.MerchantRequestsReview review:
                if (closed) return CaseDecision.Refuse(Messages.EscalateClosed);
                if (state.Escalated) return CaseDecision.Refuse(Messages.AlreadyEscalated);
                if (CheckReason(review.Reason) is { } reviewError) return CaseDecision.Refuse(reviewError);
                return Allowed(now, state, state with { Escalated = true, UpdatedAt = now },
                    [new TrailLine($"{review.MerchantName} asked for a {SupportBrand} review: {review.Reason.Trim()}", CaseEntryKind.Trail)]);

            case CaseTrigger.SupportDeescalates deescalates:
                if (!state.Escalated) return CaseDecision.Refuse(Messages.NotEscalated);
                if (CheckReason(deescalates.Reason) is { } deescalateError) return CaseDecision.Refuse(deescalateError);
                return Allowed(now, state, state with { Escalated = false, UpdatedAt = now },
                    [new TrailLine($"Handed back to the store by {SupportBrand}: {deescalates.Reason.Trim()}", CaseEntryKind.Trail)]);

            case CaseTrigger.SupportUpdates supportUpdate:
                if (!state.Escalated) return CaseDecision.Refuse(Messages.SupportOnlyEscalated);
                return DecideMerchantUpdate(state, new CaseTrigger.MerchantUpdates(SupportBrand, supportUpdate.Priority, supportUpdate.Status), now, AuthorKind.Support);

            case CaseTrigger.SupportNotes:
                // A note changes nothing on the case (spec: notes never touch status, unread or last message).
                return state.Escalated ? Allowed(now, state, state, []) : CaseDecision.Refuse(Messages.SupportOnlyEscalated);

            case CaseTrigger.AutoCloseWarns warns:
            {
                var periods = warns.Periods;
                if (state.Status != CaseStatus.AwaitingCustomer) return CaseDecision.Refuse(Messages.AutoCloseWrongStatus);
                if (!periods.Warns) return CaseDecision.Refuse(Messages.AutoCloseWarningOff);
                if (state.AutoCloseWarnedAt is not null) return CaseDecision.Refuse(Messages.AutoCloseAlreadyWarned);
                if (now < periods.WarningDueAt(state.LastActivityAt)) return CaseDecision.Refuse(Messages.AutoCloseWarningTooEarly);
                var closesAt = periods.CloseDueAt(state.LastActivityAt, now)!.Value;
                return Allowed(now, state, state with { AutoCloseWarnedAt = now, UpdatedAt = now },
                    [new TrailLine($"The customer was warned by email that the case closes automatically on {Day(closesAt)} unless they reply", CaseEntryKind.Trail)],
                    CaseEffects.SendAutoCloseWarning);
            }

            case CaseTrigger.AutoClose autoClose:
            {
                var periods = autoClose.Periods;
                if (state.Status != CaseStatus.AwaitingCustomer) return CaseDecision.Refuse(Messages.AutoCloseWrongStatus);
                if (now < state.LastActivityAt + periods.Idle) return CaseDecision.Refuse(Messages.AutoCloseTooEarly);
                if (periods.CloseDueAt(state.LastActivityAt, state.AutoCloseWarnedAt) is not { } due)
                    return CaseDecision.Refuse(Messages.AutoCloseNotWarned);
                if (now < due) return CaseDecision.Refuse(Messages.AutoCloseWarningRunning);
                return Allowed(now, state, CloseBy(state, AuthorKind.System, now),
                    StatusLine(AutoClosedLine(periods.IdleDays)), CaseEffects.SendAutoClosedNotice);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown trigger");
        }
    }

    /// <summary>The refusal for an escalation's reason (required, at most <see cref="ReasonMax"/> characters), or null.</summary>
    public static string? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? Messages.ReasonRequired
        : reason.Trim().Length > ReasonMax ? Messages.ReasonTooLong
        : null;

    private static CaseDecision DecideMerchantUpdate(CaseState state, CaseTrigger.MerchantUpdates update, DateTime now, AuthorKind by = AuthorKind.Merchant)
    {
        if (update.Priority is null && update.Status is null) return CaseDecision.Refuse(Messages.NothingToUpdate);

        var next = state;
        var trail = new List<TrailLine>(2);
        var closed = state.Status == CaseStatus.Closed;

        if (update.Status is { } target)
        {
            switch (target)
            {
                case CaseStatus.Closed:
                    if (closed) return CaseDecision.Refuse(Messages.AlreadyClosed);
                    next = CloseBy(next, by, now);
                    trail.Add(new TrailLine(StatusTrail(state.Status, CaseStatus.Closed, update.MerchantName)!, CaseEntryKind.StatusTrail));
                    break;
                case CaseStatus.Open:
                    if (!closed) return CaseDecision.Refuse(Messages.OnlyClosedCanReopen);
                    next = next with { Status = CaseStatus.Open, ClosedAt = null, ClosedBy = null, UpdatedAt = now };
                    trail.Add(new TrailLine(ReopenedByPrefix + update.MerchantName, CaseEntryKind.StatusTrail));
                    break;
                case CaseStatus.AwaitingCustomer:
                    if (closed) return CaseDecision.Refuse(Messages.CannotSetOnClosed);
                    if (state.Status != CaseStatus.AwaitingCustomer)
                    {
                        next = next with { Status = CaseStatus.AwaitingCustomer, UpdatedAt = now };
                        trail.Add(new TrailLine(StatusTrail(state.Status, CaseStatus.AwaitingCustomer, update.MerchantName)!, CaseEntryKind.StatusTrail));
                    }
                    break;
                case CaseStatus.AwaitingMerchant:
                    return CaseDecision.Refuse(Messages.MerchantCannotSetAwaitingMerchant);
                default:
                    throw new ArgumentOutOfRangeException(nameof(update), target, "Unknown status");
            }
        }

        if (update.Priority is { } priority && priority != state.Priority)
        {
            next = next with { Priority = priority, UpdatedAt = now };
            trail.Add(new TrailLine($"Priority changed from {Label(state.Priority)} to {Label(priority)} by {update.MerchantName}", CaseEntryKind.Trail));
        }

        return Allowed(now, state, next, trail);
    }

    /// <summary>The trail line of an automatic close (the spec's wording).</summary>
    public static string AutoClosedLine(int idleDays) =>
        $"Closed automatically after {idleDays} {(idleDays == 1 ? "day" : "days")} without a reply";

    private static string Day(DateTime utc) => utc.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static CaseState CloseBy(CaseState state, AuthorKind by, DateTime now) =>
        state with { Status = CaseStatus.Closed, ClosedAt = now, ClosedBy = by, UpdatedAt = now };

    /// <summary>A status-change trail line (the customer sees these), or none when nothing changed.</summary>
    private static TrailLine[] StatusLine(string? line) => line is null ? [] : [new TrailLine(line, CaseEntryKind.StatusTrail)];

    private static string? StatusTrail(CaseStatus from, CaseStatus to, string by) =>
        from == to ? null : $"Status changed from {Label(from)} to {Label(to)} by {by}";

    /// <summary>
    /// An allowed decision. Activity (a message from anyone, or a status change) restarts the
    /// auto-close clock and withdraws a warning: the spec's "activity of any party resets the clock".
    /// </summary>
    private static CaseDecision Allowed(DateTime now, CaseState before, CaseState after, IReadOnlyList<TrailLine> trail,
        CaseEffects effects = CaseEffects.None, bool appendsMessage = false)
    {
        if (appendsMessage || after.Status != before.Status)
            after = after with { LastActivityAt = now, AutoCloseWarnedAt = null };
        return new()
        {
            IsAllowed = true,
            State = after,
            TrailLines = trail,
            Effects = effects,
            Changed = after != before,
            AppendsMessage = appendsMessage,
        };
    }

    /// <summary>Human label of a status, as trail messages and the customer see it.</summary>
    public static string Label(CaseStatus status) => status switch
    {
        CaseStatus.Open => "Open",
        CaseStatus.AwaitingCustomer => "Awaiting customer",
        CaseStatus.AwaitingMerchant => "Awaiting merchant",
        CaseStatus.Closed => "Closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Label(CasePriority priority) => priority switch
    {
        CasePriority.Low => "Low",
        CasePriority.Normal => "Normal",
        CasePriority.High => "High",
        CasePriority.Urgent => "Urgent",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };
}
