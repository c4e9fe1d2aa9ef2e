using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Cases;

/// <summary>The dashboard's tabs, Awaiting you first. Each maps to one status, except All.</summary>
public enum CaseTab { AwaitingYou, Open, AwaitingCustomer, Closed, All }

public static class CaseTabs
{
    public static readonly CaseTab[] InOrder = [CaseTab.AwaitingYou, CaseTab.Open, CaseTab.AwaitingCustomer, CaseTab.Closed, CaseTab.All];

    public static CaseStatus? Status(this CaseTab tab) => tab switch
    {
        CaseTab.AwaitingYou => CaseStatus.AwaitingMerchant,
        CaseTab.Open => CaseStatus.Open,
        CaseTab.AwaitingCustomer => CaseStatus.AwaitingCustomer,
        CaseTab.Closed => CaseStatus.Closed,
        CaseTab.All => null,
        _ => throw new ArgumentOutOfRangeException(nameof(tab), tab, null),
    };

    public static string Label(this CaseTab tab) => tab switch
    {
        CaseTab.AwaitingYou => "Awaiting you",
        CaseTab.Open => "Open",
        CaseTab.AwaitingCustomer => "Awaiting customer",
        CaseTab.Closed => "Closed",
        CaseTab.All => "All",
        _ => throw new ArgumentOutOfRangeException(nameof(tab), tab, null),
    };

    /// <summary>The tab's name in the URL (<c>/cases?tab=awaiting-you</c>).</summary>
    public static string Slug(this CaseTab tab) => tab switch
    {
        CaseTab.AwaitingYou => "awaiting-you",
        CaseTab.Open => "open",
        CaseTab.AwaitingCustomer => "awaiting-customer",
        CaseTab.Closed => "closed",
        CaseTab.All => "all",
        _ => throw new ArgumentOutOfRangeException(nameof(tab), tab, null),
    };

    public static CaseTab FromSlug(string? slug) => InOrder.FirstOrDefault(t => t.Slug() == slug, CaseTab.AwaitingYou);

    public static int CountOf(this TabCounts counts, CaseTab tab) => tab switch
    {
        CaseTab.AwaitingYou => counts.AwaitingYou,
        CaseTab.Open => counts.Open,
        CaseTab.AwaitingCustomer => counts.AwaitingCustomer,
        CaseTab.Closed => counts.Closed,
        CaseTab.All => counts.All,
        _ => throw new ArgumentOutOfRangeException(nameof(tab), tab, null),
    };
}

public sealed record TabCounts(int AwaitingYou, int Open, int AwaitingCustomer, int Closed)
{
    public int All => AwaitingYou + Open + AwaitingCustomer + Closed;
    public static readonly TabCounts Zero = new(0, 0, 0, 0);
}

/// <summary>Filters of a case list; the same for the dashboard and the Store API.</summary>
public sealed record CaseListQuery
{
    public CaseStatus? Status { get; init; }
    public CasePriority? Priority { get; init; }
    public string? CustomerId { get; init; }
    public string? OrderId { get; init; }

