using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Web;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Seed;
using Dashboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

// Time from a case change committed on instance A to (1) its delivery on instance B's feed and
// (2) the update visible in a browser session on instance B: the notification badge in the app bar
// (NotificationMenu) of /cases changes its count. Also the same on one instance (change and browser
// both on B). Two real Kestrel hosts in this process, one SQLite file, a real redis-server between.
var iterations = ArgValue("--iterations", 30);
var warmup = ArgValue("--warmup", 3);

var repo = FindRepo();
var dataDir = Path.Combine(Path.GetTempPath(), "dashboard-bench", Guid.NewGuid().ToString("N"));
var redisPort = FreePort();
using var redis = Process.Start(new ProcessStartInfo("/usr/bin/redis-server")
{
    ArgumentList = { "--port", redisPort.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
    RedirectStandardOutput = true, UseShellExecute = false,
})!;
await WaitOpen(redisPort);

WebApplication? a = null, b = null;
try
{
    a = await StartInstance("A", seed: true);
    b = await StartInstance("B", seed: false);
    var urlB = b.Urls.First();

    var factory = a.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
    string caseId, orderId;
    await using (var db = await factory.CreateDbContextAsync())
    {
        caseId = await db.Cases.Where(c => c.StoreId == DemoAccounts.NorthwindStoreId).OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstAsync();
        orderId = await db.Orders.Where(o => o.StoreId == DemoAccounts.NorthwindStoreId && o.Status == OrderStatus.Completed).Select(o => o.Id).FirstAsync();
    }

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium", Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    var page = await browser.NewPageAsync();
    await page.GotoAsync($"{urlB}/account/login");
    await page.FillAsync("#email", "owner@northwind.test");
    await page.FillAsync("#password", DemoAccounts.Password);
    await page.ClickAsync("button[type=submit]");
    await page.WaitForURLAsync(u => !u.Contains("/account/login"));
    await page.GotoAsync($"{urlB}/cases");
    await page.WaitForSelectorAsync("[data-testid=notification-button]");

    Console.WriteLine($"Live update latency, {iterations} iterations each (+{warmup} warm-up), change = a customer reply through CaseService.");
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, shared; both instances, redis-server and Chromium on it.");
    Console.WriteLine();
    await Scenario("two instances (change on A, browser on B, Redis pub/sub)", a, b);
    await Scenario("one instance (change and browser on B)", b, b);

    // The case list page of branch ui (merged): a new case on A, the Open tab's count on B's /cases.
    var list = page;
    await list.GotoAsync($"{urlB}/cases?tab=open");
    await list.WaitForSelectorAsync("[data-testid=tab-count-open]");
    await ListScenario("case list page, two instances (new case on A, Open tab count on B)", a);
    await ListScenario("case list page, one instance (new case and browser on B)", b);

    async Task ListScenario(string name, WebApplication writer)
    {
        var cases = writer.Services.GetRequiredService<CaseService>();
        var commit = new List<double>();
        var visible = new List<double>();
        for (var i = 0; i < warmup + iterations; i++)
        {
            // The list page throttles refreshes to one per 500 ms; space changes so each is a leading edge.
            await Task.Delay(600);
            var before = int.Parse((await list.InnerTextAsync("[data-testid=tab-count-open]")).Replace(",", ""));
            var clock = Stopwatch.StartNew();
            var result = await cases.OpenAsync(DemoAccounts.NorthwindStoreId, orderId, $"Benchmark case {i}", "Hello");
            var committed = clock.Elapsed.TotalMilliseconds;
            if (result.Outcome != CaseOutcome.Ok) throw new InvalidOperationException(result.Error);
            await list.WaitForFunctionAsync(
                $"() => document.querySelector('[data-testid=tab-count-open]')?.textContent.replace(/,/g, '').trim() === '{before + 1}'",
                null, new() { Timeout = 30_000 });
            var seen = clock.Elapsed.TotalMilliseconds;
            if (i < warmup) continue;
            commit.Add(committed);
            visible.Add(seen);
        }
        Console.WriteLine(name);
        Report("  call incl. commit      ", commit);
        Report("  visible in the browser ", visible);
        Console.WriteLine();
    }

    if (Array.IndexOf(args, "--screenshot") is var si and >= 0 && si + 1 < args.Length)
    {
        await page.ClickAsync("[data-testid=notification-button]");
        try { await page.WaitForSelectorAsync("[data-testid=notification-item]", new() { Timeout = 5000 }); } catch (TimeoutException) { Console.WriteLine("menu items not visible"); }
        File.WriteAllText(args[si + 1] + ".html", await page.ContentAsync());
        await page.ScreenshotAsync(new() { Path = args[si + 1] });
        Console.WriteLine($"Title: {await page.TitleAsync()}; screenshot: {args[si + 1]}");
    }

    async Task Scenario(string name, WebApplication writer, WebApplication viewer)
    {
        var cases = writer.Services.GetRequiredService<CaseService>();
        var feed = viewer.Services.GetRequiredService<CaseChangeFeed>();
        var commit = new List<double>();
        var feedMs = new List<double>();
        var visible = new List<double>();
        for (var i = 0; i < warmup + iterations; i++)
        {
            var before = await BadgeCount(page);
            var delivered = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
            var clock = Stopwatch.StartNew();
            using (feed.Subscribe(DemoAccounts.NorthwindStoreId, c =>
                   {
                       if (c.CaseId == caseId && c.Kind == CaseChangeKind.Message) delivered.TrySetResult(clock.Elapsed.TotalMilliseconds);
                       return Task.CompletedTask;
                   }))
            {
                var result = await cases.CustomerReplyAsync(DemoAccounts.NorthwindStoreId, caseId, $"Benchmark message {i}");
                var committed = clock.Elapsed.TotalMilliseconds;
                if (result.Outcome != CaseOutcome.Ok) throw new InvalidOperationException(result.Error);
                await page.WaitForFunctionAsync(
                    $"() => document.querySelector('[data-testid=notification-button] .visually-hidden')?.textContent === 'Notifications: {before + 1} new'",
                    null, new() { Timeout = 30_000 });
                var seen = clock.Elapsed.TotalMilliseconds;
                var fed = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(10));
                if (i < warmup) continue;
                commit.Add(committed);
                feedMs.Add(fed);
                visible.Add(seen);
            }
        }
        Console.WriteLine(name);
        Report("  call incl. commit      ", commit);
        Report("  delivered on B's feed  ", feedMs);
        Report("  visible in the browser ", visible);
        Console.WriteLine();
    }
}
finally
{
    if (b is not null) { await b.StopAsync(); await b.DisposeAsync(); }
    if (a is not null) { await a.StopAsync(); await a.DisposeAsync(); }
    redis.Kill(entireProcessTree: true);
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
}

