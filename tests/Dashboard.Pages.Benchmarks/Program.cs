using System.Globalization;
using System.Text;
using System.Text.Json;
using Dashboard.DataGenerator;
using Dashboard.Pages.Benchmarks;
using Microsoft.Playwright;

// dotnet run -c Release --project tests/Dashboard.Pages.Benchmarks -- --dir /tmp/bench [--sizes 10000,100000,1000000]
//     [--iterations 100] [--interactions 30] [--circuits 100] [--first-loads 5] [--skip browser,memory] [--out pages.json]
// The app runs as published (--app DIR, or published by the benchmark into a temporary folder).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

string dir = "/tmp/bench", outFile = "", appDirectory = "";
int[] sizes = [10_000, 100_000, 1_000_000];
int iterations = 100, interactions = 30, circuits = 100, firstLoads = 5;
var skip = new HashSet<string>();
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--dir": dir = Next(); break;
        case "--sizes": sizes = Next().Split(',').Select(s => int.Parse(s.Replace("_", ""))).ToArray(); break;
        case "--iterations": iterations = int.Parse(Next()); break;
        case "--interactions": interactions = int.Parse(Next()); break;
        case "--circuits": circuits = int.Parse(Next()); break;
        case "--first-loads": firstLoads = int.Parse(Next()); break;
        case "--skip": skip.UnionWith(Next().Split(',')); break;
        case "--out": outFile = Next(); break;
        case "--app": appDirectory = Next(); break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}. Options: --dir --sizes --iterations --interactions --circuits --first-loads --skip browser,memory --out --app");
            return 2;
    }
}

if (appDirectory == "")
{
    appDirectory = Path.Combine(Path.GetTempPath(), "dashboard-pages-bench", "publish");
    Console.WriteLine($"Publishing Dashboard.Web (Release) to {appDirectory}…");
    await AppProcess.PublishAsync(appDirectory);
}
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Machine.Os()}, .NET {Environment.Version}, load {Machine.Load()}; app: {appDirectory} (Production)");
var all = new List<object>();
foreach (var size in sizes)
{
    var path = Path.Combine(Path.GetFullPath(dir), $"cases-{size}.db");
    if (GeneratedDataSet.TryRead(path) is null)
    {
        Console.WriteLine($"Generating {path}…");
        await new Generator(new GeneratorOptions(path, 20, size, 42, Force: true), Console.Out).RunAsync();
    }
    var meta = GeneratedDataSet.TryRead(path)!;
    var owner = meta.Accounts?.FirstOrDefault(a => a.StoreId == meta.LargestStoreId && a.Role.StartsWith("Owner"))
        ?? throw new InvalidOperationException($"{path} has no sign-in accounts: regenerate it with this version of the generator");
    Console.WriteLine();
    Console.WriteLine($"== {size:N0} cases ({meta.LargestStoreCases:N0} in the largest store), signed in as {owner.Email}; load {Machine.Load()}");

    var results = new List<Result>();
    await using (var app = await AppProcess.StartAsync(appDirectory, path, Path.Combine(Path.GetTempPath(), "dashboard-pages-bench", $"app-{size}.log")))
    {
        using var client = await ServerRender.SignInAsync(app.BaseUrl, owner.Email, GeneratedAccountsPassword.Value);
        var pages = new (string Name, string Path)[]
        {
            ("/cases Awaiting you", "/cases?tab=awaiting-you"),
            ("/cases Open", "/cases?tab=open"),
            ("/cases Awaiting customer", "/cases?tab=awaiting-customer"),
            ("/cases Closed", "/cases?tab=closed"),
            ("/cases All", "/cases?tab=all"),
            ("/cases All, page 500", "/cases?tab=all&page=500"),
            ($"/cases All, search \"{meta.SearchWord}\"", $"/cases?tab=all&q={meta.SearchWord}"),
            ($"/cases Awaiting you, search \"{meta.SearchWord}\"", $"/cases?tab=awaiting-you&q={meta.SearchWord}"),
            ($"/cases/{{id}} ({meta.HeavyCaseMessages} messages)", $"/cases/{meta.HeavyCaseId}"),
            ("/settings/api-tokens (layout only)", "/settings/api-tokens"),
        };
        foreach (var (name, pagePath) in pages)
        {
            var r = await ServerRender.MeasureAsync(app, client, name, pagePath, iterations, warmup: 10);
            Console.WriteLine(r);
            results.Add(r);
        }

        if (!skip.Contains("browser") || !skip.Contains("memory"))
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Browser.LaunchAsync(playwright);
            if (!skip.Contains("browser"))
            {
                foreach (var r in await Interactions.RunAsync(browser, app.BaseUrl, owner.Email, GeneratedAccountsPassword.Value, meta.HeavyCaseId, interactions))
                {
                    Console.WriteLine(r);
                    results.Add(r);
                }
                foreach (var r in await FirstLoad.RunAsync(browser, app, owner.Email, GeneratedAccountsPassword.Value, firstLoads))
                {
                    Console.WriteLine(r);
                    results.Add(r);
                }
            }
            if (!skip.Contains("memory"))
                foreach (var r in await CircuitMemory.RunAsync(browser, app, owner.Email, GeneratedAccountsPassword.Value, circuits))
                {
                    Console.WriteLine(r);
                    results.Add(r);
                }
        }
    }
    all.Add(new { cases = size, storeCases = meta.LargestStoreCases, load = Machine.Load(), results });
}

Console.WriteLine();
Console.WriteLine($"Load at the end: {Machine.Load()}");
if (outFile != "")
{
    await File.WriteAllTextAsync(outFile, JsonSerializer.Serialize(all, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"Wrote {outFile}");
}
return 0;

internal static class GeneratedAccountsPassword
{
    /// <summary>The generator's password for every account (README).</summary>
    public const string Value = "Demo-2026!";
}

internal static class Machine
{
    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public static string Os() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME="))?.Split('=', 2)[1].Trim('"') ?? "Linux"
            : Environment.OSVersion.ToString();
}