    /// <summary>Subject words, a case id, a customer email or an order number.</summary>
    public string? Search { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Limits.PageSizeDefault;
}

/// <summary>One row of the list: everything the table shows, nothing more.</summary>
public sealed record CaseListRow(
    string Id, string Subject, CaseStatus Status, CasePriority Priority,
    string CustomerId, string CustomerEmail, string? CustomerFirstName, string? CustomerLastName,
    string OrderId, string OrderNumber, long OrderAmount, string OrderCurrency,
    DateTime LastMessageAt, AuthorKind LastMessageBy, int UnreadCount, bool Escalated,
    DateTime? ClosedAt, AuthorKind? ClosedBy, DateTime CreatedAt, DateTime UpdatedAt)
{
    public string CustomerName => string.Join(' ', new[] { CustomerFirstName, CustomerLastName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } n ? n : CustomerEmail;
}

public sealed record CaseListResult(IReadOnlyList<CaseListRow> Rows, int Total, int Page, int PageSize)
{
    public int TotalPages => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>A case opened in full: the case, its customer and order, and the timeline.</summary>
public sealed record CaseDetail(SupportCase Case, Order Order, Customer Customer, IReadOnlyList<CaseMessage> Messages);

/// <summary>
/// Reads for the dashboard and the Store API. One short-lived DbContext per call.
/// Built to stay flat at a million cases (docs/benchmarks.md): a tab's total comes from the
/// <see cref="StoreCaseCounts"/> row, a page is chosen on the covering tab index before any join
/// (so page 500 costs index steps, not 10,000 joined rows), and search goes through the full-text
/// index (SQLite FTS5 / SQL Server Full-Text, migration AddCaseFullTextSearch).
/// </summary>
public sealed class CaseQueries(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public async Task<TabCounts> CountsAsync(string storeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadCountsAsync(db, storeId, ct);
    }

    private static readonly Func<DashboardDbContext, string, CancellationToken, Task<StoreCaseCounts?>> CountsRow =
        EF.CompileAsyncQuery((DashboardDbContext db, string storeId, CancellationToken ct) =>
            db.CaseCounts.AsNoTracking().FirstOrDefault(c => c.StoreId == storeId));

    private static async Task<TabCounts> ReadCountsAsync(DashboardDbContext db, string storeId, CancellationToken ct)
    {
        var row = await CountsRow(db, storeId, ct);
        return row is null ? TabCounts.Zero : new TabCounts(row.AwaitingMerchant, row.Open, row.AwaitingCustomer, row.Closed);
    }

    // The hot path (a tab or All, no filter), compiled once: the page's ids come from the covering
    // tab index in a subquery; only those rows are joined to their customer and order. Same shape as Rows().
    private static readonly Func<DashboardDbContext, string, CaseStatus, int, int, IAsyncEnumerable<CaseListRow>> TabPage =
        EF.CompileAsyncQuery((DashboardDbContext db, string storeId, CaseStatus status, int skip, int take) =>
            db.Cases.AsNoTracking()
                .Where(c => db.Cases
                    .Where(x => x.StoreId == storeId && x.Status == status)
                    .OrderByDescending(x => x.LastMessageAt).ThenByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id)
                    .Skip(skip).Take(take).Select(x => x.Id).Contains(c.Id))
                .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                .Select(c => new CaseListRow(
                    c.Id, c.Subject, c.Status, c.Priority,
                    c.CustomerId, c.Customer.Email, c.Customer.FirstName, c.Customer.LastName,
                    c.OrderId, c.Order.OrderNumber, c.Order.Amount, c.Order.Currency,
                    c.LastMessageAt, c.LastMessageBy, c.UnreadCount, c.Escalated,
                    c.ClosedAt, c.ClosedBy, c.CreatedAt, c.UpdatedAt)));

    private static readonly Func<DashboardDbContext, string, int, int, IAsyncEnumerable<CaseListRow>> AllPage =
        EF.CompileAsyncQuery((DashboardDbContext db, string storeId, int skip, int take) =>
            db.Cases.AsNoTracking()
                .Where(c => db.Cases
                    .Where(x => x.StoreId == storeId)
                    .OrderByDescending(x => x.LastMessageAt).ThenByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id)
                    .Skip(skip).Take(take).Select(x => x.Id).Contains(c.Id))
                .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                .Select(c => new CaseListRow(
                    c.Id, c.Subject, c.Status, c.Priority,
                    c.CustomerId, c.Customer.Email, c.Customer.FirstName, c.Customer.LastName,
                    c.OrderId, c.Order.OrderNumber, c.Order.Amount, c.Order.Currency,
                    c.LastMessageAt, c.LastMessageBy, c.UnreadCount, c.Escalated,
                    c.ClosedAt, c.ClosedBy, c.CreatedAt, c.UpdatedAt)));

    public async Task<CaseListResult> ListAsync(string storeId, CaseListQuery query, CancellationToken ct = default)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, Limits.PageSizeMax);
        var skip = (int)Math.Min((long)(page - 1) * size, int.MaxValue);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var filtered = query.Priority is not null || query.CustomerId is not null || query.OrderId is not null;

