using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Attachments;

namespace Dashboard.Web.Features.Tickets.Api;

/// <summary>GET one support case: the case object plus its message thread, oldest first (never a staff note).</summary>
public sealed record ApiSupportCaseDetail(
    Guid Id, int Number, string Subject, string Category, string Severity, string Status,
    [property: MillisecondUtcTime] DateTime CreatedAt, [property: MillisecondUtcTime] DateTime LastActivityAt,
    [property: MillisecondUtcTime] DateTime? ClosedAt, IReadOnlyList<ApiSupportCaseMessage> Messages)
{
    public static ApiSupportCaseDetail From(TicketThread thread, AttachmentLinks links, string baseUrl)
    {
        var c = ApiSupportCase.From(thread.Ticket);
        return new(c.Id, c.Number, c.Subject, c.Category, c.Severity, c.Status, c.CreatedAt, c.LastActivityAt, c.ClosedAt,
            thread.Entries.Select(m => ApiSupportCaseMessage.From(m, links, baseUrl)).ToList());
    }
}
