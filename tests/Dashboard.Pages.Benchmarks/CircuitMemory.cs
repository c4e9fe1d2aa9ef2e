using System.Diagnostics;
using Microsoft.Playwright;

namespace Dashboard.Pages.Benchmarks;

/// <summary>
/// Memory per idle circuit: N pages of /cases open at once in Chromium (N circuits), read after full
/// compacting collections through the in-process probe, against a baseline with none open; then all
/// pages closed and read again, to see that closing returns the memory (nothing retained).
/// </summary>
public static class CircuitMemory
{
    public static async Task<List<Result>> RunAsync(IBrowser browser, AppProcess app, string email, string password, int circuits)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var first = await context.NewPageAsync();
        await Browser.SignInAsync(first, app.BaseUrl, email, password);
        await first.GotoAsync(app.BaseUrl + "/cases");
        await Browser.WaitInteractiveAsync(first);
        await first.CloseAsync();
        await WaitForCircuitsAsync(app, 0, TimeSpan.FromMinutes(5));

        var baseline = await app.ProbeAsync(collect: true);
        var baselineRss = app.WorkingSetBytes();

        var pages = new List<IPage>();
        var open = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(4))
        {
            await Task.WhenAll(Enumerable.Range(0, circuits).Select(async _ =>
            {
                await gate.WaitAsync();
                try
                {
                    var page = await context.NewPageAsync();
                    lock (pages) pages.Add(page);
                    await page.GotoAsync(app.BaseUrl + "/cases", new() { Timeout = 300_000 });
                    await Browser.WaitInteractiveAsync(page);
                }
                finally { gate.Release(); }
            }));
        }
        await WaitForCircuitsAsync(app, circuits, TimeSpan.FromMinutes(2), connected: true);
        await Task.Delay(TimeSpan.FromSeconds(5)); // idle
        var loaded = await app.ProbeAsync(collect: true);
        var loadedRss = app.WorkingSetBytes();
        var openSeconds = open.Elapsed.TotalSeconds;

        foreach (var page in pages) await page.CloseAsync();
        var closed = Stopwatch.StartNew();
        var gone = await WaitForCircuitsAsync(app, 0, TimeSpan.FromMinutes(4));
        var after = await app.ProbeAsync(collect: true);
        var afterRss = app.WorkingSetBytes();
        await context.CloseAsync();

        double Kb(long bytes) => bytes / 1024.0;
        return
        [
            Single($"managed heap per idle circuit (KB), {circuits} open", Kb(loaded.LiveBytes - baseline.LiveBytes) / circuits,
                $"live heap {Kb(baseline.LiveBytes) / 1024:N1} → {Kb(loaded.LiveBytes) / 1024:N1} MB after full GC; {circuits} pages opened in {openSeconds:N0} s"),
            Single($"working set per idle circuit (KB), {circuits} open", Kb(loadedRss - baselineRss) / circuits,
                $"RSS {Kb(baselineRss) / 1024:N0} → {Kb(loadedRss) / 1024:N0} MB"),
            Single("managed heap retained after closing them (KB)", Kb(after.LiveBytes - baseline.LiveBytes),
                gone ? $"all circuits gone {closed.Elapsed.TotalSeconds:N0} s after closing; RSS {Kb(afterRss) / 1024:N0} MB"
                     : $"{after.ActiveCircuits} circuits still in memory after {closed.Elapsed.TotalSeconds:N0} s"),
        ];
    }

    private static Result Single(string name, double value, string note) => new("memory", name, value, value, Note: note, Samples: 1);

    private static async Task<bool> WaitForCircuitsAsync(AppProcess app, long count, TimeSpan timeout, bool connected = false)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var reading = await app.ProbeAsync(collect: false);
            if ((connected ? reading.ConnectedCircuits : reading.ActiveCircuits) == count) return true;
            await Task.Delay(500);
        }
        return false;
    }
}