        if (search is null && !filtered)
        {
            var total = CountFor(await ReadCountsAsync(db, storeId, ct), query.Status);
            if (skip >= total) return new CaseListResult([], total, page, size);
            var pageRows = query.Status is { } tabStatus
                ? TabPage(db, storeId, tabStatus, skip, size)
                : AllPage(db, storeId, skip, size);
            return new CaseListResult(await ToListAsync(pageRows, size, ct), total, page, size);
        }

        IQueryable<SupportCase> Filtered(IQueryable<SupportCase> cases)
        {
            if (query.Status is { } status) cases = cases.Where(c => c.Status == status);
            if (query.Priority is { } priority) cases = cases.Where(c => c.Priority == priority);
            if (query.CustomerId is { } customerId) cases = cases.Where(c => c.CustomerId == customerId);
            if (query.OrderId is { } orderId) cases = cases.Where(c => c.OrderId == orderId);
            return cases;
        }
        var cases = Filtered(db.Cases.AsNoTracking().Where(c => c.StoreId == storeId));

        if (search is not null)
        {
            if (Ids.IsValid(search, Ids.Case))
                cases = cases.Where(c => c.Id == search);
            else if (search.Contains('@'))
            {
                var email = search.ToLowerInvariant();
                var customers = db.Customers.Where(u => u.StoreId == storeId && (u.Email == search || u.Email == email || u.Email.ToLower() == email)).Select(u => u.Id);
                cases = cases.Where(c => customers.Contains(c.CustomerId));
            }
            else
            {
                // Words in the subject or any message (full-text), or an order number. All matching ids
                // are read once in list order (a search matches a small share of a store), then only
                // the page's rows are joined.
                // The hits are this store's already; leaving StoreId out here keeps SQLite's planner
                // on the hits (primary key lookups) instead of walking the store's whole index.
                var ids = await Filtered(db.Cases.AsNoTracking().Where(c => SearchHits(db, storeId, search).Contains(c.Id)))
                    .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                    .Select(c => c.Id).ToListAsync(ct);
                var pageIds = ids.Skip(skip).Take(size).ToList();
                if (pageIds.Count == 0) return new CaseListResult([], ids.Count, page, size);
                var found = await Rows(db, db.Cases.Where(c => pageIds.Contains(c.Id)).Select(c => c.Id)).ToListAsync(ct);
                return new CaseListResult(found.OrderBy(r => pageIds.IndexOf(r.Id)).ToList(), ids.Count, page, size);
            }
        }

