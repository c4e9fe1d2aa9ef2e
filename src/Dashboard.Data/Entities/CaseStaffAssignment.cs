namespace Dashboard.Data.Entities;

/// <summary>The platform support staff member working an escalated case. One per case (the key): a claim race has one winner.</summary>
public sealed class CaseStaffAssignment
{
    public string CaseId { get; set; } = "";
    public string StaffUserId { get; set; } = "";
    public DateTime AssignedAt { get; set; }
}
