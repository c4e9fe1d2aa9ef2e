using System.Data.Common;
using System.Text;
using Dashboard.Data;
using Dashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Cases;

/// <summary>The ids of one page of search results, in list order, and how many cases match.</summary>
public sealed record SearchPage(List<string> PageIds, int Total, bool TotalIsCapped);

/// <summary>
/// The case list's word search: every term in the subject or in one message (full-text), or the order
/// number. Results are in list order, like every list.
/// <para>
/// SQLite (<see cref="CaseSearchIndex"/>): the index's rowids carry the store and the case, so the
/// store's hits are one range of the index and each names its case without a row read. With up to
/// a cap of matching cases (<see cref="DefaultHitCap"/>) the page is picked among them — by looking up each hit when
/// they are few, or by walking the store's list index and keeping the hits when they are many (a few
/// thousand index steps). Past the cap (a word in most cases) the count stops there ("5,000+") and the
/// page walks the list index asking the full-text index about each case, which finds a page in a few
/// dozen steps because hits are dense. So the cost follows min(hits, cap), not the store's size
/// (docs/benchmarks.md). SQL Server: <c>CONTAINS</c> over the full-text catalog.
/// </para>
/// </summary>
public static class CaseSearch
{
    public const int DefaultHitCap = 5000;
    private const int LowerBoundSample = 1000;

    public static Task<SearchPage> FindAsync(DashboardDbContext db, string storeId, string search, CaseListQuery query,
        int skip, int take, TabCounts counts, int hitCap, CancellationToken ct) =>
        db.IsSqlite
            ? FindSqliteAsync(db, storeId, search, query, skip, take, counts, hitCap, ct)
            : FindSqlServerAsync(db, storeId, search, query, skip, take, hitCap, ct);

