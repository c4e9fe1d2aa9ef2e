using System.Diagnostics;
using Dashboard.Reliability.Harness;

namespace Dashboard.Reliability.Scenarios;

/// <summary>
/// 50 replies released at the same instant (each to its own case, each with its own Idempotency-Key),
/// several rounds: when does each answer arrive? Answers that come back in "batches" some 100 ms apart
/// are the symptom under study (docs/reliability.md explains the cause and the fix).
/// </summary>
public static class BurstScenario
{
    public static async Task<Outcome> RunAsync(RunOptions options)
    {
        const int Burst = 50;
        await using var data = await DataSet.CreateAsync(options.Root, "burst", cases: Burst * (options.BurstRounds + 1) + 40);
        await using var app = await AppUnderTest.StartAsync("app", data.Directory, options.AppSettings(new() { ["Outbox:Enabled"] = "false" }));
        using var api = new StoreApi(app.BaseAddress, DataSet.StoreId, data.Secret);
        var cases = new Queue<string>(data.CaseIds);

        // Warm up: JIT, connection pool, SQLite cache; then the single-reply baseline.
        await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => api.GetAsync(api.Cases + "?limit=20")));
        var single = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            var answer = await api.ReplyAsync(cases.Dequeue(), "Warm-up reply", Guid.NewGuid().ToString());
            if (!answer.Ok) throw new InvalidOperationException($"warm-up reply failed: {answer.Status} {answer.Body}{answer.TransportError}");
            if (i >= 20) single.Add(answer.Milliseconds);
        }
        single.Sort();
        Console.WriteLine($"  one reply at a time: p50 {Figures.Percentile(single, 0.5):0.0} ms, max {single[^1]:0.0} ms");

        var failures = 0;
        var allP95 = new List<double>();
        var allBatches = new List<int>();
        var largestBatches = new List<int>();
        var threadsBefore = ProcessThreads.Count(app.ProcessId);
        var threadsPeak = threadsBefore;
        for (var round = 1; round <= options.BurstRounds; round++)
        {
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var clock = new Stopwatch();
            var targets = Enumerable.Range(0, Burst).Select(_ => cases.Dequeue()).ToList();
            var sends = targets.Select(async caseId =>
            {
                await go.Task;
                var answer = await api.ReplyAsync(caseId, "Burst reply", Guid.NewGuid().ToString());
                return (answer, At: clock.Elapsed.TotalMilliseconds);
            }).ToList();
            using var sampling = new CancellationTokenSource();
            var sampler = ProcessThreads.PeakAsync(app.ProcessId, sampling.Token);
            clock.Start();
            go.SetResult();
            var results = await Task.WhenAll(sends);
            await sampling.CancelAsync();
            threadsPeak = Math.Max(threadsPeak, await sampler);
            failures += results.Count(r => !r.answer.Ok);
            var at = results.Select(r => r.At).Order().ToList();
            var batches = Batches(at, gapMs: 40);
            allBatches.Add(batches.Count);
            largestBatches.Add(batches.Max(b => b.Count));
            allP95.Add(Figures.Percentile(at, 0.95));
            Console.WriteLine($"  burst {round}: first {at[0],6:0} ms  p50 {Figures.Percentile(at, 0.5),6:0} ms  p95 {Figures.Percentile(at, 0.95),6:0} ms  last {at[^1],6:0} ms  " +
                              $"{batches.Count} batches: {string.Join(" ", batches.Select(b => $"{b.Start:0}ms×{b.Count}"))}");
        }
        var summary = $"50 simultaneous replies × {options.BurstRounds}: p95 of arrival {allP95.Average():0} ms (mean over bursts), " +
                      $"{allBatches.Average():0.0} batches per burst, largest {largestBatches.Average():0.0} answers at once; app threads {threadsBefore} → peak {threadsPeak}; " +
                      $"one reply alone p50 {Figures.Percentile(single, 0.5):0.0} ms; {failures} failed";
        return new Outcome("burst", failures, summary);
    }

    /// <summary>Groups arrival times into batches separated by more than <paramref name="gapMs"/> of silence.</summary>
    private static List<(double Start, int Count)> Batches(IReadOnlyList<double> sorted, double gapMs)
    {
        var batches = new List<(double Start, int Count)>();
        var previous = double.NegativeInfinity;
        foreach (var t in sorted)
        {
            if (t - previous > gapMs) batches.Add((t, 1));
            else batches[^1] = (batches[^1].Start, batches[^1].Count + 1);
            previous = t;
        }
        return batches;
    }
}
