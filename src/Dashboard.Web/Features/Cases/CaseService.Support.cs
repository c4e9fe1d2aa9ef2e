using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Support.Audit;
using Dashboard.Web.Features.Support.Signals;
using Microsoft.EntityFrameworkCore;

// Platform support's half of the case service, and the escalation signals. Every staff action passes
// Policies.PlatformSupport, goes through CaseWorkflow (which refuses a case that is not escalated) and
// writes its audit row in the change's own transaction.
namespace Dashboard.Web.Features.Cases;

public sealed partial class CaseService
{
    public const string SignalAlreadyRecorded = "This signal has already fired on the case";

    /// <summary>Staff change priority and/or status of an escalated case; the trail says "by Pandabase Support".</summary>
    public Task<CaseResult> SupportUpdateAsync(string caseId, Actor support, CasePriority? priority, CaseStatus? status, long? expectedVersion = null,
        CancellationToken ct = default)
    {
        var detail = string.Join(", ", new[]
        {
            priority is { } p ? $"priority → {CaseWorkflow.Label(p)}" : null,
            status is { } s ? $"status → {CaseWorkflow.Label(s)}" : null,
        }.Where(x => x is not null));
        return SupportChangeAsync(caseId, support, new CaseTrigger.SupportUpdates(priority, status), StaffAuditAction.ChangedCase, null, detail, expectedVersion, ct);
    }

    /// <summary>Staff escalate a case by hand, with a reason (it then shows in the console).</summary>
    public Task<CaseResult> SupportEscalateAsync(string caseId, Actor support, string? reason, CancellationToken ct = default) =>
        SupportChangeAsync(caseId, support, new CaseTrigger.SupportEscalates(reason ?? ""), StaffAuditAction.Escalated, reason, null, null, ct);

    /// <summary>Staff hand an escalated case back to the store, with a reason; it leaves the console's queue.</summary>
    public Task<CaseResult> SupportDeescalateAsync(string caseId, Actor support, string? reason, CancellationToken ct = default) =>
        SupportChangeAsync(caseId, support, new CaseTrigger.SupportDeescalates(reason ?? ""), StaffAuditAction.Deescalated, reason, null, null, ct);

