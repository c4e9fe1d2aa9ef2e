using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Support.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Support;

/// <summary>
/// Cross-store reads for platform support. Only escalated cases are ever visible here, and only to
/// users who pass <see cref="Policies.PlatformSupport"/> (anyone else gets <see cref="AccessDeniedException"/>).
/// Search goes through <see cref="CaseQueries"/> (the list's full-text search), store by store.
/// </summary>
public sealed class SupportQueries(IDbContextFactory<DashboardDbContext> dbFactory, CaseQueries cases, StoreAccess access,
    TimeProvider clock, IOptions<SupportConsoleOptions> options)
{
    /// <summary>A word search reads at most this many matching cases per store (newest first).</summary>
    public const int SearchMatchesPerStore = 1000;

    /// <summary>The console queue: escalated cases of every store, newest activity first, keyset-paged.</summary>
    public async Task<ConsoleQueueResult> QueueAsync(string userId, ConsoleQuery query, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.PlatformSupport, ct: ct);
        var size = Math.Clamp(query.PageSize ?? options.Value.PageSize, 1, Limits.PageSizeMax);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var matching = db.Cases.AsNoTracking().Where(c => c.Escalated);
        matching = query.Status is { } status ? matching.Where(c => c.Status == status) : matching.Where(c => c.Status != CaseStatus.Closed);
        if (!string.IsNullOrEmpty(query.StoreId)) matching = matching.Where(c => c.StoreId == query.StoreId);
        if (query.Priority is { } priority) matching = matching.Where(c => c.Priority == priority);
        if (query.Signal is { } signal) matching = matching.Where(c => db.CaseSignals.Any(s => s.CaseId == c.Id && s.Kind == signal));
        if (!string.IsNullOrWhiteSpace(query.Search)) matching = await SearchAsync(db, matching, query.Search.Trim(), ct);

        var mine = matching.Where(c => db.CaseStaffAssignments.Any(a => a.CaseId == c.Id && a.StaffUserId == userId));
        var unassigned = matching.Where(c => !db.CaseStaffAssignments.Any(a => a.CaseId == c.Id));
        var filtered = query.Assignee switch
        {
            AssigneeFilter.Mine => mine,
            AssigneeFilter.Unassigned => unassigned,
            AssigneeFilter.Anyone => matching,
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Assignee, null),
        };
        var total = await filtered.CountAsync(ct);
        var mineCount = await mine.CountAsync(ct);
        var unassignedCount = await unassigned.CountAsync(ct);

        var page = filtered;
        if (ConsoleCursor.TryParse(query.After, out var afterAt, out var afterId))
            page = page.Where(c => c.LastMessageAt < afterAt || (c.LastMessageAt == afterAt && string.Compare(c.Id, afterId) < 0));
        var cases = await page.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id).Take(size + 1)
            .Join(db.Stores, c => c.StoreId, s => s.Id, (c, s) => new { c.Id, c.StoreId, StoreName = s.Name, c.Subject, c.Status, c.Priority, c.LastMessageAt, c.LastMessageBy })
            .ToListAsync(ct);
        // The join keeps the order in practice, but the page's order is the queue's promise: restate it.
        cases = [.. cases.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id, StringComparer.Ordinal)];
        var next = cases.Count > size ? ConsoleCursor.Of(cases[size - 1].LastMessageAt, cases[size - 1].Id) : null;
        if (cases.Count > size) cases.RemoveAt(size);

        var ids = cases.Select(c => c.Id).ToList();
        var signals = (await db.CaseSignals.AsNoTracking().Where(s => ids.Contains(s.CaseId)).Select(s => new { s.CaseId, s.Kind }).ToListAsync(ct))
            .ToLookup(s => s.CaseId, s => s.Kind);
        var assignees = (await db.CaseStaffAssignments.AsNoTracking().Where(a => ids.Contains(a.CaseId))
                .Join(db.Users, a => a.StaffUserId, u => u.Id, (a, u) => new { a.CaseId, a.StaffUserId, u.DisplayName }).ToListAsync(ct))
            .ToDictionary(a => a.CaseId);
        var waiting = await WaitingAsync(db, ids, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var rows = cases.Select(c =>
        {
            var (customer, staff) = waiting.GetValueOrDefault(c.Id);
            var assignee = assignees.GetValueOrDefault(c.Id);
            var customerWaiting = customer is { } at && (staff is not { } s || at > s);
            return new ConsoleQueueRow(c.Id, c.StoreId, c.StoreName, c.Subject, c.Status, c.Priority, c.LastMessageAt, c.LastMessageBy,
                assignee?.StaffUserId, assignee?.DisplayName, [.. signals[c.Id].Order()], customer, staff,
                Overdue: customerWaiting && now - customer!.Value > options.Value.OverdueAfter);
        }).ToList();
        return new ConsoleQueueResult(rows, total, mineCount, unassignedCount, next);
    }

    /// <summary>Words (full-text, each store that has escalated cases), a case id, a customer email (any store) or an order number.</summary>
    private async Task<IQueryable<SupportCase>> SearchAsync(DashboardDbContext db, IQueryable<SupportCase> matching, string search, CancellationToken ct)
    {
        if (Ids.IsValid(search, Ids.Case)) return matching.Where(c => c.Id == search);
        if (search.Contains('@'))
        {
            var email = search.ToLowerInvariant();
            var customers = db.Customers.Where(u => u.Email == search || u.Email == email || u.Email.ToLower() == email).Select(u => u.Id);
            return matching.Where(c => customers.Contains(c.CustomerId));
        }
        var stores = await matching.Select(c => c.StoreId).Distinct().ToListAsync(ct);
        var found = new List<string>();
        foreach (var store in stores) found.AddRange(await cases.SearchIdsAsync(store, search, SearchMatchesPerStore, ct));
        return matching.Where(c => found.Contains(c.Id));
    }

    /// <summary>Per case: when the customer last wrote, and when staff last wrote (messages only; notes and trail lines do not count).</summary>
    private static async Task<Dictionary<string, (DateTime? Customer, DateTime? Staff)>> WaitingAsync(DashboardDbContext db, List<string> ids, CancellationToken ct)
    {
        var messages = await db.CaseMessages.AsNoTracking()
            .Where(m => ids.Contains(m.CaseId) && m.Kind == CaseEntryKind.Message && (m.AuthorKind == AuthorKind.Customer || m.AuthorKind == AuthorKind.Support))
            .Select(m => new { m.CaseId, m.AuthorKind, m.CreatedAt }).ToListAsync(ct);
        return messages.GroupBy(m => m.CaseId).ToDictionary(g => g.Key, g => (
            g.Where(m => m.AuthorKind == AuthorKind.Customer).Select(m => (DateTime?)m.CreatedAt).Max(),
            g.Where(m => m.AuthorKind == AuthorKind.Support).Select(m => (DateTime?)m.CreatedAt).Max()));
    }

    /// <summary>A staff member opens an escalated case: its timeline as support sees it, and an audit row. Any other case answers null, like a missing one.</summary>
    public async Task<CaseDetail?> OpenCaseAsync(string userId, string caseId, CancellationToken ct = default)
    {
        var detail = await GetEscalatedAsync(userId, caseId, ct);
        if (detail is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffAuditLog.AddAsync(db, userId, StaffAuditAction.OpenedCase, caseId, detail.Case.StoreId, null, null, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return detail;
    }

    /// <summary>An escalated case of any store with its timeline as support sees it (no audit row: the page's live reloads use this).</summary>
    public async Task<CaseDetail?> GetEscalatedAsync(string userId, string caseId, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.PlatformSupport, ct: ct);
        if (!Ids.IsValid(caseId, Ids.Case)) return null;
        var detail = await cases.GetAsync(null, caseId, TimelineAudience.SupportConsole, ct);
        return detail is { Case.Escalated: true } ? detail : null;
    }

    /// <summary>The signals recorded on a case, oldest first.</summary>
    public async Task<IReadOnlyList<CaseSignal>> SignalsAsync(string userId, string caseId, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.PlatformSupport, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CaseSignals.AsNoTracking().Where(s => s.CaseId == caseId).OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(ct);
    }

    /// <summary>Who works the case (id, name), or null.</summary>
    public async Task<(string Id, string Name)?> AssigneeAsync(string userId, string caseId, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.PlatformSupport, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.CaseStaffAssignments.AsNoTracking().Where(a => a.CaseId == caseId)
            .Join(db.Users, a => a.StaffUserId, u => u.Id, (a, u) => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Id, row.DisplayName);
    }

    /// <summary>Every store (the queue's store filter).</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> StoresAsync(string userId, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.PlatformSupport, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Stores.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    public async Task<string?> StoreNameAsync(string userId, string storeId, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.PlatformSupport, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stores.Where(s => s.Id == storeId).Select(s => s.Name).FirstOrDefaultAsync(ct);
    }
}
