using System.Diagnostics;
using Dashboard.Data;
using Dashboard.DataGenerator;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Automation;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Features.InboundMail;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Benchmarks;

/// <summary>
/// The auto-close job over a generated database (a copy: the source is never written): every case
/// awaiting the customer is made recently active, then <c>--due</c> of them idle (half owed a warning,
/// half warned and owed the close). Times a run with nothing due, then the run that does the work,
/// and the case list (Awaiting you, page 1, largest store) p50/p95 idle and while that run goes.
/// <code>dotnet run -c Release --project tests/Dashboard.Benchmarks -- --auto-close --source /tmp/bench/cases-100000.db [--due 10000] [--dir /tmp/autoclose-bench]</code>
/// </summary>
public static class AutoCloseBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        string source = "", dir = "/tmp/autoclose-bench";
        var due = 10_000;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--source": source = Next(); break;
                case "--dir": dir = Next(); break;
                case "--due": due = int.Parse(Next().Replace("_", "")); break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[i]}. Options: --auto-close --source <generated .db> [--due N] [--dir D]");
                    return 2;
            }
        }
        var meta = GeneratedDataSet.TryRead(source) ?? throw new InvalidOperationException($"{source}.meta.json missing: pass a database made by Dashboard.DataGenerator");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "autoclose-" + Path.GetFileName(source));
        Console.WriteLine($"Copying {source} to {path}…");
        File.Copy(source, path, overwrite: true);
        foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(path + suffix);

        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton(TimeProvider.System);
        services.AddDashboardData(config);
        services.AddStores(config);
        services.AddLive(config);
        services.AddEmail(config);
        services.AddInboundMail(config);
        // Links in the emails: this tool listens nowhere, so a fixed address stands in for the host's.
        services.AddSingleton(new PublicUrls(new PortalOptions(), "http://localhost:5080"));
        services.AddAttachments(config);
        services.AddCases(config);
        services.AddAutomation(config);
        await using var sp = services.BuildServiceProvider();
        var factory = sp.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        var took = Stopwatch.StartNew();
        await DatabaseSetup.MigrateAsync(factory);
        Console.WriteLine($"Migrated in {took.Elapsed.TotalSeconds:N1} s");

        var now = DateTime.UtcNow;
        var total = await MakeNothingDueAsync(factory, now);
        var queries = sp.GetRequiredService<CaseQueries>();
        var runner = sp.GetRequiredService<AutoCloseRunner>();
        var list = new CaseListQuery { Status = CaseTab.AwaitingYou.Status() };
        async Task<double> ListOnceAsync()
        {
            var start = Stopwatch.GetTimestamp();
            await queries.ListAsync(meta.LargestStoreId, list);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        for (var i = 0; i < 30; i++) await ListOnceAsync();
        var idle = new List<double>();
        for (var i = 0; i < 300; i++) idle.Add(await ListOnceAsync());

        // A run that finds nothing: what every interval costs.
        took.Restart();
        await runner.RunOnceAsync(CancellationToken.None);
        Console.WriteLine($"{total:N0} cases, run with nothing due: {took.Elapsed.TotalMilliseconds:N0} ms");

        var dueCount = await MakeDueAsync(factory, now, due);
        Console.WriteLine($"{dueCount:N0} due ({dueCount / 2:N0} owed a warning, the rest the close)");

        var during = new List<double>();
        var start = Stopwatch.StartNew();
        var run = Task.Run(() => runner.RunOnceAsync(CancellationToken.None));
        while (!run.IsCompleted) during.Add(await ListOnceAsync());
        var result = await run;
        var runMs = start.Elapsed.TotalMilliseconds;

        Console.WriteLine($"Run: warned {result.Warned:N0}, closed {result.Closed:N0}, left {result.Skipped:N0} in {runMs / 1000:N1} s ({(result.Warned + result.Closed) / (runMs / 1000):N0} cases/s)");
        Console.WriteLine($"Case list (Awaiting you, page 1, {meta.LargestStoreCases:N0}-case store): idle p50 {P(idle, 0.5):N2} ms p95 {P(idle, 0.95):N2} ms ({idle.Count} samples); "
            + $"during the run p50 {P(during, 0.5):N2} ms p95 {P(during, 0.95):N2} ms ({during.Count} samples)");
        return 0;
    }

    /// <summary>Every case awaiting the customer active a day ago (nothing due); returns the number of cases.</summary>
    private static async Task<int> MakeNothingDueAsync(IDbContextFactory<DashboardDbContext> factory, DateTime now)
    {
        await using var db = await factory.CreateDbContextAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Stores.ExecuteUpdateAsync(s => s.SetProperty(x => x.AutoCloseDays, 14).SetProperty(x => x.AutoCloseWarningDays, 2));
        await db.Cases.Where(c => c.Status == CaseStatus.AwaitingCustomer)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityAt, now.AddDays(-1)).SetProperty(c => c.AutoCloseWarnedAt, (DateTime?)null));
        return await db.Cases.CountAsync();
    }

    /// <summary><paramref name="due"/> cases awaiting the customer made idle: half owed a warning, half warned and owed the close.</summary>
    private static async Task<int> MakeDueAsync(IDbContextFactory<DashboardDbContext> factory, DateTime now, int due)
    {
        await using var db = await factory.CreateDbContextAsync();
        var ids = await db.Cases.Where(c => c.Status == CaseStatus.AwaitingCustomer).OrderBy(c => c.Id).Select(c => c.Id).Take(due).ToListAsync();
        foreach (var (chunk, index) in ids.Chunk(1000).Select((c, i) => (c, i)))
        {
            var close = index * 1000 >= ids.Count / 2;
            await db.Cases.Where(c => chunk.Contains(c.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.LastActivityAt, now.AddDays(close ? -15 : -13))
                .SetProperty(c => c.AutoCloseWarnedAt, close ? now.AddDays(-3) : (DateTime?)null));
        }
        return ids.Count;
    }

    private static double P(List<double> samples, double p)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
