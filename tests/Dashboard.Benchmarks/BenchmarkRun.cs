using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Stores;
using System.Diagnostics;
using Dashboard.Data;
using Dashboard.DataGenerator;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Benchmarks;

public sealed record Measure(string Name, double P50, double P95, string Note = "", double? CpuP50 = null, double? CpuP95 = null);

public sealed record SizeResult(int Cases, int StoreCases, IReadOnlyList<Measure> Measures, double RawListP50)
{
    public Measure? this[string name] => Measures.FirstOrDefault(m => m.Name == name);
}

/// <summary>
/// One database size: the product's own services (DI registration, DbContext factory, CaseQueries,
/// CaseService) against the largest store, each operation warmed up and then timed many times.
/// </summary>
public sealed class BenchmarkRun(string path, int size, int iterations, int warmup, bool logSql = false)
{
    public const string RawList = "raw SQL: Awaiting you, page 1";

    public static async Task<string> EnsureDatabaseAsync(string dir, int cases, int stores, int seed)
    {
        var path = Path.Combine(Path.GetFullPath(dir), $"cases-{cases}.db");
        if (File.Exists(path) && GeneratedDataSet.TryRead(path) is not null) return path;
        Console.WriteLine($"Generating {path} ({cases:N0} cases)…");
        var made = await new Generator(new GeneratorOptions(path, stores, cases, seed, Force: true), Console.Out).RunAsync();
        Console.WriteLine(made);
        return path;
    }

    public async Task<SizeResult> RunAsync()
    {
        var meta = GeneratedDataSet.TryRead(path) ?? throw new InvalidOperationException($"{path}.meta.json missing; regenerate the database");
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path, Cache = SqliteCacheMode.Private, Pooling = true, DefaultTimeout = 30,
        }.ToString();