async Task<WebApplication> StartInstance(string name, bool seed)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        ApplicationName = "Dashboard.Web", EnvironmentName = "Development",
        ContentRootPath = Path.Combine(repo, "src", "Dashboard.Web"),
    });
    builder.AddTopLevelDevelopmentSettings();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Dashboard:DataDirectory"] = dataDir,
        ["DemoData:Enabled"] = seed ? "true" : "false",
        ["Redis:Connection"] = $"127.0.0.1:{redisPort}",
        ["Outbox:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    });
    builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort()}");
    builder.AddDashboard();
    var app = builder.Build();
    app.UseDashboard();
    await app.PrepareDatabaseAsync();
    await app.StartAsync();
    if (app.Services.GetRequiredService<ICaseChangeTransport>() is RedisCaseChangeTransport t && !await t.WaitConnectedAsync(TimeSpan.FromSeconds(15)))
        throw new InvalidOperationException($"Instance {name} did not connect to Redis");
    return app;
}

static async Task<int> BadgeCount(IPage page)
{
    var label = await page.TextContentAsync("[data-testid=notification-button] .visually-hidden") ?? "";
    var digits = new string(label.Where(char.IsDigit).ToArray());
    return digits.Length == 0 ? 0 : int.Parse(digits);
}

static void Report(string label, List<double> ms)
{
    ms.Sort();
    double P(double p) => ms[Math.Clamp((int)Math.Ceiling(p * ms.Count) - 1, 0, ms.Count - 1)];
    Console.WriteLine($"{label} p50 {P(0.50),7:0.0} ms   p95 {P(0.95),7:0.0} ms   max {ms[^1],7:0.0} ms   (n={ms.Count})");
}

int ArgValue(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

static string FindRepo()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository");
}

static int FreePort()
{
    var l = new TcpListener(IPAddress.Loopback, 0);
    l.Start();
    var port = ((IPEndPoint)l.LocalEndpoint).Port;
    l.Stop();
    return port;
}

static async Task WaitOpen(int port)
{
    for (var i = 0; i < 200; i++)
    {
        try { using var c = new TcpClient(); await c.ConnectAsync(IPAddress.Loopback, port); return; }
        catch (SocketException) { await Task.Delay(50); }
    }
    throw new InvalidOperationException("redis-server did not open its port");
}
