namespace Dashboard.Domain;

/// <summary>The part of a case the rules read and write. Persistence copies it in and out.</summary>
public sealed record CaseState(
    CaseStatus Status,
    CasePriority Priority,
    int UnreadCount,
    bool Escalated,
    DateTime LastMessageAt,
    AuthorKind LastMessageBy,
    DateTime? ClosedAt,
    AuthorKind? ClosedBy,
    DateTime UpdatedAt);
