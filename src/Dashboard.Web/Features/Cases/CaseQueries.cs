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

/// <summary>Reads for the dashboard and the Store API. One short-lived DbContext per call.</summary>
public sealed class CaseQueries(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public async Task<TabCounts> CountsAsync(string storeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.CaseCounts.AsNoTracking().FirstOrDefaultAsync(c => c.StoreId == storeId, ct);
        return row is null ? TabCounts.Zero : new TabCounts(row.AwaitingMerchant, row.Open, row.AwaitingCustomer, row.Closed);
    }

    public async Task<CaseListResult> ListAsync(string storeId, CaseListQuery query, CancellationToken ct = default)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, Limits.PageSizeMax);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var cases = db.Cases.AsNoTracking().Where(c => c.StoreId == storeId);
        if (query.Status is { } status) cases = cases.Where(c => c.Status == status);
        if (query.Priority is { } priority) cases = cases.Where(c => c.Priority == priority);
        if (query.CustomerId is { } customerId) cases = cases.Where(c => c.CustomerId == customerId);
        if (query.OrderId is { } orderId) cases = cases.Where(c => c.OrderId == orderId);
        var filtered = query.Priority is not null || query.CustomerId is not null || query.OrderId is not null;

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            filtered = true;
            var q = query.Search.Trim();
            if (Ids.IsValid(q, Ids.Case))
                cases = cases.Where(c => c.Id == q);
            else if (q.Contains('@'))
            {
                var email = q.ToLowerInvariant();
                cases = cases.Where(c => c.Customer.Email.ToLower() == email);
            }
            else
            {
                var like = "%" + EscapeLike(q) + "%";
                cases = cases.Where(c => EF.Functions.Like(c.Subject, like, "\\") || c.Order.OrderNumber == q);
            }
        }

        var total = filtered
            ? await cases.CountAsync(ct)
            : CountFor(await CountsAsync(storeId, ct), query.Status);

        var rows = await cases
            .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(c => new CaseListRow(
                c.Id, c.Subject, c.Status, c.Priority,
                c.CustomerId, c.Customer.Email, c.Customer.FirstName, c.Customer.LastName,
                c.OrderId, c.Order.OrderNumber, c.Order.Amount, c.Order.Currency,
                c.LastMessageAt, c.LastMessageBy, c.UnreadCount, c.Escalated,
                c.ClosedAt, c.ClosedBy, c.CreatedAt, c.UpdatedAt))
            .ToListAsync(ct);
        return new CaseListResult(rows, total, page, size);
    }

    /// <summary>The case with its order and timeline, or null when it is not this store's.</summary>
    public async Task<CaseDetail?> GetAsync(string? storeId, string caseId, CancellationToken ct = default)
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
        var messages = await db.CaseMessages.AsNoTracking()
            .Where(m => m.CaseId == caseId)
            .Include(m => m.Attachments)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Sequence)
            .ToListAsync(ct);
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

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
