using Dashboard.Domain;

namespace Dashboard.Data.Entities;

/// <summary>An escalation signal that fired on a case: at most one of each kind per case (a unique index).</summary>
public sealed class CaseSignal
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";
    public string StoreId { get; set; } = "";
    public EscalationSignalKind Kind { get; set; }
    public string Reason { get; set; } = "";
    public DateTime At { get; set; }

    /// <summary>What noticed it: <c>case-opened</c>, <c>case-reopened</c>, <c>payment-event:{event id}</c>.</summary>
    public string Source { get; set; } = "";
}
