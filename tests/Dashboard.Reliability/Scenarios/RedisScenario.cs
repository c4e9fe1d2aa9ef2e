using System.Diagnostics;
using Dashboard.Reliability.Harness;
using Dashboard.Web;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Live;

namespace Dashboard.Reliability.Scenarios;

/// <summary>
/// Two instances of the real host (in this process, so the test can listen on instance B's live feed
/// the way its pages do) on one SQLite file, with a real redis-server between them. Redis is stopped
/// for a while and started again. Checked: both instances keep answering the Store API while it is
/// down (no error); instance B's live views converge once it is back (they are told to reload at the
/// reconnect, since pub/sub kept nothing of what A published meanwhile); a change made after that
/// travels from A to B again.
/// </summary>
public static class RedisScenario
{
    public static async Task<Outcome> RunAsync(RunOptions options)
    {
        await using var data = await DataSet.CreateAsync(options.Root, "redis", cases: 400);
        await using var redis = ServerProcess.Redis();
        await redis.StartAsync();
        var a = await StartInstanceAsync(data.Directory, redis.Port, options);
        var b = await StartInstanceAsync(data.Directory, redis.Port, options);
        try
        {
            using var apiA = new StoreApi(new Uri(a.Urls.First()), DataSet.StoreId, data.Secret);
            using var apiB = new StoreApi(new Uri(b.Urls.First()), DataSet.StoreId, data.Secret);
            var seenOnB = new List<(CaseChange Change, TimeSpan At)>();
            var clock = Stopwatch.StartNew();
            var signal = new SemaphoreSlim(0);
            using var subscription = b.Services.GetRequiredService<CaseChangeFeed>().Subscribe(DataSet.StoreId, change =>
            {
                lock (seenOnB) seenOnB.Add((change, clock.Elapsed));
                signal.Release();
                return Task.CompletedTask;
            });
            var cases = new Queue<string>(data.CaseIds);
            await ReplyAndWaitOnBAsync(apiA, cases.Dequeue(), seenOnB, signal, clock); // warm-up (JIT, connections)

            var before = await ReplyAndWaitOnBAsync(apiA, cases.Dequeue(), seenOnB, signal, clock);
            Console.WriteLine($"  Redis up: a reply on A reaches B's feed in {before?.TotalMilliseconds:0} ms");

            redis.Stop();
            var down = Stopwatch.StartNew();
            int served = 0, errors = 0;
            var duringOutage = new List<string>();
            while (down.Elapsed < TimeSpan.FromSeconds(options.RedisDownSeconds))
            {
                var caseId = cases.Dequeue();
                duringOutage.Add(caseId);
                foreach (var answer in await Task.WhenAll(apiA.ReplyAsync(caseId, "Reply while Redis is down", Guid.NewGuid().ToString()),
                             apiB.GetAsync(apiB.Cases + "?limit=20"), apiB.GetAsync($"{apiB.Cases}/{caseId}"), apiA.GetAsync(apiA.Cases + "?status=OPEN")))
                {
                    served++;
                    if (!answer.Ok) { errors++; Console.WriteLine($"  error while Redis is down: {answer.Status} {answer.TransportError}"); }
                }
                await Task.Delay(250); // a steady trickle of traffic, not a wait for anything
            }
            var upAt = clock.Elapsed;
            await redis.StartAsync();
            Console.WriteLine($"  Redis down {down.Elapsed.TotalSeconds:0} s: {served} requests to A and B, {errors} errors; {duringOutage.Count} replies made on A");

            var resync = await WaitOnBAsync(seenOnB, signal, c => c.Kind == CaseChangeKind.Resync, after: upAt, TimeSpan.FromSeconds(60));
            int missed;
            lock (seenOnB) missed = duringOutage.Count(id => !seenOnB.Any(s => s.Change.CaseId == id));
            var after = await ReplyAndWaitOnBAsync(apiA, cases.Dequeue(), seenOnB, signal, clock);
            Console.WriteLine($"  Redis back: B told to reload {(resync is null ? "never" : $"{(resync.Value - upAt).TotalSeconds:0.0} s after the restart")}; " +
                              $"{missed} of A's outage changes never reached B's feed (pub/sub keeps nothing); the next reply on A reaches B in {after?.TotalMilliseconds:0} ms");
            var lost = errors + (resync is null ? 1 : 0) + (after is null ? 1 : 0);
            return new Outcome("redis", lost,
                $"Redis down {options.RedisDownSeconds} s: {served} Store API requests to the two instances, {errors} errors; B's views told to reload " +
                $"{(resync is null ? "never" : $"{(resync.Value - upAt).TotalSeconds:0.0} s after Redis returned")} ({missed} outage changes missed by pub/sub, caught up by that reload); " +
                $"A→B delivery before {before?.TotalMilliseconds:0} ms, after {after?.TotalMilliseconds:0} ms");
        }
        finally
        {
            await b.StopAsync();
            await b.DisposeAsync();
            await a.StopAsync();
            await a.DisposeAsync();
        }
    }

    private static async Task<TimeSpan?> ReplyAndWaitOnBAsync(StoreApi api, string caseId, List<(CaseChange Change, TimeSpan At)> seen, SemaphoreSlim signal, Stopwatch clock)
    {
        var sent = clock.Elapsed;
        var answer = await api.ReplyAsync(caseId, "Live update check", Guid.NewGuid().ToString());
        if (!answer.Ok) return null;
        var at = await WaitOnBAsync(seen, signal, c => c.CaseId == caseId && c.Kind == CaseChangeKind.Message, sent, TimeSpan.FromSeconds(30));
        return at - sent;
    }

    private static async Task<TimeSpan?> WaitOnBAsync(List<(CaseChange Change, TimeSpan At)> seen, SemaphoreSlim signal, Func<CaseChange, bool> match,
        TimeSpan after, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (seen)
                if (seen.FirstOrDefault(s => s.At >= after && match(s.Change)) is { Change: not null } hit) return hit.At;
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return null;
            await signal.WaitAsync(left); // released by B's feed on every delivery
        }
    }

    private static async Task<WebApplication> StartInstanceAsync(string dataDirectory, int redisPort, RunOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "Dashboard.Web", EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory,
        });
        var settings = options.AppSettings(new()
        {
            ["Dashboard:DataDirectory"] = dataDirectory, ["DemoData:Enabled"] = "false", ["Redis:Connection"] = $"127.0.0.1:{redisPort}",
            // Publishing while Redis is away logs a warning per change by design; the scenario reports it instead.
            ["Outbox:Enabled"] = "false", ["StoreApi:RateLimitPerMinute"] = "0", ["Logging:LogLevel:Default"] = "Error",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort.Next()}");
        builder.AddDashboard();
        var app = builder.Build();
        app.UseDashboard();
        await app.PrepareDatabaseAsync();
        await app.StartAsync();
        if (app.Services.GetRequiredService<ICaseChangeTransport>() is not RedisCaseChangeTransport transport || !await transport.WaitConnectedAsync(TimeSpan.FromSeconds(30)))
            throw new InvalidOperationException("an instance did not connect to Redis");
        return app;
    }
}
