using System.Security.Cryptography;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dashboard.Web.Features.InboundMail;

/// <summary>
/// The one path an email takes in, whether it came from the IMAP mailbox or the inbound webhook:
/// parse, skip a Message-ID already recorded, ignore what no person wrote (<see cref="AutomaticMail"/>),
/// match the case (reply address, then In-Reply-To / References naming an email we sent), check the
/// sender is the case's customer, keep the customer's own words (<see cref="ReplyText"/>), stage the
/// attachments through the same checks as uploads, and post it with <see cref="CaseService.CustomerEmailReplyAsync"/>.
/// Whatever cannot be posted is held for review with its reason and the raw email; nothing is dropped.
/// </summary>
public sealed class InboundMailProcessor(
    IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, CaseService cases, AttachmentVault vault,
    ReplyAddress replyAddress, IOptions<InboundMailOptions> options, IOptions<SmtpOptions> smtp, ILogger<InboundMailProcessor> logger)
{
    /// <summary>Storage keys of held emails' raw bytes (the attachment janitor leaves this area alone).</summary>
    public const string RawKeyPrefix = "inbound/";

    /// <summary>The body posted for an email a reviewer posts although it has no text of its own (only attachments).</summary>
    public const string NoTextBody = "(The email had no text of its own.)";

    private const int MaxAttachmentsInspected = 20;
    private const int ConflictRetries = 3;

    /// <summary>Processes one raw RFC 822 email. <paramref name="raw"/> must be seekable (it is read again to keep a held email).</summary>
    public async Task<InboundMailResult> ProcessAsync(Stream raw, string channel, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        MimeMessage? message;
        raw.Position = 0;
        try { message = await MimeMessage.LoadAsync(raw, ct); }
        catch (FormatException) { message = null; }

        var record = new InboundEmail
        {
            MessageId = await MessageIdOfAsync(message, raw, ct), ReceivedAt = now, Channel = channel, RawSize = raw.Length,
            FromAddress = Clip(message?.From.Mailboxes.FirstOrDefault()?.Address ?? "", 320),
            FromName = message?.From.Mailboxes.FirstOrDefault()?.Name is { Length: > 0 } name ? Clip(name, 200) : null,
            Subject = Clip(message?.Subject ?? "", 300),
        };
        if (await IsRecordedAsync(record.MessageId, ct)) return Duplicate(record);
        if (message is null) return await HoldAsync(record, raw, "Not a readable email: its MIME structure could not be parsed", ct);

        // Matched before anything else, so the store sees its own cases' out-of-office replies too.
        var match = await MatchAsync(message, ct);
        record.CaseId = match?.CaseId;
        record.StoreId = match?.StoreId;
        if (AutomaticMail.Reason(message, IsOurAddress) is { } automatic)
        {
            record.Status = InboundEmailStatus.Ignored;
            record.Reason = automatic;
            return await InsertAsync(record, ct);
        }

        // The text first: a held email shows its reviewers what would be posted.
        var text = ReplyText.Extract(message);
        record.Text = Clip(text, Limits.MessageBodyMax);

        if (match is null)
            return await HoldAsync(record, raw, "No case matches: it is not an answer to a case email (no known reply address, In-Reply-To or References)", ct);
        if (SenderProblem(message, match.CustomerEmail) is { } problem) return await HoldAsync(record, raw, problem, ct);
        if (text.Length == 0) return await HoldAsync(record, raw, "Nothing is left after removing the quoted text and signature", ct);
        if (text.Length > Limits.MessageBodyMax)
            return await HoldAsync(record, raw, $"The reply is {text.Length:N0} characters long without the quoted text; a message holds at most {Limits.MessageBodyMax:N0}", ct);

        var attachments = await StageAttachmentsAsync(message, ct);
        record.AttachmentCount = attachments.Uploads.Count;
        var posted = $"Posted to the case (matched by {match.How})";
        for (var attempt = 1; ; attempt++)
        {
            var row = Copy(record, InboundEmailStatus.Posted, posted);
            CaseResult result;
            try
            {
                result = await cases.CustomerEmailReplyAsync(match.StoreId, match.CaseId, text, attachments.Uploads, attachments.Notes,
                    (db, reply) => { row.CaseMessageId = reply.Id; db.InboundEmails.Add(row); }, ct);
            }
            catch (DbUpdateException)
            {
                // The same email, delivered twice at once, lost the race on the unique Message-ID: the first one posted it.
                await vault.DeleteQuietlyAsync(attachments.StagingKeys);
                if (await IsRecordedAsync(record.MessageId, CancellationToken.None)) return Duplicate(record);
                throw;
            }
            if (result.Succeeded)
            {
                logger.LogInformation("Email {MessageId} from {From} posted to case {CaseId}", record.MessageId, record.FromAddress, match.CaseId);
                return new InboundMailResult(InboundMailOutcome.Posted, posted, row.Id, match.CaseId);
            }
            if (result.Outcome == CaseOutcome.Conflict && attempt < ConflictRetries) continue;
            await vault.DeleteQuietlyAsync(attachments.StagingKeys);
            return await HoldAsync(record, raw, $"Could not be posted: {result.Error}", ct);
        }
    }

    /// <summary>
    /// A reviewer posts a held email to <paramref name="caseId"/> as the customer's message (the sender
    /// check is theirs to make). Refused (with the reason) when its raw email is gone, its text is too
    /// long, or someone else handled it first.
    /// </summary>
    public async Task<InboundMailResult> PostHeldAsync(InboundEmail held, string storeId, string caseId, string reviewer, CancellationToken ct = default)
    {
        if (held.RawKey is null) return Refused("The original email is no longer stored");
        MimeMessage message;
        await using (var raw = await vault.Storage.OpenReadAsync(held.RawKey, ct))
        {
            if (raw is null) return Refused("The original email is no longer stored");
            try { message = await MimeMessage.LoadAsync(raw, ct); }
            catch (FormatException) { return Refused("The email cannot be read, so there is nothing to post"); }
        }
        var text = ReplyText.Extract(message);
        if (text.Length == 0) text = NoTextBody;
        if (text.Length > Limits.MessageBodyMax)
            return Refused($"The reply is {text.Length:N0} characters long; a message holds at most {Limits.MessageBodyMax:N0}. Discard it and answer the customer in the case.");

        var attachments = await StageAttachmentsAsync(message, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = Clip($"Posted by {reviewer} after review (held because: {held.Reason})", 1000);
        var notes = attachments.Notes.Append(Clip($"An email from {held.FromAddress} was held for review ({held.Reason}) and posted by {reviewer}", Limits.MessageBodyMax)).ToList();
        CaseResult result;
        try
        {
            result = await cases.CustomerEmailReplyAsync(storeId, caseId, text, attachments.Uploads, notes, (db, reply) =>
            {
                // Updated only while still held: the status is the row's concurrency token.
                var row = new InboundEmail
                {
                    Id = held.Id, Status = InboundEmailStatus.Posted, Reason = reason, CaseId = caseId, StoreId = storeId,
                    CaseMessageId = reply.Id, Text = Clip(text, Limits.MessageBodyMax), AttachmentCount = attachments.Uploads.Count,
                    RawKey = null, ResolvedBy = Clip(reviewer, 120), ResolvedAt = now,
                };
                var entry = db.InboundEmails.Attach(row);
                entry.Property(m => m.Status).OriginalValue = InboundEmailStatus.HeldForReview;
                foreach (var property in ReviewedProperties) entry.Property(property).IsModified = true;
            }, ct);
        }
        catch
        {
            await vault.DeleteQuietlyAsync(attachments.StagingKeys);
            throw;
        }
        if (!result.Succeeded)
        {
            await vault.DeleteQuietlyAsync(attachments.StagingKeys);
            return Refused(result.Outcome == CaseOutcome.Conflict ? "Someone else handled this email or changed the case at the same moment; reload and check" : result.Error ?? "Could not be posted");
        }
        await vault.DeleteQuietlyAsync([held.RawKey]);
        return new InboundMailResult(InboundMailOutcome.Posted, reason, held.Id, caseId);
    }

    /// <summary>
    /// An email too large to read (seen in the mailbox before downloading it): held with what its
    /// envelope says, so someone looks at it in the mailbox, where it stays.
    /// </summary>
    public async Task<InboundMailResult> RecordTooLargeAsync(string messageId, MailboxAddress? from, string? subject, long size, string channel, CancellationToken ct = default)
    {
        var record = new InboundEmail
        {
            MessageId = Clip($"<{messageId.Trim('<', '>')}>", 300), ReceivedAt = clock.GetUtcNow().UtcDateTime, Channel = channel, RawSize = size,
            FromAddress = Clip(from?.Address ?? "", 320), FromName = from?.Name is { Length: > 0 } name ? Clip(name, 200) : null,
            Subject = Clip(subject ?? "", 300), Status = InboundEmailStatus.HeldForReview,
            Reason = $"Larger than the {AttachmentVault.FormatSize(options.Value.MaxMessageBytes)} limit ({AttachmentVault.FormatSize(size)}); not read, it is still in the mailbox",
        };
        if (await IsRecordedAsync(record.MessageId, ct)) return Duplicate(record);
        return await InsertAsync(record, ct);
    }

    private static readonly string[] ReviewedProperties =
    [
        nameof(InboundEmail.Status), nameof(InboundEmail.Reason), nameof(InboundEmail.CaseId), nameof(InboundEmail.StoreId),
        nameof(InboundEmail.CaseMessageId), nameof(InboundEmail.Text), nameof(InboundEmail.AttachmentCount), nameof(InboundEmail.RawKey),
        nameof(InboundEmail.ResolvedBy), nameof(InboundEmail.ResolvedAt),
    ];

    private static InboundMailResult Refused(string reason) => new(InboundMailOutcome.HeldForReview, reason);

    private static InboundMailResult Duplicate(InboundEmail record) =>
        new(InboundMailOutcome.Duplicate, $"Already received: {record.MessageId}");

    private async Task<InboundMailResult> HoldAsync(InboundEmail record, Stream raw, string reason, CancellationToken ct)
    {
        record.Status = InboundEmailStatus.HeldForReview;
        record.Reason = Clip(reason, 1000);
        record.RawKey = $"{RawKeyPrefix}{record.ReceivedAt:yyyyMMdd}/{Ids.New("", 32)}";
        raw.Position = 0;
        await vault.Storage.WriteAsync(record.RawKey, raw, ct);
        var result = await InsertAsync(record, ct);
        if (result.Outcome == InboundMailOutcome.Duplicate) await vault.DeleteQuietlyAsync([record.RawKey]);
        else logger.LogInformation("Email {MessageId} from {From} held for review: {Reason}", record.MessageId, record.FromAddress, reason);
        return result;
    }

    private async Task<InboundMailResult> InsertAsync(InboundEmail record, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.InboundEmails.Add(record);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (await IsRecordedAsync(record.MessageId, CancellationToken.None)) return Duplicate(record);
            throw;
        }
        var outcome = record.Status == InboundEmailStatus.Ignored ? InboundMailOutcome.Ignored : InboundMailOutcome.HeldForReview;
        return new InboundMailResult(outcome, record.Reason, record.Id, record.CaseId);
    }

    private async Task<bool> IsRecordedAsync(string messageId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InboundEmails.AnyAsync(m => m.MessageId == messageId, ct);
    }

    private bool IsOurAddress(MailboxAddress address) =>
        address.Address.Equals(smtp.Value.From, StringComparison.OrdinalIgnoreCase) || replyAddress.IsOurDomain(address);

    private sealed record CaseMatch(string CaseId, string StoreId, string CustomerEmail, string How);

    /// <summary>The reply address first (it names exactly one case), then the emails it answers, newest first.</summary>
    private async Task<CaseMatch?> MatchAsync(MimeMessage message, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var recipient in Recipients(message))
        {
            if (replyAddress.TokenOf(recipient) is not { } token) continue;
            var byToken = await db.Cases.AsNoTracking().Where(c => c.ReplyToken == token)
                .Select(c => new CaseMatch(c.Id, c.StoreId, c.Customer.Email, "its reply address")).FirstOrDefaultAsync(ct);
            if (byToken is not null) return byToken;
        }

        var answered = new List<(string Id, string Header)>();
        if (message.InReplyTo is { Length: > 0 } inReplyTo) answered.Add(($"<{inReplyTo}>", "In-Reply-To"));
        answered.AddRange(message.References.Reverse().Select(id => ($"<{id}>", "References")));
        answered = answered.DistinctBy(a => a.Id).Where(a => a.Id.Length <= 300).Take(30).ToList();
        if (answered.Count == 0) return null;
        var ids = answered.Select(a => a.Id).ToList();
        var sent = await db.Outbox.AsNoTracking().Where(o => ids.Contains(o.MessageIdHeader) && o.CaseId != null)
            .Select(o => new { o.MessageIdHeader, o.CaseId }).ToListAsync(ct);
        foreach (var (id, header) in answered)
        {
            if (sent.FirstOrDefault(o => o.MessageIdHeader == id)?.CaseId is not { } caseId) continue;
            return await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
                .Select(c => new CaseMatch(c.Id, c.StoreId, c.Customer.Email, header)).FirstOrDefaultAsync(ct);
        }
        return null;
    }

    /// <summary>Where a reply address can appear: the visible recipients and the envelope headers providers add.</summary>
    private static IEnumerable<MailboxAddress> Recipients(MimeMessage message)
    {
        foreach (var address in message.To.Mailboxes.Concat(message.Cc.Mailboxes)) yield return address;
        foreach (var header in message.Headers)
        {
            if (!header.Field.ToLowerInvariant().Equals("delivered-to") && !header.Field.Equals("X-Original-To", StringComparison.OrdinalIgnoreCase)
                && !header.Field.Equals("Envelope-To", StringComparison.OrdinalIgnoreCase) && !header.Field.Equals("X-Forwarded-To", StringComparison.OrdinalIgnoreCase))
                continue;
            if (InternetAddressList.TryParse(header.Value, out var list))
                foreach (var address in list.Mailboxes) yield return address;
        }
    }

    /// <summary>Why the sender cannot be taken for the case's customer, or null when it can.</summary>
    private static string? SenderProblem(MimeMessage message, string customerEmail)
    {
        if (message.From.Mailboxes.FirstOrDefault() is not { } from) return "The email has no sender (From)";
        if (!from.Address.Equals(customerEmail, StringComparison.OrdinalIgnoreCase))
            return $"The sender {from.Address} is not the case's customer ({customerEmail})";
        if (message.Sender is { } sender && !sender.Address.Equals(from.Address, StringComparison.OrdinalIgnoreCase))
            return $"Sent by {sender.Address} on behalf of the customer's address";
        if (message.Headers[HeaderId.ReturnPath] is { } returnPath && MailboxAddress.TryParse(returnPath, out var envelope)
            && envelope.Address.Length > 0 && !SameDomain(envelope.Domain, from.Domain))
            return $"The envelope sender (Return-Path {envelope.Address}) is not at the customer's domain";
        return null;
    }

    private static bool SameDomain(string a, string b) =>
        a.Equals(b, StringComparison.OrdinalIgnoreCase)
        || a.EndsWith("." + b, StringComparison.OrdinalIgnoreCase) || b.EndsWith("." + a, StringComparison.OrdinalIgnoreCase);

    private sealed record StagedAttachments(List<AttachmentUpload> Uploads, List<string> Notes)
    {
        public IEnumerable<string> StagingKeys => Uploads.Select(u => u.StagingKey);
    }

    /// <summary>
    /// Every part that is not the text goes through <see cref="AttachmentVault.StageAsync"/>, streamed and
    /// checked by content like an upload. A refused one becomes a note for the merchant; past the fifth
    /// kept file the rest are named in one note.
    /// </summary>
    private async Task<StagedAttachments> StageAttachmentsAsync(MimeMessage message, CancellationToken ct)
    {
        var staged = new StagedAttachments([], []);
        var notKept = new List<string>();
        var inspected = 0;
        try
        {
            foreach (var entity in AttachmentsOf(message))
            {
                var name = FileNames.Sanitize(NameOf(entity));
                if (staged.Uploads.Count == Limits.AttachmentsPerMessageMax || inspected == MaxAttachmentsInspected)
                {
                    notKept.Add(name);
                    continue;
                }
                inspected++;
                await using var content = await OpenAsync(entity, ct);
                var result = await vault.StageAsync(name, content, ct);
                if (result.Succeeded) staged.Uploads.Add(result.File!.ToUpload());
                else staged.Notes.Add(Clip($"An attachment from the customer's email was refused: {name} — {result.Reason}", Limits.MessageBodyMax));
            }
        }
        catch
        {
            await vault.DeleteQuietlyAsync(staged.StagingKeys);
            throw;
        }
        if (notKept.Count > 0)
        {
            var names = string.Join(", ", notKept.Take(10)) + (notKept.Count > 10 ? $" and {notKept.Count - 10} more" : "");
            staged.Notes.Add(Clip(notKept.Count == 1
                ? $"An attachment from the customer's email was not kept: {names} — at most {Limits.AttachmentsPerMessageMax} files a message"
                : $"{notKept.Count} attachments from the customer's email were not kept: {names} — at most {Limits.AttachmentsPerMessageMax} files a message", Limits.MessageBodyMax));
        }
        return staged;
    }

    /// <summary>The parts that are not the message's text: files, inline images, attached emails.</summary>
    private static IEnumerable<MimeEntity> AttachmentsOf(MimeMessage message) =>
        message.BodyParts.Where(entity => entity switch
        {
            MessagePart => true,
            TextPart text => text.IsAttachment || text.FileName is not null,
            MimePart => true,
            _ => false,
        });

    private static string? NameOf(MimeEntity entity) => entity switch
    {
        MimePart part => part.FileName,
        MessagePart attached => attached.ContentDisposition?.FileName ?? $"{attached.Message?.Subject ?? "email"}.eml",
        _ => null,
    };

    private static async Task<Stream> OpenAsync(MimeEntity entity, CancellationToken ct)
    {
        if (entity is MimePart { Content: { } content }) return content.Open();
        var buffer = new MemoryStream();
        if (entity is MessagePart { Message: { } attached }) await attached.WriteToAsync(buffer, ct);
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>The Message-ID in angle brackets, or a digest of the bytes for an email without one.</summary>
    private static async Task<string> MessageIdOfAsync(MimeMessage? message, Stream raw, CancellationToken ct)
    {
        if (message?.MessageId is { Length: > 0 and <= 290 } id) return $"<{id}>";
        raw.Position = 0;
        var hash = await SHA256.HashDataAsync(raw, ct);
        return $"<sha256.{Convert.ToHexStringLower(hash)}@inbound.invalid>";
    }

    private static InboundEmail Copy(InboundEmail r, InboundEmailStatus status, string reason) => new()
    {
        MessageId = r.MessageId, ReceivedAt = r.ReceivedAt, Channel = r.Channel, FromAddress = r.FromAddress, FromName = r.FromName,
        Subject = r.Subject, Status = status, Reason = Clip(reason, 1000), CaseId = r.CaseId, StoreId = r.StoreId, Text = r.Text,
        AttachmentCount = r.AttachmentCount, RawSize = r.RawSize,
    };

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
