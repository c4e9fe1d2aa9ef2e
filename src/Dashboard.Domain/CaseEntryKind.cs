namespace Dashboard.Domain;

/// <summary>
/// What a timeline entry is, which decides who sees it (<see cref="TimelineVisibility"/>). Stored as a
/// number: append new kinds, never renumber.
/// </summary>
public enum CaseEntryKind
{
    /// <summary>Written by the customer, a merchant or support; everyone on the case sees it.</summary>
    Message = 0,

    /// <summary>The store's automatic answer to a new case; shown and emailed as the store's, marked automatic.</summary>
    AutoReply = 1,

    /// <summary>A SYSTEM trail line about a status change ("Status changed from …", "Reopened …", "Closed …").</summary>
    StatusTrail = 2,

    /// <summary>Any other SYSTEM trail line (priority, escalation); the customer does not see these.</summary>
    Trail = 3,

    /// <summary>The store's internal note (agent, owner, support): dashboard only, never emailed.</summary>
    TeamNote = 4,

    /// <summary>Platform support's private note: support console only.</summary>
    StaffNote = 5,
}
