using Dashboard.Data.Entities;

namespace Dashboard.Web.Features.Cases;

/// <summary>A case opened in full: the case, its customer and order, the timeline, and the escalation signals that fired on it.</summary>
public sealed record CaseDetail(SupportCase Case, Order Order, Customer Customer, IReadOnlyList<CaseMessage> Messages)
{
    public IReadOnlyList<Dashboard.Domain.EscalationSignalKind> Signals { get; init; } = [];
}
