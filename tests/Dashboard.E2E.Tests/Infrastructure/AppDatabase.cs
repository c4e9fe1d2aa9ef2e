using Microsoft.Data.Sqlite;

namespace Dashboard.E2E.Tests.Infrastructure;

/// <summary>
/// The running app's own SQLite file, read with plain SQL: the facts a page is checked against
/// (counts recounted from the case rows, the first page of a list in the spec's order), read at the
/// moment of the check, so earlier tests that changed cases do not make the expectations stale.
/// Enum columns hold the C# values: status Open 0, Awaiting customer 1, Awaiting merchant 2, Closed 3;
/// priority Low 0, Normal 1, High 2, Urgent 3.
/// </summary>
public sealed class AppDatabase(string dataDirectory)
{
    public const int Open = 0, AwaitingCustomer = 1, AwaitingMerchant = 2, Closed = 3;
    public const int Urgent = 3;

    /// <summary>The tab slugs of the list page and the status each counts (null: All).</summary>
    public static readonly (string Slug, int? Status)[] Tabs =
        [("awaiting-you", AwaitingMerchant), ("open", Open), ("awaiting-customer", AwaitingCustomer), ("closed", Closed), ("all", null)];

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "dashboard.db"), Pooling = false, DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The store's most recently active case that is neither closed nor escalated.</summary>
    public async Task<string> QuietOpenCaseAsync(string storeId)
    {
        await using var connection = Connect();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Id FROM Cases WHERE StoreId = $store AND Escalated = 0 AND Status <> {Closed} ORDER BY LastMessageAt DESC, Id DESC LIMIT 1";
        command.Parameters.AddWithValue("$store", storeId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The payment id of a case's order (what a payment provider's events name).</summary>
    public async Task<string> PaymentIdOfCaseAsync(string caseId)
    {
        await using var connection = Connect();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT o.Payment_Id FROM Cases AS c JOIN Orders AS o ON o.Id = c.OrderId WHERE c.Id = $id";
        command.Parameters.AddWithValue("$id", caseId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Each tab's count, recounted from the store's case rows.</summary>
    public async Task<Dictionary<string, int>> TabCountsAsync(string storeId)
    {
        var counts = new Dictionary<string, int>();
        foreach (var (slug, status) in Tabs) counts[slug] = await CountAsync(storeId, status);
        return counts;
    }

    public async Task<int> CountAsync(string storeId, int? status = null, int? priority = null)
    {
        await using var connection = Connect();
        await using var command = Filtered(connection, "SELECT COUNT(*) FROM Cases", storeId, status, priority, "");
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    /// <summary>The ids of the first <paramref name="limit"/> cases in list order: last message, created, id, all newest first.</summary>
    public async Task<IReadOnlyList<string>> CaseIdsAsync(string storeId, int? status = null, int? priority = null, int limit = 20)
    {
        await using var connection = Connect();
        await using var command = Filtered(connection, "SELECT Id FROM Cases", storeId, status, priority,
            $" ORDER BY LastMessageAt DESC, CreatedAt DESC, Id DESC LIMIT {limit}");
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    public async Task<string> SubjectAsync(string caseId)
    {
        await using var connection = Connect();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Subject FROM Cases WHERE Id = $id";
        command.Parameters.AddWithValue("$id", caseId);
        return (string)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"no case {caseId}"));
    }

    private static SqliteCommand Filtered(SqliteConnection connection, string select, string storeId, int? status, int? priority, string tail)
    {
        var command = connection.CreateCommand();
        command.CommandText = select + " WHERE StoreId = $store"
            + (status is null ? "" : " AND Status = $status")
            + (priority is null ? "" : " AND Priority = $priority") + tail;
        command.Parameters.AddWithValue("$store", storeId);
        if (status is not null) command.Parameters.AddWithValue("$status", status);
        if (priority is not null) command.Parameters.AddWithValue("$priority", priority);
        return command;
    }
}
