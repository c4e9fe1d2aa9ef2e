namespace Dashboard.Domain;

/// <summary>
/// The part of a case the rules read and write. Persistence copies it in and out.
/// <see cref="LastActivityAt"/> is the auto-close clock: a message from anyone or a status change
/// restarts it (and clears <see cref="AutoCloseWarnedAt"/>); a priority change, a read or an
/// escalation signal does not.
/// </summary>
public sealed record CaseState(
    CaseStatus Status,
    CasePriority Priority,
    int UnreadCount,
    bool Escalated,
    DateTime LastMessageAt,
    AuthorKind LastMessageBy,
    DateTime? ClosedAt,
    AuthorKind? ClosedBy,
    DateTime UpdatedAt,
    DateTime LastActivityAt,
    DateTime? AutoCloseWarnedAt = null);
