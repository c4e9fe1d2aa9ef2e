using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Dashboard.Reliability.Harness;

namespace Dashboard.Reliability.Scenarios;

/// <summary>
/// Mixed Store API traffic at a fixed arrival rate (open loop: requests leave on schedule whatever the
/// app does, and latency counts from the scheduled moment, so a stall is not hidden): 80% reads (list
/// pages with filters, one case, one order), 20% writes (replies, priority changes, mark read; never
/// two at once on one case). Short probes find the highest rate the app holds — no error at all, p95
/// within 500 ms, the rate achieved — then that rate runs for the full length and is reported.
/// </summary>
public static class LoadScenario
{
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(10);
    private const double P95Budget = 500;

    public static async Task<Outcome> RunAsync(RunOptions options)
    {
        await using var data = await DataSet.CreateAsync(options.Root, "load", cases: 400);
        await using var app = await AppUnderTest.StartAsync("app", data.Directory, options.AppSettings(new() { ["Outbox:Enabled"] = "false" }));
        using var api = new StoreApi(app.BaseAddress, DataSet.StoreId, data.Secret, TimeSpan.FromSeconds(10));
        var orders = await OrderIdsAsync(api);
        var mix = new Mix(api, data.CaseIds, orders);
        await Run(mix, rate: 20, TimeSpan.FromSeconds(5)); // warm-up

        // Double until the app stops holding, then halve the gap three times.
        double good = 0, bad = 0;
        for (double rate = 10; rate <= 6400; rate *= 2)
        {
            var probe = await Run(mix, rate, Probe);
            Console.WriteLine($"  probe {rate,6:0} req/s: {probe}");
            if (probe.Holds(rate)) good = rate;
            else { bad = rate; break; }
        }
        for (var i = 0; i < 3 && bad > 0 && good > 0; i++)
        {
            var rate = Math.Round((good + bad) / 2);
            var probe = await Run(mix, rate, Probe);
            Console.WriteLine($"  probe {rate,6:0} req/s: {probe}");
            if (probe.Holds(rate)) good = rate; else bad = rate;
        }
        if (good == 0) return new Outcome("load", 1, "the app did not hold even 10 req/s without errors");

        // The full run; if the machine got busier and it no longer holds, step down (at most twice).
        for (var attempt = 0; ; attempt++)
        {
            var run = await Run(mix, good, TimeSpan.FromSeconds(options.LoadSeconds));
            Console.WriteLine($"  full run {good,6:0} req/s × {options.LoadSeconds} s: {run}");
            if (run.Holds(good) || attempt == 2)
            {
                var lost = run.Errors;
                return new Outcome("load", (int)lost,
                    $"{options.LoadSeconds} s of mixed reads and writes (80/20) at {run.Achieved:0} req/s: p50 {run.P50:0} ms, p95 {run.P95:0} ms, p99 {run.P99:0} ms, " +
                    $"{run.Completed:N0} requests ({run.Writes:N0} writes), {run.Errors} errors{run.ErrorDetail}");
            }
            good = Math.Round(good * 0.8);
        }
    }

    private static async Task<List<string>> OrderIdsAsync(StoreApi api)
    {
        var page = await api.GetAsync(api.Cases + "?limit=100");
        if (!page.Ok) throw new InvalidOperationException($"listing cases failed: {page.Status} {page.Body}{page.TransportError}");
        return JsonDocument.Parse(page.Body).RootElement.GetProperty("data").GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("orderId").GetString()!).Distinct().ToList();
    }

    private static async Task<RunResult> Run(Mix mix, double rate, TimeSpan length)
    {
        var total = (int)(rate * length.TotalSeconds);
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentDictionary<string, int>();
        var writes = 0;
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            inFlight.Add(Task.Run(async () =>
            {
                var (answer, isWrite) = await mix.NextAsync();
                if (isWrite) Interlocked.Increment(ref writes);
                latencies.Add((clock.Elapsed - due).TotalMilliseconds);
                if (!answer.Ok) errors.AddOrUpdate(answer.Status?.ToString() ?? answer.TransportError!.Split(':')[0], 1, (_, n) => n + 1);
            }));
        }
        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToList();
        return new RunResult(total / elapsed, sorted.Count, writes, Figures.Percentile(sorted, 0.5), Figures.Percentile(sorted, 0.95),
            Figures.Percentile(sorted, 0.99), errors.Values.Sum(), errors.IsEmpty ? "" : " (" + string.Join(", ", errors.Select(e => $"{e.Key} ×{e.Value}")) + ")");
    }

    private sealed record RunResult(double Achieved, int Completed, int Writes, double P50, double P95, double P99, long Errors, string ErrorDetail)
    {
        public bool Holds(double rate) => Errors == 0 && P95 <= P95Budget && Achieved >= rate * 0.95;

        public override string ToString() =>
            $"achieved {Achieved:0} req/s, p50 {P50:0} ms, p95 {P95:0} ms, p99 {P99:0} ms, {Errors} errors{ErrorDetail}";
    }

    /// <summary>Picks each request: what kind, and for a write a case no other write is using right now.</summary>
    private sealed class Mix(StoreApi api, IReadOnlyList<string> cases, IReadOnlyList<string> orders)
    {
        private readonly ConcurrentDictionary<string, bool> _writing = new();
        private static readonly string[] Statuses = ["", "&status=OPEN", "&status=AWAITING_CUSTOMER", "&status=AWAITING_MERCHANT", "&status=CLOSED"];
        private static readonly string[] Priorities = ["LOW", "NORMAL", "HIGH", "URGENT"];

        public async Task<(ApiAnswer Answer, bool IsWrite)> NextAsync()
        {
            var roll = Random.Shared.Next(100);
            if (roll < 35) return (await api.GetAsync($"{api.Cases}?limit=20&page={Random.Shared.Next(1, 20)}{Statuses[Random.Shared.Next(Statuses.Length)]}"), false);
            if (roll < 65) return (await api.GetAsync($"{api.Cases}/{cases[Random.Shared.Next(cases.Count)]}"), false);
            if (roll < 80) return (await api.GetAsync($"/v2/core/stores/{DataSet.StoreId}/orders/{orders[Random.Shared.Next(orders.Count)]}"), false);

            var caseId = cases[Random.Shared.Next(cases.Count)];
            while (!_writing.TryAdd(caseId, true)) caseId = cases[Random.Shared.Next(cases.Count)];
            try
            {
                var answer = roll switch
                {
                    < 90 => await api.ReplyAsync(caseId, "Thanks, your key has been re-sent.", Guid.NewGuid().ToString()),
                    < 97 => await api.PatchAsync(caseId, $$"""{"priority":"{{Priorities[Random.Shared.Next(Priorities.Length)]}}"}"""),
                    _ => await api.SendAsync(HttpMethod.Post, $"{api.Cases}/{caseId}/read", null, Guid.NewGuid().ToString()),
                };
                return (answer, true);
            }
            finally
            {
                _writing.TryRemove(caseId, out _);
            }
        }
    }
}