        // The product's registration, as the host does it.
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            if (!logSql) return;
            b.AddSimpleConsole(o => o.SingleLine = false);
            b.SetMinimumLevel(LogLevel.Warning);
            b.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
            b.AddFilter("Microsoft.EntityFrameworkCore.Query", LogLevel.Debug);
        });
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton(TimeProvider.System);
        services.AddDashboardData(config);
        // The product's own registrations: the write path runs its effects (outbox emails) as in the app.
        services.AddStores(config);
        services.AddLive(config);
        services.AddEmail(config);
        services.AddAttachments(config);
        services.AddCases(config);
        await using var sp = services.BuildServiceProvider();
        var factory = sp.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await DatabaseSetup.MigrateAsync(factory);
        var queries = sp.GetRequiredService<CaseQueries>();
        var service = sp.GetRequiredService<CaseService>();
        var store = meta.LargestStoreId;

        var measures = new List<Measure>();
        async Task<Measure> Time(string name, Func<int, Task> op, string note = "", Func<int, Task>? after = null)
        {
            for (var i = 0; i < warmup; i++)
            {
                await op(i);
                if (after is not null) await after(i);
            }
            var samples = new double[iterations];
            var cpu = new List<double>(iterations);
            for (var i = 0; i < iterations; i++)
            {
                var thread = Environment.CurrentManagedThreadId;
                var cpuStart = ThreadCpu.NowMs();
                var start = Stopwatch.GetTimestamp();
                await op(warmup + i);
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                // SQLite's async calls complete synchronously, so the op normally stays on this thread;
                // a sample that hopped threads has no meaningful thread CPU time and is left out.
                if (cpuStart is { } c0 && ThreadCpu.NowMs() is { } c1 && thread == Environment.CurrentManagedThreadId) cpu.Add(c1 - c0);
                if (after is not null) await after(warmup + i); // untimed
            }
            Array.Sort(samples);
            var cpuSorted = cpu.Order().ToArray();
            var m = new Measure(name, Percentile(samples, 0.50), Percentile(samples, 0.95), note,
                cpuSorted.Length > iterations / 2 ? Percentile(cpuSorted, 0.50) : null,
                cpuSorted.Length > iterations / 2 ? Percentile(cpuSorted, 0.95) : null);
            Console.WriteLine($"  {name,-44} p50 {m.P50,8:N3} ms   p95 {m.P95,8:N3} ms   cpu p50 {m.CpuP50,7:N3} ms  {note}");
            measures.Add(m);
            return m;
        }

        var counts = await queries.CountsAsync(store);
        foreach (var tab in CaseTabs.InOrder)
        {
            var q = new CaseListQuery { Status = tab.Status() };
            await Time($"list: {tab.Label()}, page 1", _ => queries.ListAsync(store, q));
        }

        var deepPage = Math.Min(500, (counts.All + 19) / 20);
        var deep = new CaseListQuery { Page = deepPage };
        (await queries.ListAsync(store, deep)).Rows.Count.ShouldBePositive("page " + deepPage);
        await Time("list: All, page 500", _ => queries.ListAsync(store, deep), deepPage == 500 ? "" : $"(last page: {deepPage})");

        await Time("tab counts (all five)", _ => queries.CountsAsync(store));

        var search = new CaseListQuery { Search = meta.SearchWord };
        var found = await queries.ListAsync(store, search);
        found.Rows.Count.ShouldBePositive("search");
        await Time($"search \"{meta.SearchWord}\"", _ => queries.ListAsync(store, search), $"({found.Total:N0} of {counts.All:N0} cases)");

        var heavy = await queries.GetAsync(store, meta.HeavyCaseId, TimelineAudience.MerchantDashboard) ?? throw new InvalidOperationException("heavy case missing");
        await Time("case + order + 200 messages", _ => queries.GetAsync(store, meta.HeavyCaseId, TimelineAudience.MerchantDashboard), $"({heavy.Messages.Count} messages)");

        // Replies go to distinct cases awaiting the merchant (status change, trail line, counters, FTS
        // triggers), like a merchant working through the queue. After each timed reply the customer
        // answers (untimed), so the case is back in Awaiting you and repeated runs measure the same
        // thing. The benchmark database keeps these messages.
        var targets = await ReplyTargetsAsync(factory, store, warmup + iterations);
        var merchant = Actor.Merchant("Bench Merchant", "user-bench");
        await Time("reply (write path)", async i =>
        {
            var r = await service.ReplyAsync(store, targets[i % targets.Count], merchant, "Thanks, we have re-issued your licence key; it is on your order page now.");
            if (r.Outcome != CaseOutcome.Ok) throw new InvalidOperationException($"reply: {r.Outcome} {r.Error}");
        }, after: async i => await service.CustomerReplyAsync(store, targets[i % targets.Count], "Thank you, it works now."));

        // The same list query as the product's first Awaiting-you page, as plain SQL on one open
        // connection: a new command per call, as ADO.NET or Dapper code does (the ratio's baseline),
        // and the same command prepared once and reused (the floor).
        await using var raw = new SqliteConnection(connectionString);
        await raw.OpenAsync();
        SqliteCommand NewCommand()
        {
            var cmd = raw.CreateCommand();
            cmd.CommandText = RawListSql;
            cmd.Parameters.AddWithValue("$store", store);
            cmd.Parameters.AddWithValue("$status", (int)CaseStatus.AwaitingMerchant);
            return cmd;
        }
        var rawMeasure = await Time(RawList, async _ =>
        {
            await using var cmd = NewCommand();
            await ReadRowsAsync(cmd);
        });
        await using var prepared = NewCommand();
        prepared.Prepare();
        await Time(RawList + ", prepared once", _ => ReadRowsAsync(prepared));

        return new SizeResult(size, counts.All, measures, rawMeasure.P50);
    }

    private const string RawListSql = """
        SELECT c.Id, c.Subject, c.Status, c.Priority, c.CustomerId, cu.Email, cu.FirstName, cu.LastName,
               c.OrderId, o.OrderNumber, o.Amount, o.Currency, c.LastMessageAt, c.LastMessageBy, c.UnreadCount,
               c.Escalated, c.ClosedAt, c.ClosedBy, c.CreatedAt, c.UpdatedAt
        FROM Cases AS c
        JOIN Customers AS cu ON cu.Id = c.CustomerId
        JOIN Orders AS o ON o.Id = c.OrderId
        WHERE c.StoreId = $store AND c.Status = $status
        ORDER BY c.LastMessageAt DESC, c.CreatedAt DESC, c.Id DESC
        LIMIT 20
        """;

    private static async Task<List<CaseListRow>> ReadRowsAsync(SqliteCommand cmd)
    {
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<CaseListRow>(20);
        while (await r.ReadAsync())
            rows.Add(new CaseListRow(r.GetString(0), r.GetString(1), (CaseStatus)r.GetInt32(2), (CasePriority)r.GetInt32(3),
                r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
                r.GetString(8), r.GetString(9), r.GetInt64(10), r.GetString(11),
                new DateTime(r.GetInt64(12), DateTimeKind.Utc), (AuthorKind)r.GetInt32(13), r.GetInt32(14), r.GetBoolean(15),
                r.IsDBNull(16) ? null : new DateTime(r.GetInt64(16), DateTimeKind.Utc), r.IsDBNull(17) ? null : (AuthorKind)r.GetInt32(17),
                new DateTime(r.GetInt64(18), DateTimeKind.Utc), new DateTime(r.GetInt64(19), DateTimeKind.Utc)));
        if (rows.Count == 0) throw new InvalidOperationException("raw list: no rows");
        return rows;
    }

    private static async Task<List<string>> ReplyTargetsAsync(IDbContextFactory<DashboardDbContext> factory, string store, int count)
    {
        await using var db = await factory.CreateDbContextAsync();
        var ids = await db.Cases.Where(c => c.StoreId == store && c.Status == CaseStatus.AwaitingMerchant)
            .OrderByDescending(c => c.LastMessageAt).Select(c => c.Id).Take(count).ToListAsync();
        if (ids.Count < count)
            ids.AddRange(await db.Cases.Where(c => c.StoreId == store && (c.Status == CaseStatus.Open || c.Status == CaseStatus.AwaitingCustomer))
                .OrderByDescending(c => c.LastMessageAt).Select(c => c.Id).Take(count - ids.Count).ToListAsync());
        return ids.Count > 0 ? ids : throw new InvalidOperationException("no open case to reply to");
    }

    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var rank = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}

internal static class Checks
{
    public static void ShouldBePositive(this int value, string what)
    {
        if (value <= 0) throw new InvalidOperationException($"{what}: no rows; the benchmark would measure nothing");
    }
}
