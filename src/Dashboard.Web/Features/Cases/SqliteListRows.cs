using System.Data.Common;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Cases;

/// <summary>
/// The list's rows on SQLite, read with plain ADO.NET on the context's connection. The list is the
/// dashboard's hottest read; EF's materialisation of 20 rows cost several times the query itself
/// (docs/benchmarks.md: "the list at 2× raw SQL"), so this reads them directly. Same columns as
/// <c>CaseQueries.ToRow</c>, and the order is EF's own translation of <c>CaseQueries.InListOrder</c>
/// (tests hold both paths to the same rows). Dates are UTC ticks, enums integers, as the model stores them.
/// </summary>
internal static class SqliteListRows
{
    private const string Columns = """
        c.Id, c.Subject, c.Status, c.Priority, c.CustomerId, cu.Email, cu.FirstName, cu.LastName,
        c.OrderId, o.OrderNumber, o.Amount, o.Currency, c.LastMessageAt, c.LastMessageBy, c.UnreadCount,
        c.Escalated, c.ClosedAt, c.ClosedBy, c.CreatedAt, c.UpdatedAt, c.AssigneeUserId
        """;

    private const string Joined = "Cases AS c JOIN Customers AS cu ON cu.Id = c.CustomerId JOIN Orders AS o ON o.Id = c.OrderId";

    /// <summary>
    /// The store's tab counts and one page of its cases (of one status, or all) in list order, in one
    /// visit to the database. The first page is one plain join that stops after the page; deeper pages
    /// pick their ids on the covering index in a subquery (skipped rows are never joined), from the
    /// nearer end of the list (<paramref name="nearerEnd"/> says where, given the total).
    /// </summary>
    public static async Task<(TabCounts Counts, List<CaseListRow> Rows)> PageAsync(DashboardDbContext db, string storeId, CaseStatus? status,
        int skip, int take, Func<int, (int Skip, int Take, bool Reversed)> nearerEnd, CancellationToken ct)
    {
        var where = "c.StoreId = $store" + (status is null ? "" : " AND c.Status = $status");
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            const string countsSql = "SELECT * FROM CaseCounts WHERE StoreId = $store";
            if (skip == 0)
            {
                // skip and take are integers this code computed, inlined: a bound LIMIT made SQLite's plan slower.
                await using var both = Command(connection, $"{countsSql}; SELECT {Columns} FROM {Joined} WHERE {where} ORDER BY {OrderSql(db)} LIMIT {take}",
                    ("$store", storeId), ("$status", (int?)status));
                await using var reader = await both.ExecuteReaderAsync(ct);
                var first = await ReadCountsAsync(reader, ct);
                await reader.NextResultAsync(ct);
                return (first, await ReadRowsAsync(reader, take, ct));
            }

            TabCounts counts;
            await using (var read = Command(connection, countsSql, ("$store", storeId)))
            await using (var reader = await read.ExecuteReaderAsync(ct))
                counts = await ReadCountsAsync(reader, ct);
            var total = status is { } s ? counts.Of(s) : counts.All;
            if (skip >= total) return (counts, []);
            var (from, count, reversed) = nearerEnd(total);
            var order = OrderSql(db, reversed);
            await using var page = Command(connection, $"""
                SELECT {Columns} FROM {Joined}
                WHERE c.Id IN (SELECT c.Id FROM Cases AS c WHERE {where} ORDER BY {order} LIMIT {count} OFFSET {from})
                ORDER BY {order}
                """, ("$store", storeId), ("$status", (int?)status));
            await using (var reader = await page.ExecuteReaderAsync(ct))
            {
                var rows = await ReadRowsAsync(reader, count, ct);
                if (reversed) rows.Reverse();
                return (counts, rows);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<TabCounts> ReadCountsAsync(DbDataReader reader, CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct)) return TabCounts.Zero;
        var row = new StoreCaseCounts();
        foreach (var status in StoreCaseCounts.Statuses)
            row.Add(status, reader.GetInt32(reader.GetOrdinal(StoreCaseCounts.ColumnName(status))));
        return new TabCounts(row);
    }

    /// <summary>The rows of these case ids, in the order given.</summary>
    public static async Task<List<CaseListRow>> ByIdsAsync(DashboardDbContext db, List<string> ids, CancellationToken ct)
    {
        var rows = await ReadAsync(db, $"SELECT {Columns} FROM {Joined} WHERE c.Id IN (SELECT value FROM json_each($ids))", ids.Count, ct,
            ("$ids", System.Text.Json.JsonSerializer.Serialize(ids)));
        return [.. rows.OrderBy(r => ids.IndexOf(r.Id))];
    }

    /// <summary>
    /// The list order as SQL over <c>Cases AS c</c>: EF's own translation of <c>CaseQueries.InListOrder</c>,
    /// taken once, so the order is written in one place.
    /// </summary>
    public static string OrderSql(DashboardDbContext db, bool reversed = false) =>
        reversed ? _reversedOrder ??= OrderOf(db, true) : _order ??= OrderOf(db, false);

    private static string? _order, _reversedOrder;

    private static string OrderOf(DashboardDbContext db, bool reversed)
    {
        var sql = CaseQueries.InListOrder(db.Cases, reversed).Select(c => c.Id).ToQueryString();
        return sql[(sql.LastIndexOf("ORDER BY ", StringComparison.Ordinal) + "ORDER BY ".Length)..].Trim();
    }

    private static async Task<List<CaseListRow>> ReadAsync(DashboardDbContext db, string sql, int capacity, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = Command(db.Database.GetDbConnection(), sql, parameters);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            return await ReadRowsAsync(reader, capacity, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (value is null) continue;
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static async Task<List<CaseListRow>> ReadRowsAsync(DbDataReader reader, int capacity, CancellationToken ct)
    {
        var rows = new List<CaseListRow>(capacity);
        while (await reader.ReadAsync(ct)) rows.Add(Read(reader));
        return rows;
    }

    private static CaseListRow Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), (CaseStatus)r.GetInt32(2), (CasePriority)r.GetInt32(3),
        r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
        r.GetString(8), r.GetString(9), r.GetInt64(10), r.GetString(11),
        Utc(r.GetInt64(12)), (AuthorKind)r.GetInt32(13), r.GetInt32(14), r.GetBoolean(15),
        r.IsDBNull(16) ? null : Utc(r.GetInt64(16)), r.IsDBNull(17) ? null : (AuthorKind)r.GetInt32(17),
        Utc(r.GetInt64(18)), Utc(r.GetInt64(19)),
        r.IsDBNull(20) ? null : r.GetString(20));

    private static DateTime Utc(long ticks) => new(ticks, DateTimeKind.Utc);
}
