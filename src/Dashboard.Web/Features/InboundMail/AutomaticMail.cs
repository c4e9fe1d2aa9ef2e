using MimeKit;

namespace Dashboard.Web.Features.InboundMail;

/// <summary>
/// Recognises email no person wrote, which must never become a customer's message: auto-replies
/// (<c>Auto-Submitted</c> other than <c>no</c>, <c>X-Autoreply</c>, <c>X-Autorespond</c>), bulk and
/// list mail (<c>Precedence: bulk/junk/list</c>, <c>List-Id</c>), bounces and receipts (a
/// <c>multipart/report</c>, a delivery-status part, an empty Return-Path, <c>mailer-daemon</c> or
/// <c>postmaster</c> as sender) and loops (our own address as sender).
/// </summary>
public static class AutomaticMail
{
    /// <summary>Why the email is automatic, in words for the review page; null when a person wrote it.</summary>
    /// <param name="isOurAddress">True for the addresses we send from (a loop when one is the sender).</param>
    public static string? Reason(MimeMessage message, Func<MailboxAddress, bool> isOurAddress)
    {
        var headers = message.Headers;
        if (headers[HeaderId.AutoSubmitted] is { } autoSubmitted && !FirstToken(autoSubmitted).Equals("no", StringComparison.OrdinalIgnoreCase))
            return $"Automatic email (Auto-Submitted: {Shorten(autoSubmitted)})";
        if (headers["X-Autoreply"] is not null) return "Automatic reply (X-Autoreply)";
        if (headers["X-Autorespond"] is not null) return "Automatic reply (X-Autorespond)";
        if (headers[HeaderId.Precedence] is { } precedence && FirstToken(precedence).ToLowerInvariant() is "bulk" or "junk" or "list")
            return $"Bulk or list email (Precedence: {Shorten(precedence)})";
        if (headers[HeaderId.ListId] is { } listId) return $"Mailing list email (List-Id: {Shorten(listId)})";

        if (message.Body is MultipartReport report)
            return report.ReportType?.Equals("disposition-notification", StringComparison.OrdinalIgnoreCase) == true
                ? "Read receipt"
                : "Delivery failure report (bounce)";
        if (message.BodyParts.Any(p => p is MessageDeliveryStatus)) return "Delivery failure report (bounce)";
        if (headers[HeaderId.ReturnPath] is { } returnPath && returnPath.Trim() == "<>") return "Delivery failure report (bounce: empty Return-Path)";

        var from = message.From.Mailboxes.FirstOrDefault();
        if (from is not null)
        {
            var local = from.LocalPart.ToLowerInvariant();
            if (local is "mailer-daemon" or "postmaster") return $"Delivery failure report (bounce from {from.Address})";
            if (isOurAddress(from)) return $"Our own email came back (From: {from.Address})";
        }
        return null;
    }

    private static string FirstToken(string value) => value.Split([';', ' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : "";

    private static string Shorten(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= 80 ? trimmed : trimmed[..80] + "…";
    }
}
