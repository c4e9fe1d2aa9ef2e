using Dashboard.Data.Entities;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Attachments;

namespace Dashboard.Web.Features.Tickets.Api;

/// <summary>A message of the thread: <c>authorKind</c> merchant or support, the label shown, attachments as signed links.</summary>
public sealed record ApiSupportCaseMessage(Guid Id, string AuthorKind, string AuthorLabel, string Body, IReadOnlyList<ApiAttachment> Attachments,
    [property: MillisecondUtcTime] DateTime CreatedAt)
{
    public static ApiSupportCaseMessage From(TicketMessage m, AttachmentLinks links, string baseUrl)
    {
        // The one place a staff note could leak into the API: refuse loudly rather than print it.
        if (m.Kind != TicketEntryKind.Message) throw new InvalidOperationException("A staff note is never part of the API");
        return new(m.Id, LowerWireNames.ToWire(m.AuthorKind), m.AuthorLabel, m.Body,
            m.Attachments.Select(a => ApiAttachment.From(a.AsAttachment(), links, baseUrl)).ToList(), m.CreatedAt);
    }
}
