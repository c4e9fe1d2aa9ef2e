using Dashboard.Domain;

namespace Dashboard.Web.Features.Support;

public sealed record EscalatedCaseRow(
    string Id, string StoreId, string StoreName, string Subject, CaseStatus Status, CasePriority Priority,
    DateTime LastMessageAt, AuthorKind LastMessageBy);
