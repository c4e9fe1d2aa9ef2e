using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Stores;
using Microsoft.EntityFrameworkCore;

// The team's half of the case service: notes and assignment. Neither is a step of the rules
// (CaseWorkflow): they never change the status, the unread count or the last-message fields, so the
// case still reads as unanswered until a person answers. Both bump Version and publish a change.
namespace Dashboard.Web.Features.Cases;

public sealed partial class CaseService
{
    public const string NotAMember = "This person is not a member of the store";

    /// <summary>
    /// A store member writes a team note: a <see cref="CaseEntryKind.TeamNote"/> entry, which
    /// <see cref="TimelineVisibility"/> keeps out of the portal, the Store API and every email.
    /// Allowed on a closed case too (a note is not an answer).
    /// </summary>
    public async Task<CaseResult> AddNoteAsync(string storeId, string caseId, Actor member, string? body, long? expectedVersion = null, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(member.UserId, Policies.StoreMember, storeId, ct)) return CaseResult.Forbidden;
        if (Limits.ValidateBody(body, out var text) is { } error) return CaseResult.Invalid(error);
        return await TeamWriteAsync(storeId, caseId, expectedVersion, CaseChangeKind.Note, ct, (db, supportCase, now, sequence) =>
        {
            var note = NewMessage(supportCase, AuthorKind.Merchant, member.DisplayName, member.UserId, text, now, sequence, CaseEntryKind.TeamNote);
            db.CaseMessages.Add(note);
            return (true, note);
        });
    }

    /// <summary>
    /// A store member assigns the case to a member of the same store (<paramref name="assigneeUserId"/>)
    /// or to nobody (null), with a trail line ("Assigned to Nadia Holm by Theo Park").
    /// Someone who is not a member of the store is refused (<see cref="NotAMember"/>); assigning to the
    /// current assignee changes nothing.
    /// </summary>
    public async Task<CaseResult> AssignAsync(string storeId, string caseId, Actor member, string? assigneeUserId, long? expectedVersion = null, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(member.UserId, Policies.StoreMember, storeId, ct)) return CaseResult.Forbidden;
        string? assigneeName = null;
        if (assigneeUserId is not null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            assigneeName = await db.StoreMembers.Where(m => m.StoreId == storeId && m.UserId == assigneeUserId)
                .Select(m => m.User.DisplayName).FirstOrDefaultAsync(ct);
            if (assigneeName is null) return CaseResult.Invalid(NotAMember);
        }
        return await TeamWriteAsync(storeId, caseId, expectedVersion, CaseChangeKind.Assigned, ct, (db, supportCase, now, sequence) =>
        {
            if (supportCase.AssigneeUserId == assigneeUserId) return (false, null);
            supportCase.AssigneeUserId = assigneeUserId;
            var line = assigneeName is null ? $"Unassigned by {member.DisplayName}" : $"Assigned to {assigneeName} by {member.DisplayName}";
            db.CaseMessages.Add(NewMessage(supportCase, Actor.System.Kind, Actor.System.DisplayName, null, line, now, sequence, CaseEntryKind.Trail));
            return (true, null);
        });
    }

    /// <summary>
    /// Loads the case (store-scoped), lets <paramref name="write"/> add its rows (it answers whether it
    /// changed anything, and the entry to hand back), bumps Version and saves; no status, counter or
    /// last-message field changes.
    /// </summary>
    private async Task<CaseResult> TeamWriteAsync(string storeId, string caseId, long? expectedVersion, CaseChangeKind kind, CancellationToken ct,
        Func<DashboardDbContext, SupportCase, DateTime, long, (bool Changed, CaseMessage? Entry)> write)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var supportCase = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId && c.StoreId == storeId, ct);
        if (supportCase is null) return CaseResult.NotFound;
        if (expectedVersion is { } v && v != supportCase.Version) return CaseResult.Conflict;

        var now = clock.GetUtcNow().UtcDateTime;
        // Entries sort by Version × 100 like ChangeAsync's, so a later write sorts after an earlier one in the same instant.
        var (changed, entry) = write(db, supportCase, now, (supportCase.Version + 1) * 100);
        if (!changed) return new CaseResult(CaseOutcome.Ok, Case: supportCase);
        supportCase.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CaseResult.Conflict;
        }
        feed.Publish(new CaseChange(storeId, supportCase.Id, kind, supportCase.Status, entry?.AuthorKind, now));
        return new CaseResult(CaseOutcome.Ok, Case: supportCase, Message: entry);
    }
}
