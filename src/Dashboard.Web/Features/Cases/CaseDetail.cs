using Dashboard.Data.Entities;

namespace Dashboard.Web.Features.Cases;

/// <summary>A case opened in full: the case, its customer and order, and the timeline.</summary>
public sealed record CaseDetail(SupportCase Case, Order Order, Customer Customer, IReadOnlyList<CaseMessage> Messages);
