using Dashboard.Web.Features.Attachments;
using Dashboard.Data.Entities;
using Dashboard.Domain;

namespace Dashboard.Web.Features.Api;

public sealed record ApiMessage(string Id, string AuthorKind, string AuthorName, string Body, IReadOnlyList<ApiAttachment> Attachments, DateTime CreatedAt)
{
    public static ApiMessage From(CaseMessage m, AttachmentLinks links, string baseUrl) => new(
        m.Id, WireNames.ToWire(m.AuthorKind), m.AuthorName, m.Body,
        m.Attachments.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => ApiAttachment.From(a, links, baseUrl)).ToList(), m.CreatedAt);
}
