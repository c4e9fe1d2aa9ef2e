namespace Dashboard.Data.Entities;

/// <summary>
/// One thing a platform support staff member opened or changed. Append-only: the product writes
/// these and never updates or deletes one (<c>StaffAudit</c> has no such method).
/// </summary>
public sealed class StaffAuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string StaffUserId { get; set; } = "";

    /// <summary>The staff member's name when it happened (kept: a renamed or removed account still reads).</summary>
    public string StaffName { get; set; } = "";

    /// <summary>A <c>StaffAuditAction</c> name (OpenedCase, PostedMessage, …).</summary>
    public string Action { get; set; } = "";
    public string? CaseId { get; set; }
    public string? StoreId { get; set; }
    public string? Reason { get; set; }

    /// <summary>What changed, in words ("Priority → Urgent", "assigned to Sam Staff").</summary>
    public string? Detail { get; set; }
}
