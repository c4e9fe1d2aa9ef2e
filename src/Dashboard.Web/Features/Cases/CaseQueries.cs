using System.Linq.Expressions;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Cases;

/// <summary>
/// Reads for the dashboard and the Store API. One short-lived DbContext per call.
/// Built to stay flat at a million cases (docs/benchmarks.md): a tab's total comes from the
/// <see cref="StoreCaseCounts"/> row, a page is chosen on the covering tab index before any join
/// (so page 500 costs index steps, not 10,000 joined rows; a page past the middle is read from the
/// other end), and search reads the full-text index (<see cref="CaseSearch"/>).
/// The list's row (<see cref="ToRow"/>) and order (<see cref="InListOrder"/>) are written once here.
/// </summary>
public sealed class CaseQueries(IDbContextFactory<DashboardDbContext> dbFactory)
{
    /// <summary>A search counts its matches up to this many; past it the total shows as "5,000+". Tests lower it.</summary>
    public int SearchHitCap { get; init; } = CaseSearch.DefaultHitCap;

    /// <summary>The list's row: every column the table shows, joined from the case's customer and order (SQLite's hot path: <see cref="SqliteListRows"/>).</summary>
    private static readonly Expression<Func<SupportCase, CaseListRow>> ToRow = c => new CaseListRow(
        c.Id, c.Subject, c.Status, c.Priority,
        c.CustomerId, c.Customer.Email, c.Customer.FirstName, c.Customer.LastName,
        c.OrderId, c.Order.OrderNumber, c.Order.Amount, c.Order.Currency,
        c.LastMessageAt, c.LastMessageBy, c.UnreadCount, c.Escalated,
        c.ClosedAt, c.ClosedBy, c.CreatedAt, c.UpdatedAt,
        c.AssigneeUserId);