    private static async Task<SearchPage> FindSqliteAsync(DashboardDbContext db, string storeId, string search, CaseListQuery query,
        int skip, int take, TabCounts counts, int hitCap, CancellationToken ct)
    {
        var match = CaseSearchText.ToSqliteMatch(CaseSearchText.Parse(search));
        var filter = SqlFilter.Of(query);
        var order = SqliteListRows.OrderSql(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var storeRowid = await ScalarAsync<long?>(connection, "SELECT rowid FROM Stores WHERE Id = $store", ct, ("$store", storeId));
            if (storeRowid is null) return new SearchPage([], 0, false);
            var (from, to) = CaseSearchIndex.StoreRange(storeRowid.Value);

            // The matching cases (their rowids), up to one past the cap.
            var hits = new HashSet<long>();
            // The order number's cases (an order can have several).
            var orderCases = new List<long>();
            await using (var byOrder = Command(connection, """
                SELECT c.rowid FROM Orders AS o JOIN Cases AS c ON c.StoreId = o.StoreId AND c.OrderId = o.Id
                WHERE o.StoreId = $store AND o.OrderNumber = $search
                """, ("$store", storeId), ("$search", search)))
            await using (var orderReader = await byOrder.ExecuteReaderAsync(ct))
                while (await orderReader.ReadAsync(ct)) orderCases.Add(orderReader.GetInt64(0));
            hits.UnionWith(orderCases);
            if (match is not null)
            {
                await using var cmd = Command(connection, $"SELECT rowid FROM {CaseSearchIndex.Table} WHERE {CaseSearchIndex.Table} MATCH $match AND rowid BETWEEN $from AND $to",
                    ("$match", match), ("$from", from), ("$to", to));
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (hits.Count <= hitCap && await reader.ReadAsync(ct))
                    hits.Add((reader.GetInt64(0) >> CaseSearchIndex.CaseShift) & CaseSearchIndex.CaseMask);
            }
            if (hits.Count == 0) return new SearchPage([], 0, false);

            var hitsJson = "[" + string.Join(',', hits) + "]";
            var inHits = "(SELECT value FROM json_each($hits))";
            var index = query.Status is not null ? "IX_Cases_Tab" : query.Priority is not null ? "IX_Cases_Priority" : "IX_Cases_All";
            var parameters = filter.Parameters.Concat([("$store", (object)storeId), ("$hits", hitsJson), ("$skip", skip), ("$take", take)]).ToArray();

            if (hits.Count <= hitCap)
            {
                var total = filter.IsEmpty ? hits.Count
                    : (int)(await ScalarAsync<long?>(connection, $"SELECT COUNT(*) FROM Cases AS c WHERE c.rowid IN {inHits}{filter.Sql}", ct, parameters) ?? 0);
                if (skip >= total) return new SearchPage([], total, false);
                // Look each hit up, or walk the list index keeping hits: whichever reads fewer rows.
                var walked = (long)(skip + take) * (query.Status is { } s ? counts.Of(s) : counts.All) / Math.Max(1, total);
                var sql = hits.Count <= walked / 15
                    ? $"SELECT c.Id FROM Cases AS c WHERE c.rowid IN {inHits}{filter.Sql} ORDER BY {order} LIMIT $take OFFSET $skip"
                    : $"SELECT c.Id FROM Cases AS c INDEXED BY {index} WHERE c.StoreId = $store{filter.Sql} AND +c.rowid IN {inHits} ORDER BY {order} LIMIT $take OFFSET $skip";
                return new SearchPage(await IdsAsync(connection, sql, ct, parameters), total, false);
            }

            // Dense: more cases match than the cap. Walk the list index and ask the full-text index per case.
            var dense = await IdsAsync(connection, $"""
                SELECT c.Id FROM Cases AS c INDEXED BY {index} WHERE c.StoreId = $store{filter.Sql}
                AND (c.rowid IN (SELECT value FROM json_each($orderCases)) OR EXISTS (SELECT 1 FROM {CaseSearchIndex.Table} AS f WHERE f.{CaseSearchIndex.Table} MATCH $match
                     AND f.rowid BETWEEN $from | (c.rowid << {CaseSearchIndex.CaseShift}) AND $from | (c.rowid << {CaseSearchIndex.CaseShift}) | {CaseSearchIndex.MaxEntries}))
                ORDER BY {order} LIMIT $take OFFSET $skip
                """, ct, [.. parameters, ("$match", match!), ("$from", from), ("$orderCases", "[" + string.Join(',', orderCases) + "]")]);
            // With filters, the hits read so far give a lower bound (from the first LowerBoundSample of them,
            // to keep this to that many lookups); without, the cap itself is one.
            var sample = "[" + string.Join(',', hits.Take(Math.Min(LowerBoundSample, hitCap))) + "]";
            var atLeast = filter.IsEmpty ? hitCap
                : (int)(await ScalarAsync<long?>(connection, $"SELECT COUNT(*) FROM Cases AS c WHERE c.rowid IN {inHits}{filter.Sql}", ct,
                    [.. parameters.Where(p => p.Item1 != "$hits"), ("$hits", sample)]) ?? 0);
            // A short page is the end of the list: then the total is known exactly. A page past the end
            // knows only the lower bound (the list ended somewhere before it).
            if (dense.Count == 0) return skip == 0 ? new SearchPage(dense, 0, false) : new SearchPage(dense, atLeast, true);
            if (dense.Count < take) return new SearchPage(dense, skip + dense.Count, false);
            return new SearchPage(dense, Math.Max(atLeast, skip + dense.Count), true);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<SearchPage> FindSqlServerAsync(DashboardDbContext db, string storeId, string search, CaseListQuery query,
        int skip, int take, int hitCap, CancellationToken ct)
    {
        var byOrder = db.Orders.Where(o => o.StoreId == storeId && o.OrderNumber == search)
            .Join(db.Cases, o => o.Id, c => c.OrderId, (o, c) => c.Id);
        var searchable = CaseSearchIndex.SearchableKinds;
        var hits = CaseSearchText.ToSqlServerContains(CaseSearchText.Parse(search)) is { } contains
            ? db.CaseMessages.Where(m => m.StoreId == storeId && searchable.Contains(m.Kind) && EF.Functions.Contains(m.Body, contains)).Select(m => m.CaseId)
                .Concat(db.Cases.Where(c => c.StoreId == storeId && EF.Functions.Contains(c.Subject, contains)).Select(c => c.Id))
                .Concat(byOrder)
            : byOrder;
        var cases = CaseQueries.Filtered(db.Cases.AsNoTracking().Where(c => c.StoreId == storeId && hits.Contains(c.Id)), query);
        var total = await cases.Take(hitCap + 1).CountAsync(ct);
        var ids = await CaseQueries.InListOrder(cases).Skip(skip).Take(take).Select(c => c.Id).ToListAsync(ct);
        return new SearchPage(ids, Math.Min(total, hitCap), total > hitCap);
    }

    /// <summary>The column filters of a search as SQL (parameters, never text), appended after a WHERE.</summary>
    private sealed record SqlFilter(string Sql, (string, object)[] Parameters)
    {
        public bool IsEmpty => Sql.Length == 0;

        public static SqlFilter Of(CaseListQuery query)
        {
            var sql = new StringBuilder();
            var parameters = new List<(string, object)>();
            void Add(string column, object value)
            {
                sql.Append($" AND c.\"{column}\" = ${column}");
                parameters.Add(("$" + column, value));
            }
            if (query.Status is { } status) Add("Status", (int)status);
            if (query.Priority is { } priority) Add("Priority", (int)priority);
            if (query.CustomerId is { } customerId) Add("CustomerId", customerId);
            if (query.OrderId is { } orderId) Add("OrderId", orderId);
            if (query.AssigneeUserId is { } assignee) Add("AssigneeUserId", assignee);
            else if (query.Unassigned) sql.Append(" AND c.\"AssigneeUserId\" IS NULL");
            return new SqlFilter(sql.ToString(), [.. parameters]);
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static async Task<T?> ScalarAsync<T>(DbConnection connection, string sql, CancellationToken ct, params (string, object)[] parameters)
    {
        await using var cmd = Command(connection, sql, parameters);
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    private static async Task<List<string>> IdsAsync(DbConnection connection, string sql, CancellationToken ct, params (string, object)[] parameters)
    {
        await using var cmd = Command(connection, sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }
}
