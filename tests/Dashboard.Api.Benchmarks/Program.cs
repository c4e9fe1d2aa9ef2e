using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// Store API list benchmark: one store with 100,000 cases in a temporary SQLite database, the real
// host started on 127.0.0.1 against it, GET …/cases?limit=20 driven with wrk (or an HttpClient loop).
// Usage: dotnet run -c Release --project tests/Dashboard.Api.Benchmarks [-- --cases 100000 --duration 15 --connections 16 --keep]

var options = BenchOptions.Parse(args);
var root = Path.Combine(Path.GetTempPath(), "dashboard-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(root);
Process? host = null;
try
{
    var storeId = "shp_benchstore00001";
    var secret = ApiTokenService.NewSecret();
    var load = Stopwatch.StartNew();
    await Seed.CreateAsync(root, storeId, secret, options.Cases);
    Console.WriteLine($"Seeded {options.Cases:N0} cases in {load.Elapsed.TotalSeconds:0.0} s ({root})");

    var port = FreePort();
    host = StartHost(root, port);
    var baseUrl = $"http://127.0.0.1:{port}";
    await WaitForHostAsync(baseUrl, host);

    var lastPage = Math.Max(1, options.Cases / 20);
    var scenarios = new (string Name, string Path)[]
    {
        ("page 1", $"/v2/core/stores/{storeId}/cases?limit=20"),
        ("page 2", $"/v2/core/stores/{storeId}/cases?limit=20&page=2"),
        ("page 50", $"/v2/core/stores/{storeId}/cases?limit=20&page=50"),
        ($"page {lastPage / 2} (middle)", $"/v2/core/stores/{storeId}/cases?limit=20&page={lastPage / 2}"),
        ("status=AWAITING_MERCHANT page 1", $"/v2/core/stores/{storeId}/cases?limit=20&status=AWAITING_MERCHANT"),
        ("priority=URGENT page 1", $"/v2/core/stores/{storeId}/cases?limit=20&priority=URGENT"),
    };

    using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
    foreach (var (_, path) in scenarios)
        for (var i = 0; i < 20; i++) (await client.GetAsync(path)).EnsureSuccessStatusCode(); // warm-up (JIT, SQLite cache)

    var wrk = FindOnPath("wrk");
    Console.WriteLine($"Driver: {(wrk is null ? "HttpClient loop" : "wrk")}, {options.Connections} connections, {options.Duration} s per scenario, {Environment.ProcessorCount} cores");
    Console.WriteLine();
    Console.WriteLine($"{"scenario",-36} {"req/s",10} {"p50 ms",9} {"p95 ms",9} {"p99 ms",9} {"errors",7}");
    foreach (var (name, path) in scenarios)
    {
        var r = wrk is null
            ? await HttpLoop.RunAsync(client, path, options.Connections, TimeSpan.FromSeconds(options.Duration))
            : Wrk.Run(wrk, baseUrl + path, secret, options.Connections, options.Duration, root);
        Console.WriteLine($"{name,-36} {r.RequestsPerSecond,10:N0} {r.P50,9:0.00} {r.P95,9:0.00} {r.P99,9:0.00} {r.Errors,7}");
    }
}
finally
{
    if (host is { HasExited: false })
    {
        host.Kill(entireProcessTree: true);
        await host.WaitForExitAsync();
    }
    SqliteConnection.ClearAllPools();
    if (options.Keep) Console.WriteLine("Kept " + root);
    else try { Directory.Delete(root, recursive: true); } catch (IOException) { }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static Process StartHost(string dataDir, int port)
{
    var dll = Path.Combine(AppContext.BaseDirectory, "Dashboard.Web.dll");
    var info = new ProcessStartInfo("dotnet")
    {
        WorkingDirectory = AppContext.BaseDirectory,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    foreach (var a in new[]
    {
        dll, "--urls", $"http://127.0.0.1:{port}", "--Dashboard:DataDirectory", dataDir, "--DemoData:Enabled", "false",
        "--StoreApi:RateLimitPerMinute", "0", "--Logging:LogLevel:Default", "Warning",
    }) info.ArgumentList.Add(a);
    info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the host");
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("host: " + e.Data); };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitForHostAsync(string baseUrl, Process host)
{
    using var probe = new HttpClient();
    for (var i = 0; i < 240; i++)
    {
        if (host.HasExited) throw new InvalidOperationException("The host exited with code " + host.ExitCode);
        try
        {
            if ((await probe.GetAsync(baseUrl + "/v2/openapi.json")).IsSuccessStatusCode) return;
        }
        catch (HttpRequestException) { }
        await Task.Delay(250);
    }
    throw new TimeoutException("The host did not start within 60 s");
}

static string? FindOnPath(string name) =>
    (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

sealed record BenchOptions(int Cases, int Duration, int Connections, bool Keep)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }
        return new BenchOptions(Get("--cases", 100_000), Get("--duration", 15), Get("--connections", 16), args.Contains("--keep"));
    }
}

sealed record BenchResult(double RequestsPerSecond, double P50, double P95, double P99, long Errors);

static class Wrk
{
    // wrk's --latency prints 50/75/90/99; a done() hook prints the exact percentiles we report.
    private const string Script = """
        done = function(summary, latency, requests)
          io.write(string.format("BENCH p50=%.3f p95=%.3f p99=%.3f errors=%d\n",
            latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
            summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
        end
        """;

    public static BenchResult Run(string wrk, string url, string secret, int connections, int seconds, string dir)
    {
        var script = Path.Combine(dir, "bench.lua");
        File.WriteAllText(script, Script);
        var info = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-t", "2", "-c", connections.ToString(), "-d", seconds + "s", "-s", script, "-H", "Authorization: Bearer " + secret, url })
            info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        var rps = Regex.Match(output, @"Requests/sec:\s+([\d.]+)");
        var pct = Regex.Match(output, @"BENCH p50=([\d.]+) p95=([\d.]+) p99=([\d.]+) errors=(\d+)");
        if (!rps.Success || !pct.Success) throw new InvalidOperationException("Unexpected wrk output:\n" + output);
        double D(Group g) => double.Parse(g.Value, CultureInfo.InvariantCulture);
        return new BenchResult(D(rps.Groups[1]), D(pct.Groups[1]), D(pct.Groups[2]), D(pct.Groups[3]), long.Parse(pct.Groups[4].Value));
    }
}

static class HttpLoop
{
    public static async Task<BenchResult> RunAsync(HttpClient client, string path, int connections, TimeSpan duration)
    {
        var latencies = new List<double>[connections];
        long errors = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async i =>
        {
            var mine = latencies[i] = [];
            while (total.Elapsed < duration)
            {
                var sw = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(sw.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        return new BenchResult(all.Length / total.Elapsed.TotalSeconds, P(0.50), P(0.95), P(0.99), errors);
    }
}

/// <summary>Bulk load: raw SQL, one transaction, prepared commands re-executed with new parameter values.</summary>
static class Seed
{
    public static async Task CreateAsync(string dataDir, string storeId, string secret, int caseCount)
    {
        var dbOptions = new DbContextOptionsBuilder<DashboardDbContext>();
        DatabaseSetup.Configure(dbOptions, new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, dataDir);
        var factory = new Factory(dbOptions.Options);
        await DatabaseSetup.MigrateAsync(factory);

        await using var db = factory.CreateDbContext();
        var now = DateTime.UtcNow;
        db.Stores.Add(new Store { Id = storeId, Name = "Bench Store", NotificationEmail = "bench@test.example", CreatedAt = now.AddYears(-1) });
        db.CaseCounts.Add(new StoreCaseCounts { StoreId = storeId });
        db.ApiTokens.Add(new ApiToken
        {
            StoreId = storeId, Name = "Benchmark", Prefix = secret[..ApiTokenService.PrefixLength], SecretHash = ApiTokenService.Hash(secret),
            Scopes = ApiTokenService.AllScopes, CreatedAt = now,
        });
        await db.SaveChangesAsync();

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            var random = new Random(42);
            var customers = Math.Max(1, caseCount / 20);
            var orders = Math.Max(1, caseCount / 4);
            var customerIds = new string[customers];
            var orderIds = new string[orders];
            var orderCustomer = new string[orders];

            var insertCustomer = Prepare(connection, tx,
                "INSERT INTO Customers (Id, StoreId, Email, FirstName, LastName, Guest, CreatedAt) VALUES ($id, $store, $email, $first, 'Bench', 0, $at)",
                "$id", "$store", "$email", "$first", "$at");
            for (var i = 0; i < customers; i++)
            {
                customerIds[i] = Ids.New(Ids.Customer);
                Run(insertCustomer, customerIds[i], storeId, $"buyer{i}@bench.example", "Buyer" + i, now.AddDays(-400).Ticks);
            }

            var insertOrder = Prepare(connection, tx,
                "INSERT INTO Orders (Id, StoreId, CustomerId, OrderNumber, Status, Amount, Currency, Discounted, CustomFieldsJson, CreatedAt, UpdatedAt) " +
                "VALUES ($id, $store, $customer, $number, $status, $amount, 'USD', 0, '{}', $at, $at)",
                "$id", "$store", "$customer", "$number", "$status", "$amount", "$at");
            for (var i = 0; i < orders; i++)
            {
                orderIds[i] = Ids.New(Ids.Order);
                orderCustomer[i] = customerIds[random.Next(customers)];
                Run(insertOrder, orderIds[i], storeId, orderCustomer[i], $"B-{100000 + i}", (int)OrderStatus.Completed,
                    random.Next(500, 20000), now.AddDays(-random.Next(1, 300)).Ticks);
            }

            var insertCase = Prepare(connection, tx,
                "INSERT INTO Cases (Id, StoreId, CustomerId, OrderId, Subject, Status, Priority, UnreadCount, Escalated, LastMessageAt, LastMessageBy, " +
                "ClosedAt, ClosedBy, CreatedAt, UpdatedAt, Version) VALUES ($id, $store, $customer, $order, $subject, $status, $priority, $unread, 0, " +
                "$last, $lastBy, $closedAt, $closedBy, $created, $last, 0)",
                "$id", "$store", "$customer", "$order", "$subject", "$status", "$priority", "$unread", "$last", "$lastBy", "$closedAt", "$closedBy", "$created");
            var insertMessage = Prepare(connection, tx,
                "INSERT INTO CaseMessages (Id, CaseId, StoreId, AuthorKind, AuthorName, Body, CreatedAt, Sequence) VALUES ($id, $case, $store, 0, 'Buyer', $body, $at, 0)",
                "$id", "$case", "$store", "$body", "$at");
            for (var i = 0; i < caseCount; i++)
            {
                var id = Ids.New(Ids.Case);
                var o = random.Next(orders);
                var created = now.AddMinutes(-random.Next(1, 60 * 24 * 365));
                var last = created.AddMinutes(random.Next(0, 60 * 24 * 10));
                if (last > now) last = now;
                var status = (CaseStatus)random.Next(4);
                var closed = status == CaseStatus.Closed;
                Run(insertCase, id, storeId, orderCustomer[o], orderIds[o], $"Bench case {i}: licence key question", (int)status, random.Next(4),
                    status == CaseStatus.AwaitingMerchant ? 1 : 0, last.Ticks,
                    (int)(status == CaseStatus.AwaitingCustomer ? AuthorKind.Merchant : AuthorKind.Customer),
                    closed ? last.Ticks : null, closed ? (int)AuthorKind.Merchant : null, created.Ticks);
                Run(insertMessage, Ids.New(Ids.Message), id, storeId, "Where is my licence key?", created.Ticks);
            }
            await tx.CommitAsync();
        }
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        await CaseCounters.RecalculateAsync(db, storeId);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    private sealed class Factory(DbContextOptions<DashboardDbContext> options) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => new(options);
    }
}
