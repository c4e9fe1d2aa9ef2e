using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Dashboard.Pages.Benchmarks;

/// <summary>
/// A signed-in merchant opens /cases in a browser with an empty cache. Every byte between Chromium and
/// the app passes a counting TCP proxy (HTTP responses as sent, compressed or not, and the circuit's
/// WebSocket frames as sent), until the page is interactive and a second has passed quietly. Time to
/// interactive is measured in the page: from navigation start to the moment the app's interactive
/// marker appears (the circuit is attached and the page rendered live).
/// </summary>
public static class FirstLoad
{
    public static async Task<List<Result>> RunAsync(IBrowser browser, AppProcess app, string email, string password, int runs)
    {
        await using var proxy = await CountingProxy.StartAsync(app.Port);
        var proxyUrl = $"http://127.0.0.1:{proxy.Port}";
        var signIn = await browser.NewContextAsync();
        var signInPage = await signIn.NewPageAsync();
        await Browser.SignInAsync(signInPage, proxyUrl, email, password);
        var state = await signIn.StorageStateAsync();
        await signIn.CloseAsync();

        var bytes = new List<double>();
        var tti = new List<double>();
        var byType = new Dictionary<string, long>();
        for (var i = 0; i < runs; i++)
        {
            await using var context = await browser.NewContextAsync(new() { StorageState = state, ViewportSize = new() { Width = 1366, Height = 900 } });
            await context.AddInitScriptAsync("""
                new MutationObserver((_, observer) => {
                    if (document.querySelector('[data-testid=app-interactive]')) { window.__tti = performance.now(); observer.disconnect(); }
                }).observe(document, { subtree: true, childList: true });
                """);
            var page = await context.NewPageAsync();
            var sizes = new List<(string Type, Task<RequestSizesResult> Sizes)>();
            page.RequestFinished += (_, request) => sizes.Add((request.ResourceType, request.SizesAsync()));
            proxy.Reset();
            await page.GotoAsync(proxyUrl + "/cases");
            await page.WaitForFunctionAsync("() => window.__tti !== undefined", null, new() { Timeout = 120_000 });
            await proxy.WaitQuietAsync(TimeSpan.FromSeconds(1));
            tti.Add(await page.EvaluateAsync<double>("() => window.__tti"));
            bytes.Add(proxy.Total);
            if (i == 0)
                foreach (var (type, task) in sizes)
                {
                    var s = await task;
                    byType[type] = byType.GetValueOrDefault(type) + s.ResponseBodySize + s.ResponseHeadersSize;
                }
        }
        var breakdown = string.Join(", ", byType.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value / 1024.0:N0} KB"));
        return
        [
            Result.Of("first load", "bytes over the wire (KB), /cases, empty cache", bytes.Select(b => b / 1024.0).ToList(), note: $"HTTP by type, as sent: {breakdown}; the rest is the circuit (WebSocket)"),
            Result.Of("first load", "time to interactive (ms), /cases", tti),
        ];
    }
}

/// <summary>A TCP proxy to the app that counts every byte in both directions.</summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private long _total;
    private long _lastActivity = Environment.TickCount64;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public long Total => Interlocked.Read(ref _total);

    private CountingProxy(TcpListener listener, int target)
    {
        _listener = listener;
        _target = target;
    }

    public static Task<CountingProxy> StartAsync(int targetPort)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var proxy = new CountingProxy(listener, targetPort);
        _ = proxy.AcceptAsync();
        return Task.FromResult(proxy);
    }

    public void Reset() => Interlocked.Exchange(ref _total, 0);

    public async Task WaitQuietAsync(TimeSpan quiet)
    {
        while (Environment.TickCount64 - Interlocked.Read(ref _lastActivity) < quiet.TotalMilliseconds) await Task.Delay(100);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            await server.ConnectAsync(IPAddress.Loopback, _target);
            var a = client.GetStream();
            var b = server.GetStream();
            await Task.WhenAny(PumpAsync(a, b), PumpAsync(b, a));
        }
    }

    private async Task PumpAsync(Stream from, Stream to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                Interlocked.Add(ref _total, n);
                Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
                await to.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException) { }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }
}