    /// <summary>A store member asks for a Pandabase review of their case, with a reason: the case is escalated.</summary>
    public async Task<CaseResult> RequestReviewAsync(string storeId, string caseId, Actor merchant, string? reason, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(merchant.UserId, Policies.StoreMember, storeId, ct)) return CaseResult.Forbidden;
        return await ChangeAsync(storeId, caseId, new CaseTrigger.MerchantRequestsReview(merchant.DisplayName, reason ?? ""), null, null, null, ct);
    }

    /// <summary>
    /// A staff-only note on an escalated case: seen in the support console only (<see cref="TimelineVisibility"/>),
    /// never emailed; the case's status, unread count and last message stay as they were.
    /// </summary>
    public async Task<CaseResult> StaffNoteAsync(string caseId, Actor support, string? body, CancellationToken ct = default)
    {
        if (!await IsSupportAsync(support, ct)) return CaseResult.Forbidden;
        if (Limits.ValidateBody(body, out var text) is { } error) return CaseResult.Invalid(error);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var supportCase = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (supportCase is null) return CaseResult.NotFound;
        var now = clock.GetUtcNow().UtcDateTime;
        var decision = CaseWorkflow.Decide(supportCase.ToState(), new CaseTrigger.SupportNotes(), now);
        if (!decision.IsAllowed) return CaseResult.Refused(decision.Refusal!);
        // The version moves so the note sorts after every earlier entry written in the same instant.
        supportCase.Version++;
        var author = await StaffAuditLog.NameOfAsync(db, support.UserId!, ct);
        var note = NewMessage(supportCase, AuthorKind.Support, author, support.UserId, text, now, supportCase.Version * 100, CaseEntryKind.StaffNote);
        db.CaseMessages.Add(note);
        await StaffAuditLog.AddAsync(db, support.UserId!, StaffAuditAction.WroteNote, caseId, supportCase.StoreId, null, null, now, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CaseResult.Conflict; }
        feed.Publish(new CaseChange(supportCase.StoreId, caseId, CaseChangeKind.Message, supportCase.Status, AuthorKind.Support, now));
        return new CaseResult(CaseOutcome.Ok, Case: supportCase, Message: note);
    }

    /// <summary>
    /// An escalation signal fires on a case: escalates it (once) through <see cref="CaseWorkflow"/>, with its
    /// reason on the trail, and records it in CaseSignals in the same transaction. A signal already recorded
    /// for the case, or a closed case, changes nothing.
    /// </summary>
    public async Task<CaseResult> RaiseSignalAsync(string caseId, EscalationSignalKind kind, string reason, string source, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            if (await db.CaseSignals.AnyAsync(s => s.CaseId == caseId && s.Kind == kind, ct)) return CaseResult.Refused(SignalAlreadyRecorded);
        var text = $"{EscalationSignalRules.Label(kind)}: {reason}";
        if (text.Length > CaseWorkflow.ReasonMax) text = text[..(CaseWorkflow.ReasonMax - 1)] + "…";
        try
        {
            return await ChangeAsync(null, caseId, new CaseTrigger.EscalationSignal(kind, text), null, null, null, ct,
                inTransaction: async (db, change, innerCt) =>
                {
                    db.CaseSignals.Add(new CaseSignal
                    {
                        CaseId = caseId, StoreId = change.Case!.StoreId, Kind = kind, Reason = text, Source = source,
                        At = change.Case.UpdatedAt,
                    });
                    await db.SaveChangesAsync(innerCt);
                });
        }
        catch (DbUpdateException)
        {
            // Another writer recorded the same signal first (the unique index); its escalation stands.
            if (await SignalRecordedAsync(caseId, kind, ct)) return CaseResult.Refused(SignalAlreadyRecorded);
            throw;
        }
    }

    /// <summary>Evaluates every signal on a case and raises the ones that are due (opening, reopening, the sweep).</summary>
    public async Task<IReadOnlyList<EscalationSignalKind>> EvaluateSignalsAsync(string caseId, string source, CancellationToken ct = default)
    {
        IReadOnlyList<DueSignal> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            due = await EscalationSignalFacts.DueAsync(db, caseId, clock.GetUtcNow().UtcDateTime, ct);
        var fired = new List<EscalationSignalKind>();
        foreach (var signal in due)
            if ((await RaiseSignalAsync(caseId, signal.Kind, signal.Reason, source, ct)).Succeeded) fired.Add(signal.Kind);
        return fired;
    }

    private async Task<bool> SignalRecordedAsync(string caseId, EscalationSignalKind kind, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CaseSignals.AnyAsync(s => s.CaseId == caseId && s.Kind == kind, ct);
    }

    private async Task<bool> IsSupportAsync(Actor support, CancellationToken ct) =>
        support.Kind == AuthorKind.Support && await access.AllowsAsync(support.UserId, Policies.PlatformSupport, ct: ct);

    /// <summary>A staff action through the rules, with its audit row in the same transaction.</summary>
    private async Task<CaseResult> SupportChangeAsync(string caseId, Actor support, CaseTrigger trigger, string action, string? reason, string? detail,
        long? expectedVersion, CancellationToken ct, string? body = null, IReadOnlyList<Attachments.AttachmentUpload>? files = null)
    {
        if (!await IsSupportAsync(support, ct)) return CaseResult.Forbidden;
        return await ChangeAsync(null, caseId, trigger, expectedVersion, support, body, ct, files,
            async (db, change, innerCt) =>
            {
                await StaffAuditLog.AddAsync(db, support.UserId!, action, change.Case!.Id, change.Case.StoreId, reason,
                    string.IsNullOrEmpty(detail) ? null : detail, clock.GetUtcNow().UtcDateTime, innerCt);
                await db.SaveChangesAsync(innerCt);
            });
    }
}
