using System.Text;
using Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Attachments;

/// <summary><c>GET /attachments/{id}</c>: serves a file (of a case or a platform support ticket) behind a signed, short-lived link.</summary>
public static class AttachmentEndpoints
{
    public static void MapAttachments(this IEndpointRouteBuilder app) =>
        app.MapGet(AttachmentLinks.PathPrefix + "{attachmentId}", DownloadAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task DownloadAsync(string attachmentId, HttpContext http, AttachmentLinks links, AttachmentVault vault,
        IDbContextFactory<DashboardDbContext> dbFactory, CancellationToken ct)
    {
        var response = http.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow, noarchive";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["Cross-Origin-Resource-Policy"] = "same-origin";
        response.Headers.CacheControl = "private, no-store";

        var query = http.Request.Query;
        var store = query["store"].ToString();
        switch (links.Verify(attachmentId, store, query["exp"], query["sig"]))
        {
            case LinkCheck.Tampered:
                await PlainAsync(response, StatusCodes.Status403Forbidden, "This link is not valid.", ct);
                return;
            case LinkCheck.Expired:
                await PlainAsync(response, StatusCodes.Status403Forbidden, "This link has expired. Reload the page for a fresh one.", ct);
                return;
            case LinkCheck.Valid:
                break;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Another store's attachment answers exactly like one that does not exist.
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.StoreId == store, ct)
            ?? (await db.TicketAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.StoreId == store, ct))?.AsAttachment();
        await using var content = attachment is null ? null : await vault.OpenAsync(attachment, ct);
        if (attachment is null || content is null)
        {
            await PlainAsync(response, StatusCodes.Status404NotFound, "Attachment not found.", ct);
            return;
        }

        var inline = AttachmentKinds.IsRasterImage(attachment.ContentType);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = attachment.ContentType;
        response.ContentLength = attachment.Size;
        response.Headers.ContentDisposition = ContentDisposition(inline ? "inline" : "attachment", attachment.FileName);
        await content.CopyToAsync(response.Body, ct);
    }

    /// <summary>RFC 6266 with an ASCII fallback and the exact name as RFC 5987 <c>filename*=UTF-8''…</c>.</summary>
    public static string ContentDisposition(string type, string fileName)
    {
        var ascii = new StringBuilder(fileName.Length);
        foreach (var c in fileName) ascii.Append(c is < ' ' or > '~' or '"' or '\\' or '%' or ';' ? '_' : c);
        return $"{type}; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }

    private static Task PlainAsync(HttpResponse response, int status, string text, CancellationToken ct)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text, ct);
    }
}