    /// <summary>The list's order: latest activity first; the id settles ties, so paging is stable.</summary>
    internal static IOrderedQueryable<SupportCase> InListOrder(IQueryable<SupportCase> cases, bool reversed = false) => reversed
        ? cases.OrderBy(c => c.LastMessageAt).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id)
        : cases.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);

    public async Task<TabCounts> CountsAsync(string storeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadCountsAsync(db, storeId, ct);
    }

    private static readonly Func<DashboardDbContext, string, CancellationToken, Task<StoreCaseCounts?>> CountsRow =
        EF.CompileAsyncQuery((DashboardDbContext db, string storeId, CancellationToken ct) =>
            db.CaseCounts.AsNoTracking().FirstOrDefault(c => c.StoreId == storeId));

    private static async Task<TabCounts> ReadCountsAsync(DashboardDbContext db, string storeId, CancellationToken ct) =>
        await CountsRow(db, storeId, ct) is { } row ? new TabCounts(row) : TabCounts.Zero;

    public async Task<CaseListResult> ListAsync(string storeId, CaseListQuery query, CancellationToken ct = default)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, Limits.PageSizeMax);
        var skip = (int)Math.Min((long)(page - 1) * size, int.MaxValue);
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var filtered = query.Priority is not null || query.CustomerId is not null || query.OrderId is not null
            || query.AssigneeUserId is not null || query.Unassigned;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        if (search is null && !filtered && db.IsSqlite)
        {
            // The hot path, a tab or All: counts and page in one visit; the total is the counter, no rows are counted.
            var (tabCounts, pageRows) = await SqliteListRows.PageAsync(db, storeId, query.Status, skip, size,
                total => PageFromNearerEnd(skip, size, total), ct);
            return new CaseListResult(pageRows, query.Status is { } tab ? tabCounts.Of(tab) : tabCounts.All, page, size, tabCounts);
        }

        var counts = await ReadCountsAsync(db, storeId, ct);
        CaseListResult Result(IReadOnlyList<CaseListRow> rows, int total, bool capped = false) => new(rows, total, page, size, counts, capped);
        var cases = Filtered(db.Cases.AsNoTracking().Where(c => c.StoreId == storeId), query);

        if (search is null)
        {
            var total = filtered ? await cases.CountAsync(ct) : query.Status is { } s ? counts.Of(s) : counts.All;
            return Result(skip >= total ? [] : await PageAsync(db, cases, skip, size, total, ct), total);
        }

        if (Ids.IsValid(search, Ids.Case) || search.Contains('@'))
        {
            var email = search.ToLowerInvariant();
            var customers = db.Customers.Where(u => u.StoreId == storeId && (u.Email == search || u.Email == email || u.Email.ToLower() == email)).Select(u => u.Id);
            var matched = Ids.IsValid(search, Ids.Case) ? cases.Where(c => c.Id == search) : cases.Where(c => customers.Contains(c.CustomerId));
            var count = await matched.CountAsync(ct);
            return Result(skip >= count ? [] : await PageAsync(db, matched, skip, size, count, ct), count);
        }

        // Words in the subject or a message (full-text), or an order number.
        var found = await CaseSearch.FindAsync(db, storeId, search, query, skip, size, counts, SearchHitCap, ct);
        if (found.PageIds.Count == 0) return Result([], found.Total, found.TotalIsCapped);
        var rows = db.IsSqlite ? await SqliteListRows.ByIdsAsync(db, found.PageIds, ct)
            : (await db.Cases.AsNoTracking().Where(c => found.PageIds.Contains(c.Id)).Select(ToRow).ToListAsync(ct)).OrderBy(r => found.PageIds.IndexOf(r.Id)).ToList();
        return Result(rows, found.Total, found.TotalIsCapped);
    }

    /// <summary>
    /// The ids of up to <paramref name="max"/> of a store's cases matching <paramref name="search"/> (words in the
    /// subject or a message, or an order number), newest activity first: the same full-text search as the list.
    /// </summary>
    public async Task<IReadOnlyList<string>> SearchIdsAsync(string storeId, string search, int max, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await CaseSearch.FindAsync(db, storeId, search.Trim(), new CaseListQuery(), 0, max, await ReadCountsAsync(db, storeId, ct), SearchHitCap, ct);
        return found.PageIds;
    }

    /// <summary>The filters that are plain columns of the case (status, priority, customer, order, assignee).</summary>
    internal static IQueryable<SupportCase> Filtered(IQueryable<SupportCase> cases, CaseListQuery query)
    {
        if (query.Status is { } status) cases = cases.Where(c => c.Status == status);
        if (query.Priority is { } priority) cases = cases.Where(c => c.Priority == priority);
        if (query.CustomerId is { } customerId) cases = cases.Where(c => c.CustomerId == customerId);
        if (query.OrderId is { } orderId) cases = cases.Where(c => c.OrderId == orderId);
        if (query.AssigneeUserId is { } assignee) cases = cases.Where(c => c.AssigneeUserId == assignee);
        else if (query.Unassigned) cases = cases.Where(c => c.AssigneeUserId == null);
        return cases;
    }

    /// <summary>
    /// One page of <paramref name="cases"/> in list order. The page's ids are chosen on the covering index
    /// (no join while skipping), then only those rows are joined to their customer and order. Past the
    /// middle the index is read from the other end, so the last page costs what the first does.
    /// </summary>
    private static async Task<List<CaseListRow>> PageAsync(DashboardDbContext db, IQueryable<SupportCase> cases, int skip, int take, int total, CancellationToken ct)
    {
        var (from, count, reversed) = PageFromNearerEnd(skip, take, total);
        var ids = InListOrder(cases, reversed).Skip(from).Take(count).Select(c => c.Id);
        var rows = await InListOrder(db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)), reversed).Select(ToRow).ToListAsync(ct);
        if (reversed) rows.Reverse();
        return rows;
    }

    /// <summary>
    /// Where to read a page: past the middle of the list it is read backwards from the end (skipping
    /// fewer index entries) and reversed afterwards, so the last page costs what the first does.
    /// </summary>
    private static (int Skip, int Take, bool Reversed) PageFromNearerEnd(int skip, int take, int total)
    {
        if (skip <= total / 2) return (skip, take, false);
        var count = Math.Min(take, total - skip);
        return (total - skip - count, count, true);
    }

    /// <summary>The case with its order and the timeline <paramref name="audience"/> sees, or null when it is not this store's.</summary>
    public async Task<CaseDetail?> GetAsync(string? storeId, string caseId, TimelineAudience audience, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var supportCase = await db.Cases.AsNoTracking()
            .Include(c => c.Customer)
            .FirstOrDefaultAsync(c => c.Id == caseId && (storeId == null || c.StoreId == storeId), ct);
        if (supportCase is null) return null;
        var order = await db.Orders.AsNoTracking()
            .Include(o => o.Items).Include(o => o.Licenses)
            .AsSplitQuery()
            .FirstAsync(o => o.Id == supportCase.OrderId, ct);
        var visible = TimelineVisibility.KindsVisibleTo(audience);
        var messages = await db.CaseMessages.AsNoTracking()
            .Where(m => m.CaseId == caseId && visible.Contains(m.Kind))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Sequence)
            .ToListAsync(ct);
        // Attachments by message id (indexed) in one query, attached here: EF's collection Include
        // cost ~30 ms on a 200-message case, this ~0.2 ms (docs/benchmarks.md).
        if (messages.Count > 0)
        {
            var messageIds = messages.Select(m => m.Id).ToList();
            var attachments = await db.Attachments.AsNoTracking()
                .Where(a => messageIds.Contains(a.MessageId))
                .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
                .ToListAsync(ct);
            if (attachments.Count > 0)
            {
                var byMessage = attachments.ToLookup(a => a.MessageId);
                foreach (var m in messages) m.Attachments = byMessage[m.Id].ToList();
            }
        }
        var signals = await db.CaseSignals.AsNoTracking().Where(s => s.CaseId == caseId).OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => s.Kind).ToListAsync(ct);
        return new CaseDetail(supportCase, order, supportCase.Customer, messages) { Signals = signals };
    }

    /// <summary>One case as a list row (the Store API's case object), or null when it is not this store's.</summary>
    public async Task<CaseListRow?> GetRowAsync(string storeId, string caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId && c.StoreId == storeId)
            .Select(ToRow)
            .FirstOrDefaultAsync(ct);
    }
}