        var count = await cases.CountAsync(ct);
        if (skip >= count) return new CaseListResult([], count, page, size);
        var rows = await Rows(db, cases
                .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                .Skip(skip).Take(size).Select(c => c.Id))
            .ToListAsync(ct);
        return new CaseListResult(rows, count, page, size);
    }

    /// <summary>The list rows of the cases whose ids <paramref name="pageIds"/> yields, in list order.</summary>
    private static IQueryable<CaseListRow> Rows(DashboardDbContext db, IQueryable<string> pageIds) =>
        db.Cases.AsNoTracking()
            .Where(c => pageIds.Contains(c.Id))
            .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new CaseListRow(
                c.Id, c.Subject, c.Status, c.Priority,
                c.CustomerId, c.Customer.Email, c.Customer.FirstName, c.Customer.LastName,
                c.OrderId, c.Order.OrderNumber, c.Order.Amount, c.Order.Currency,
                c.LastMessageAt, c.LastMessageBy, c.UnreadCount, c.Escalated,
                c.ClosedAt, c.ClosedBy, c.CreatedAt, c.UpdatedAt));

    /// <summary>
    /// Ids of this store's cases whose subject or a message contains every search term, or whose
    /// order number is the search text. Provider-specific full-text SQL.
    /// </summary>
    private static IQueryable<string> SearchHits(DashboardDbContext db, string storeId, string search)
    {
        var terms = CaseSearchText.Parse(search);
        if (db.IsSqlite)
        {
            var bodyMatch = CaseSearchText.ToSqliteMatch(terms, "Body", storeId);
            var subjectMatch = CaseSearchText.ToSqliteMatch(terms, "Subject", storeId);
            if (bodyMatch is null || subjectMatch is null)
                return db.Database.SqlQuery<string>($"""
                    SELECT c.Id AS Value FROM Orders AS o JOIN Cases AS c ON c.StoreId = o.StoreId AND c.OrderId = o.Id
                    WHERE o.StoreId = {storeId} AND o.OrderNumber = {search}
                    """);
            return db.Database.SqlQuery<string>($"""
                SELECT m.CaseId AS Value FROM CaseMessageSearch CROSS JOIN CaseMessages AS m ON m.rowid = CaseMessageSearch.rowid
                WHERE CaseMessageSearch MATCH {bodyMatch} AND m.StoreId = {storeId}
                UNION
                SELECT c.Id FROM CaseSubjectSearch CROSS JOIN Cases AS c ON c.rowid = CaseSubjectSearch.rowid
                WHERE CaseSubjectSearch MATCH {subjectMatch} AND c.StoreId = {storeId}
                UNION
                SELECT c.Id FROM Orders AS o JOIN Cases AS c ON c.StoreId = o.StoreId AND c.OrderId = o.Id
                WHERE o.StoreId = {storeId} AND o.OrderNumber = {search}
                """);
        }

        var byOrder = db.Orders.Where(o => o.StoreId == storeId && o.OrderNumber == search)
            .Join(db.Cases, o => o.Id, c => c.OrderId, (o, c) => c.Id);
        var contains = CaseSearchText.ToSqlServerContains(terms);
        if (contains is null) return byOrder;
        return db.CaseMessages.Where(m => m.StoreId == storeId && EF.Functions.Contains(m.Body, contains)).Select(m => m.CaseId)
            .Concat(db.Cases.Where(c => c.StoreId == storeId && EF.Functions.Contains(c.Subject, contains)).Select(c => c.Id))
            .Concat(byOrder);
    }

    private static async Task<List<CaseListRow>> ToListAsync(IAsyncEnumerable<CaseListRow> rows, int capacity, CancellationToken ct)
    {
        var list = new List<CaseListRow>(capacity);
        await foreach (var row in rows.WithCancellation(ct)) list.Add(row);
        return list;
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
        return new CaseDetail(supportCase, order, supportCase.Customer, messages);
    }

    /// <summary>One case as a list row (the Store API's case object), or null when it is not this store's.</summary>
    public async Task<CaseListRow?> GetRowAsync(string storeId, string caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId && c.StoreId == storeId)
            .Select(c => new CaseListRow(
                c.Id, c.Subject, c.Status, c.Priority,
                c.CustomerId, c.Customer.Email, c.Customer.FirstName, c.Customer.LastName,
                c.OrderId, c.Order.OrderNumber, c.Order.Amount, c.Order.Currency,
                c.LastMessageAt, c.LastMessageBy, c.UnreadCount, c.Escalated,
                c.ClosedAt, c.ClosedBy, c.CreatedAt, c.UpdatedAt))
            .FirstOrDefaultAsync(ct);
    }

    private static int CountFor(TabCounts counts, CaseStatus? status) => status switch
    {
        null => counts.All,
        CaseStatus.AwaitingMerchant => counts.AwaitingYou,
        CaseStatus.Open => counts.Open,
        CaseStatus.AwaitingCustomer => counts.AwaitingCustomer,
        CaseStatus.Closed => counts.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
