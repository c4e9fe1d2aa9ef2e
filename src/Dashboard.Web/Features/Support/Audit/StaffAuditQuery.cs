namespace Dashboard.Web.Features.Support.Audit;

/// <summary>The audit page's filters: staff member, action, store, a day range (UTC dates, both inclusive); newest first, keyset paging by id.</summary>
public sealed record StaffAuditQuery(string? StaffUserId = null, string? Action = null, string? StoreId = null,
    DateOnly? From = null, DateOnly? To = null, long? Before = null, int PageSize = 50);
