using Dashboard.Web.Features.Attachments;
using Dashboard.Data.Entities;

namespace Dashboard.Web.Features.Api;

/// <summary>An attachment's metadata with a short-lived signed download link (default 5 minutes).</summary>
public sealed record ApiAttachment(string Id, string FileName, string ContentType, long Size, string Url, DateTime ExpiresAt)
{
    public static ApiAttachment From(Attachment a, AttachmentLinks links, string baseUrl)
    {
        var signed = links.ToApi(a, baseUrl);
        return new(signed.Id, signed.FileName, signed.ContentType, signed.Size, signed.Url, signed.ExpiresAt);
    }
}
