using System.Globalization;
using System.Text.Json;
using Dashboard.Benchmarks;

// dotnet run -c Release --project tests/Dashboard.Benchmarks -- --dir /tmp/bench [--sizes 10000,100000,1000000]
//     [--iterations 300] [--warmup 30] [--out results.json] [--markdown docs/benchmarks.md]
// dotnet run -c Release --project tests/Dashboard.Benchmarks -- --auto-close --source <generated .db> [--due 10000]  (AutoCloseBenchmark)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is ["--auto-close", ..]) return await AutoCloseBenchmark.RunAsync(args[1..]);

string dir = "/tmp/bench", outFile = "", markdown = "";
int[] sizes = [10_000, 100_000, 1_000_000];
int iterations = 300, warmup = 30, stores = 20, seed = 42;
var logSql = false;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--dir": dir = Next(); break;
        case "--sizes": sizes = Next().Split(',').Select(s => int.Parse(s.Replace("_", ""))).ToArray(); break;
        case "--iterations": iterations = int.Parse(Next()); break;
        case "--warmup": warmup = int.Parse(Next()); break;
        case "--stores": stores = int.Parse(Next()); break;
        case "--seed": seed = int.Parse(Next()); break;
        case "--out": outFile = Next(); break;
        case "--markdown": markdown = Next(); break;
        case "--log-sql": logSql = true; break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}. Options: --dir --sizes --iterations --warmup --stores --seed --out --markdown --log-sql");
            return 2;
    }
}

var results = new List<SizeResult>();
foreach (var size in sizes)
{
    var path = await BenchmarkRun.EnsureDatabaseAsync(dir, size, stores, seed);
    Console.WriteLine($"== {size:N0} cases: {path}");
    results.Add(await new BenchmarkRun(path, size, iterations, warmup, logSql).RunAsync());
}

var table = Report.Table(results);
Console.WriteLine();
Console.WriteLine(table);
if (outFile != "")
{
    var json = results.Select(r => new
    {
        cases = r.Cases,
        measures = r.Measures.Select(m => new { name = m.Name, p50_ms = Math.Round(m.P50, 3), p95_ms = Math.Round(m.P95, 3), cpu_p50_ms = m.CpuP50 is { } c ? Math.Round(c, 3) : (double?)null }),
        raw_list_p50_ms = Math.Round(r.RawListP50, 3),
    });
    await File.WriteAllTextAsync(outFile, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"Wrote {outFile}");
}
if (markdown != "")
{
    await File.WriteAllTextAsync(markdown, Report.Markdown(results, table, iterations, warmup));
    Console.WriteLine($"Wrote {markdown}");
}
return 0;
