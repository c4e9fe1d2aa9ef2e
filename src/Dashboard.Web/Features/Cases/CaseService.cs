using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases.Effects;
using Dashboard.Web.Features.Stores;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Cases;

/// <summary>
/// Every change to a case goes through here: load, ask <see cref="CaseWorkflow"/>, write the
/// timeline entries, run the decision's effects (<see cref="CaseEffectHandlers"/>: emails to the
/// outbox, the auto-reply), save with the concurrency token and the tab counters in one transaction,
/// then publish the change.
/// </summary>
public sealed partial class CaseService(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, CaseChangeFeed feed,
    CaseEffectHandlers effects, AttachmentVault attachments, StoreAccess access)
{
    /// <summary>A merchant answers. Moves the case to Awaiting customer; refused on a closed case.</summary>
    public Task<CaseResult> ReplyAsync(string storeId, string caseId, Actor merchant, string? body, long? expectedVersion = null,
        CaseCommitHook? inTransaction = null, CancellationToken ct = default)
    {
        if (Limits.ValidateBody(body, out var text) is { } error) return Task.FromResult(CaseResult.Invalid(error));
        return ChangeAsync(storeId, caseId, new CaseTrigger.MerchantReplies(merchant.DisplayName), expectedVersion, merchant, text, ct, inTransaction: inTransaction);
    }

    /// <summary>A merchant changes priority and/or status (dashboard menus, PATCH).</summary>
    public Task<CaseResult> UpdateAsync(string storeId, string caseId, Actor merchant, CasePriority? priority, CaseStatus? status, long? expectedVersion = null,
        CaseCommitHook? inTransaction = null, CancellationToken ct = default) =>
        ChangeAsync(storeId, caseId, new CaseTrigger.MerchantUpdates(merchant.DisplayName, priority, status), expectedVersion, null, null, ct, inTransaction: inTransaction);

    /// <summary>Zeroes the unread count. <paramref name="inTransaction"/> runs only when there was something to change.</summary>
    public Task<CaseResult> MarkReadAsync(string storeId, string caseId, CaseCommitHook? inTransaction = null, CancellationToken ct = default) =>
        ChangeAsync(storeId, caseId, new CaseTrigger.MerchantMarksRead(), null, null, null, ct, inTransaction: inTransaction);

    /// <summary>The customer writes (portal). Reopens a closed case.</summary>
    public Task<CaseResult> CustomerReplyAsync(string storeId, string caseId, string? body, CancellationToken ct = default)
    {
        if (Limits.ValidateBody(body, out var text) is { } error) return Task.FromResult(CaseResult.Invalid(error));
        return ChangeAsync(storeId, caseId, new CaseTrigger.CustomerReplies(), null, null, text, ct);
    }

    public Task<CaseResult> CustomerCloseAsync(string storeId, string caseId, CancellationToken ct = default) =>
        ChangeAsync(storeId, caseId, new CaseTrigger.CustomerCloses(), null, null, null, ct);

    /// <summary>Platform support writes in an escalated case of any store; branded "Pandabase Support".</summary>
    public Task<CaseResult> SupportPostAsync(string caseId, Actor support, string? body, CancellationToken ct = default) =>
        SupportPostAsync(caseId, support, body, [], ct);

    /// <summary>
    /// The auto-close job warns the customer (the warning email and the case's warned mark in one
    /// transaction). <paramref name="expectedVersion"/> is the version the job read: a case someone
    /// touched since is left for the next run (a conflict), never warned twice.
    /// </summary>
    public Task<CaseResult> AutoCloseWarnAsync(string storeId, string caseId, AutoClosePeriods periods, long expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(storeId, caseId, new CaseTrigger.AutoCloseWarns(periods), expectedVersion, null, null, ct);

    /// <summary>The auto-close job closes an idle case (closed by SYSTEM, trail line, closing email, one transaction).</summary>
    public Task<CaseResult> AutoCloseAsync(string storeId, string caseId, AutoClosePeriods periods, long expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(storeId, caseId, new CaseTrigger.AutoClose(periods), expectedVersion, null, null, ct);

    /// <summary>A customer opens a case on one of their completed orders.</summary>
    public Task<CaseResult> OpenAsync(string storeId, string orderId, string? subject, string? body, CasePriority priority = CasePriority.Normal, CancellationToken ct = default) =>
        OpenAsync(storeId, orderId, subject, body, priority, [], ct);

    /// <summary>
    /// A customer opens a case on one of their completed orders, with up to 5 staged files. The case,
    /// its first message, the attachments, the effects (merchant email, auto-reply) and the tab counts
    /// are saved together or not at all; attachment bytes follow the replies' staging path.
    /// </summary>
    public async Task<CaseResult> OpenAsync(string storeId, string orderId, string? subject, string? body, CasePriority priority,
        IReadOnlyList<AttachmentUpload> files, CancellationToken ct = default)
    {
        if (Limits.ValidateSubject(subject, out var title) is { } subjectError) return CaseResult.Invalid(subjectError);
        if (Limits.ValidateBody(body, out var text) is { } error) return CaseResult.Invalid(error);
        if (CheckFiles(files) is { } fileError) return CaseResult.Invalid(fileError);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Orders.Include(o => o.Customer)
            .FirstOrDefaultAsync(o => o.Id == orderId && o.StoreId == storeId, ct);
        if (order is null) return CaseResult.Invalid(OrderNotFound);
        if (!CaseOpening.Allows(order.Status)) return CaseResult.Invalid(OrderNotCompleted);

        var now = clock.GetUtcNow().UtcDateTime;
        var supportCase = new SupportCase
        {
            StoreId = storeId, CustomerId = order.CustomerId, OrderId = order.Id, Subject = title, CreatedAt = now,
        };
        supportCase.Apply(CaseWorkflow.Open(priority, now));
        var message = NewMessage(supportCase, AuthorKind.Customer, order.Customer.DisplayName, null, text, now, 0);
        db.Cases.Add(supportCase);
        db.CaseMessages.Add(message);
        await effects.RunAsync(CaseWorkflow.OpenEffects, new CaseEffectContext(db, supportCase, message, trigger: null, now, nextSequence: 1), ct);

        var committed = await CommitAttachmentsAsync(files, supportCase, message, now, ct);
        if (committed.Failure is { } failure) return failure;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await CaseCounters.AdjustAsync(db, storeId, null, supportCase.Status, ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            await DiscardAttachmentsAsync(committed.Attachments);
            throw;
        }
        await ReleaseStagingAsync(files);
        feed.Publish(new CaseChange(storeId, supportCase.Id, CaseChangeKind.Opened, supportCase.Status, AuthorKind.Customer, now));
        // Signals are evaluated when a case opens (spec "Escalation signals"); each escalates through the rules.
        await EvaluateSignalsAsync(supportCase.Id, "case-opened", ct);
        return new CaseResult(CaseOutcome.Ok, Case: supportCase, Message: message);
    }

    public const string OrderNotFound = "Order not found";
    public const string OrderNotCompleted = "Cases can only be opened on completed orders";

    private async Task<CaseResult> ChangeAsync(string? storeId, string caseId, CaseTrigger trigger, long? expectedVersion,
        Actor? author, string? body, CancellationToken ct, IReadOnlyList<AttachmentUpload>? files = null, CaseCommitHook? inTransaction = null,
        AlsoWritten? also = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var supportCase = await db.Cases.Include(c => c.Customer)
            .FirstOrDefaultAsync(c => c.Id == caseId && (storeId == null || c.StoreId == storeId), ct);
        if (supportCase is null) return CaseResult.NotFound;
        if (expectedVersion is { } v && v != supportCase.Version) return CaseResult.Conflict;

        var now = clock.GetUtcNow().UtcDateTime;
        var decision = CaseWorkflow.Decide(supportCase.ToState(), trigger, now);
        if (!decision.IsAllowed) return CaseResult.Refused(decision.Refusal!);
        // Nothing to write: no change, no message, no trail line (a second signal on an escalated case has a line).
        if (!decision.Changed && !decision.AppendsMessage && decision.TrailLines.Count == 0) return new CaseResult(CaseOutcome.Ok, Case: supportCase);

        var before = supportCase.Status;
        supportCase.Apply(decision.NewState);
        supportCase.Version++;

        CaseMessage? message = null;
        // Entries written in one instant keep their order, and a later write always sorts after an
        // earlier one even when the clock has not moved: Version grows by one per write.
        var sequence = supportCase.Version * 100;
        if (decision.AppendsMessage)
        {
            var who = author ?? new Actor(AuthorKind.Customer, supportCase.Customer.DisplayName);
            message = NewMessage(supportCase, who.Kind, who.DisplayName, who.UserId, body!, now, sequence++);
            db.CaseMessages.Add(message);
        }
        foreach (var line in decision.TrailLines)
            db.CaseMessages.Add(NewMessage(supportCase, Actor.System.Kind, Actor.System.DisplayName, null, line.Text, now, sequence++, line.Kind));
        foreach (var note in also?.Notes ?? [])
            db.CaseMessages.Add(NewMessage(supportCase, Actor.System.Kind, Actor.System.DisplayName, null, note, now, sequence++, CaseEntryKind.Trail));
        also?.Add(db, message);
        await effects.RunAsync(decision.Effects, new CaseEffectContext(db, supportCase, message, trigger, now, sequence), ct);

        // Attachment bytes go to their final keys before the transaction and are deleted if it fails.
        var committed = await CommitAttachmentsAsync(files, supportCase, message, now, ct);
        if (committed.Failure is { } attachmentFailure) return attachmentFailure;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await CaseCounters.AdjustAsync(db, supportCase.StoreId, before, supportCase.Status, ct);
            if (inTransaction is not null) await inTransaction(db, new CaseResult(CaseOutcome.Ok, Case: supportCase, Message: message), ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await DiscardAttachmentsAsync(committed.Attachments);
            return CaseResult.Conflict;
        }
        catch
        {
            await DiscardAttachmentsAsync(committed.Attachments);
            throw;
        }
        await ReleaseStagingAsync(files);

        feed.Publish(new CaseChange(supportCase.StoreId, supportCase.Id, KindOf(trigger), supportCase.Status, message?.AuthorKind, now));
        // A reopening may make REPEATED_UNRESOLVED due ("reopened twice").
        if (before == CaseStatus.Closed && supportCase.Status != CaseStatus.Closed) await EvaluateSignalsAsync(supportCase.Id, "case-reopened", ct);
        return new CaseResult(CaseOutcome.Ok, Case: supportCase, Message: message);
    }

    private static CaseChangeKind KindOf(CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.CustomerReplies or CaseTrigger.MerchantReplies or CaseTrigger.SupportPosts => CaseChangeKind.Message,
        CaseTrigger.MerchantMarksRead => CaseChangeKind.Read,
        CaseTrigger.EscalationSignal or CaseTrigger.SupportEscalates or CaseTrigger.MerchantRequestsReview or CaseTrigger.SupportDeescalates => CaseChangeKind.Escalated,
        _ => CaseChangeKind.StatusOrPriority,
    };

    private static CaseMessage NewMessage(SupportCase c, AuthorKind kind, string name, string? userId, string body, DateTime now, long sequence,
        CaseEntryKind entryKind = CaseEntryKind.Message) => new()
    {
        CaseId = c.Id, StoreId = c.StoreId, Kind = entryKind, AuthorKind = kind, AuthorName = name, AuthorUserId = userId,
        Body = body, CreatedAt = now, Sequence = sequence,
    };
}
