using System.Linq.Expressions;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Stores;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Tickets;

/// <summary>
/// Every change to a platform support ticket: check who is acting, ask <see cref="TicketWorkflow"/>, save the
/// ticket, its entry, its attachments and its email in one transaction, then publish the change.
/// Access is decided here by the named policies (<see cref="Policies"/>): a merchant <see cref="Actor"/> with a
/// user id must pass <see cref="Policies.StoreMember"/> for the store (dashboard); one without a user id is a
/// store API token, whose store the API took from the token. Answers, notes and closing need <see cref="Policies.PlatformSupport"/>.
/// </summary>
public sealed class TicketService(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, TicketChangeFeed feed,
    TicketEmails emails, AttachmentVault attachments, StoreAccess access, ILogger<TicketService> logger)
{
    /// <summary>Tries to take the next number (only a racing first ticket of a store on SQL Server ever needs a second).</summary>
    public const int NumberAttempts = 5;

    public const string NotMember = "You are not a member of this store";
    public const string NotSupport = "Only platform support staff can do this";

    public async Task<TicketResult> OpenAsync(string storeId, Actor merchant, TicketDraft draft,
        IReadOnlyList<AttachmentUpload>? files = null, CancellationToken ct = default)
    {
        if (TicketLimits.ValidateOpeningBody(draft.Body, out var body) is { } bodyError) return TicketResult.Invalid(bodyError);
        if (TicketLimits.ValidateSubject(draft.Subject, out var subject) is { } subjectError) return TicketResult.Invalid(subjectError);
        if ((CheckAuthor(merchant) ?? CheckFiles(files)) is { } error) return TicketResult.Invalid(error);

        if (!await IsMerchantOfAsync(storeId, merchant, ct)) return TicketResult.Forbidden(NotMember);

        var now = clock.GetUtcNow().UtcDateTime;
        var ticket = new SupportTicket
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), StoreId = storeId, Subject = subject ?? TicketSubject.FromBody(body),
            Category = draft.Category ?? TicketVocabulary.DefaultCategory, Severity = draft.Severity ?? TicketVocabulary.DefaultSeverity,
            CreatedAt = now, OpenedByUserId = merchant.UserId, Version = 1,
        };
        ticket.Apply(TicketWorkflow.Open(now));
        var message = NewEntry(ticket, TicketEntryKind.Message, merchant, body, now, sequence: 0);

        var committed = await CommitAttachmentsAsync(files, ticket, message, now, ct);
        if (committed.Error is { } attachmentError) return TicketResult.Invalid(attachmentError);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(ct);
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    ticket.Number = await NextNumberAsync(db, storeId, ct);
                    db.Tickets.Add(ticket);
                    db.TicketMessages.Add(message);
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    break;
                }
                catch (DbUpdateException e) when (attempt < NumberAttempts)
                {
                    // Two first tickets of a store raced to create its counter (or took one number): take the next.
                    logger.LogInformation(e, "Ticket number for store {StoreId} was taken; retrying (attempt {Attempt})", storeId, attempt);
                }
            }
        }
        catch
        {
            await DiscardAsync(committed);
            throw;
        }
        await ReleaseStagingAsync(files);
        feed.Publish(new TicketChange(storeId, ticket.Id, ticket.Number, TicketChangeKind.Opened, ticket.Status, now));
        return new TicketResult(TicketOutcome.Ok, Ticket: ticket, Message: message);
    }

    /// <summary>A store member or API token writes; reopens an answered or closed ticket.</summary>
    public async Task<TicketResult> ReplyAsync(string storeId, TicketKey key, Actor merchant, string? body,
        IReadOnlyList<AttachmentUpload>? files = null, CancellationToken ct = default)
    {
        if (TicketLimits.ValidateReplyBody(body, out var text) is { } bodyError) return TicketResult.Invalid(bodyError);
        if ((CheckAuthor(merchant) ?? CheckFiles(files)) is { } error) return TicketResult.Invalid(error);
        return await ChangeAsync(InStore(storeId, key), merchant, new TicketTrigger.MerchantReplies(), text, files, null, ct);
    }

    /// <summary>The merchant closes or reopens (answered is refused by the rules, with their message).</summary>
    public Task<TicketResult> SetStatusAsync(string storeId, TicketKey key, Actor merchant, TicketStatus target,
        long? expectedVersion = null, CancellationToken ct = default) =>
        ChangeAsync(InStore(storeId, key), merchant, new TicketTrigger.MerchantSetsStatus(target), null, null, expectedVersion, ct);

    /// <summary>Platform support answers a ticket of any store, as "Pandabase Support"; the store is emailed.</summary>
    public async Task<TicketResult> AnswerAsync(Guid ticketId, string supportUserId, string? body,
        IReadOnlyList<AttachmentUpload>? files = null, long? expectedVersion = null, CancellationToken ct = default)
    {
        if (TicketLimits.ValidateReplyBody(body, out var text) is { } bodyError) return TicketResult.Invalid(bodyError);
        if (CheckFiles(files) is { } fileError) return TicketResult.Invalid(fileError);
        if (await SupportUserAsync(supportUserId, ct) is null) return TicketResult.Forbidden(NotSupport);
        return await ChangeAsync(t => t.Id == ticketId, Actor.Support(supportUserId), new TicketTrigger.SupportAnswers(), text, files, expectedVersion, ct);
    }

    /// <summary>An internal note of platform support, under the staff member's own name. Never shown to the merchant.</summary>
    public async Task<TicketResult> AddNoteAsync(Guid ticketId, string supportUserId, string? body, CancellationToken ct = default)
    {
        if (TicketLimits.ValidateReplyBody(body, out var text) is { } bodyError) return TicketResult.Invalid(bodyError);
        if (await SupportUserAsync(supportUserId, ct) is not { } staff) return TicketResult.Forbidden(NotSupport);
        var author = new Actor(AuthorKind.Support, staff.DisplayName, staff.Id);
        return await ChangeAsync(t => t.Id == ticketId, author, new TicketTrigger.SupportAddsNote(), text, null, null, ct);
    }

    public async Task<TicketResult> CloseAsync(Guid ticketId, string supportUserId, long? expectedVersion = null, CancellationToken ct = default)
    {
        if (await SupportUserAsync(supportUserId, ct) is null) return TicketResult.Forbidden(NotSupport);
        return await ChangeAsync(t => t.Id == ticketId, Actor.Support(supportUserId), new TicketTrigger.SupportCloses(), null, null, expectedVersion, ct);
    }

    private async Task<TicketResult> ChangeAsync(Expression<Func<SupportTicket, bool>> which, Actor author, TicketTrigger trigger,
        string? body, IReadOnlyList<AttachmentUpload>? files, long? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.FirstOrDefaultAsync(which, ct);
        if (ticket is null) return TicketResult.NotFound;
        if (author.Kind == AuthorKind.Merchant && !await IsMerchantOfAsync(ticket.StoreId, author, ct)) return TicketResult.NotFound;
        if (expectedVersion is { } v && v != ticket.Version) return TicketResult.Conflict;

        var now = clock.GetUtcNow().UtcDateTime;
        var decision = TicketWorkflow.Decide(ticket.ToState(), trigger, now);
        if (!decision.IsAllowed) return TicketResult.Refused(decision.Refusal!);
        if (!decision.Changed && decision.Appends is null) return new TicketResult(TicketOutcome.Ok, Ticket: ticket);

        // A note leaves the ticket row alone (no version bump): nothing a merchant can see may move because of it.
        if (decision.Changed)
        {
            ticket.Apply(decision.NewState);
            ticket.Version++;
        }
        TicketMessage? entry = null;
        if (decision.Appends is { } kind)
        {
            var last = await db.TicketMessages.Where(m => m.TicketId == ticket.Id).MaxAsync(m => (long?)m.Sequence, ct) ?? 0;
            entry = NewEntry(ticket, kind, author, body!, now, last + 1);
            db.TicketMessages.Add(entry);
        }
        if (decision.Effects.HasFlag(TicketEffects.EmailStore))
            await emails.AddAnsweredAsync(db, ticket, entry ?? throw new InvalidOperationException("An answer carries its message"), ct);

        var committed = await CommitAttachmentsAsync(files, ticket, entry, now, ct);
        if (committed.Error is { } attachmentError) return TicketResult.Invalid(attachmentError);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await DiscardAsync(committed);
            return TicketResult.Conflict;
        }
        catch
        {
            await DiscardAsync(committed);
            throw;
        }
        await ReleaseStagingAsync(files);
        feed.Publish(new TicketChange(ticket.StoreId, ticket.Id, ticket.Number, KindOf(trigger), ticket.Status, now));
        return new TicketResult(TicketOutcome.Ok, Ticket: ticket, Message: entry);
    }

    private static TicketChangeKind KindOf(TicketTrigger trigger) => trigger switch
    {
        TicketTrigger.MerchantReplies => TicketChangeKind.MerchantMessage,
        TicketTrigger.SupportAnswers => TicketChangeKind.SupportAnswer,
        TicketTrigger.SupportAddsNote => TicketChangeKind.StaffNote,
        TicketTrigger.MerchantSetsStatus or TicketTrigger.SupportCloses => TicketChangeKind.StatusChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown trigger"),
    };

    /// <summary>
    /// The store's next number, inside the caller's transaction: the counter row is incremented (the
    /// write lock serialises concurrent openings until commit), or created at 1 for the store's first ticket.
    /// </summary>
    private static async Task<int> NextNumberAsync(DashboardDbContext db, string storeId, CancellationToken ct)
    {
        var bumped = await db.TicketCounters.Where(c => c.StoreId == storeId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), ct);
        if (bumped == 1)
            return await db.TicketCounters.Where(c => c.StoreId == storeId).Select(c => c.LastNumber).SingleAsync(ct);
        db.TicketCounters.Add(new TicketCounter { StoreId = storeId, LastNumber = 1 });
        await db.SaveChangesAsync(ct);
        return 1;
    }

    private static Expression<Func<SupportTicket, bool>> InStore(string storeId, TicketKey key) => key.Id is { } id
        ? t => t.StoreId == storeId && t.Id == id
        : t => t.StoreId == storeId && t.Number == key.Number;

    private async Task<bool> IsMerchantOfAsync(string storeId, Actor merchant, CancellationToken ct)
    {
        if (merchant.UserId is not null) return await access.AllowsAsync(merchant.UserId, Policies.StoreMember, storeId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stores.AnyAsync(s => s.Id == storeId, ct);
    }

    /// <summary>The staff member (notes carry their own name), or null when the user is not platform support.</summary>
    private async Task<AppUser?> SupportUserAsync(string userId, CancellationToken ct)
    {
        if (!await access.AllowsAsync(userId, Policies.PlatformSupport, ct: ct)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
    }

    private static string? CheckAuthor(Actor merchant) =>
        merchant.Kind != AuthorKind.Merchant ? "author must be a merchant" : TicketLimits.ValidateAuthor(merchant.DisplayName, out _);

    private static string? CheckFiles(IReadOnlyList<AttachmentUpload>? files)
    {
        if (files is null) return null;
        if (files.Count > Limits.AttachmentsPerMessageMax) return AttachmentVault.TooManyFiles;
        if (files.Select(f => f.StagingKey).Distinct().Count() != files.Count) return "The same file is attached twice";
        return null;
    }

    private static TicketMessage NewEntry(SupportTicket ticket, TicketEntryKind kind, Actor author, string body, DateTime now, long sequence) => new()
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(now)), TicketId = ticket.Id, StoreId = ticket.StoreId, Kind = kind,
        AuthorKind = author.Kind, AuthorLabel = author.DisplayName.Trim(), AuthorUserId = author.UserId, Body = body,
        CreatedAt = now, Sequence = sequence,
    };

    private sealed record CommittedFiles(IReadOnlyList<TicketAttachment> Attachments, string? Error);

    /// <summary>Copies staged files to their final keys (checked by content again) before the transaction; same checks as case attachments.</summary>
    private async Task<CommittedFiles> CommitAttachmentsAsync(IReadOnlyList<AttachmentUpload>? files, SupportTicket ticket, TicketMessage? entry, DateTime now, CancellationToken ct)
    {
        if (files is not { Count: > 0 }) return new([], null);
        if (entry is not { Kind: TicketEntryKind.Message }) return new([], "Attachments need a message");
        var done = new List<TicketAttachment>(files.Count);
        try
        {
            foreach (var file in files)
            {
                var (attachment, error) = await attachments.CommitAsync(file, ticket.StoreId, ticket.Id.ToString("D"), entry.Id.ToString("D"), now, ct);
                if (error is not null)
                {
                    await DiscardAsync(new(done, null));
                    return new([], error);
                }
                done.Add(new TicketAttachment
                {
                    Id = attachment!.Id, MessageId = entry.Id, TicketId = ticket.Id, StoreId = ticket.StoreId, FileName = attachment.FileName,
                    ContentType = attachment.ContentType, Size = attachment.Size, Sha256 = attachment.Sha256, StorageKey = attachment.StorageKey, CreatedAt = now,
                });
            }
        }
        catch
        {
            await DiscardAsync(new(done, null));
            throw;
        }
        entry.Attachments.AddRange(done);
        return new(done, null);
    }

    private Task DiscardAsync(CommittedFiles committed) =>
        committed.Attachments.Count == 0 ? Task.CompletedTask : attachments.DeleteQuietlyAsync(committed.Attachments.Select(a => a.StorageKey));

    private Task ReleaseStagingAsync(IReadOnlyList<AttachmentUpload>? files) =>
        files is { Count: > 0 } ? attachments.DeleteQuietlyAsync(files.Select(f => f.StagingKey).Where(StorageKeys.IsStaging)) : Task.CompletedTask;
}
