using Dashboard.Domain;

namespace Dashboard.Web.Features.Cases;

/// <summary>Filters of a case list; the same for the dashboard and the Store API.</summary>
public sealed record CaseListQuery
{
    public CaseStatus? Status { get; init; }
    public CasePriority? Priority { get; init; }
    public string? CustomerId { get; init; }
    public string? OrderId { get; init; }

    /// <summary>Only cases assigned to this store member ("Assigned: me").</summary>
    public string? AssigneeUserId { get; init; }

    /// <summary>Only cases assigned to nobody ("Assigned: unassigned"); ignored when <see cref="AssigneeUserId"/> is set.</summary>
    public bool Unassigned { get; init; }

    /// <summary>Subject words, a case id, a customer email or an order number.</summary>
    public string? Search { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Limits.PageSizeDefault;
}
