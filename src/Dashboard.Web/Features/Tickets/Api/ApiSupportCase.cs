using Dashboard.Data.Entities;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Api;

namespace Dashboard.Web.Features.Tickets.Api;

/// <summary>The support case object of the reference (list items, create, PATCH), property for property.</summary>
public sealed record ApiSupportCase(
    Guid Id, int Number, string Subject, string Category, string Severity, string Status,
    [property: MillisecondUtcTime] DateTime CreatedAt, [property: MillisecondUtcTime] DateTime LastActivityAt,
    [property: MillisecondUtcTime] DateTime? ClosedAt)
{
    public static ApiSupportCase From(SupportTicket t) => new(
        t.Id, t.Number, t.Subject, LowerWireNames.ToWire(t.Category), LowerWireNames.ToWire(t.Severity), LowerWireNames.ToWire(t.Status),
        t.CreatedAt, t.LastActivityAt, t.ClosedAt);
}
