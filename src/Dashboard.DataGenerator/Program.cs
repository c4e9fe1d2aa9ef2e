using System.Diagnostics;
using Dashboard.DataGenerator;

// dotnet run -c Release --project src/Dashboard.DataGenerator -- --db <file.db | data dir> --stores 20 --cases 1000000 [--seed 42] [--force]
var options = GeneratorOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        Usage: Dashboard.DataGenerator --db <path to .db file or data directory> [--stores 20] [--cases 1000000] [--seed 42] [--force]
          Fills a FRESH SQLite database (the product's migrations and schema) with skewed, realistic data.
          --force deletes an existing database file first.
        """);
    return 2;
}

var sw = Stopwatch.StartNew();
try
{
    var summary = await new Generator(options, Console.Out).RunAsync();
    Console.WriteLine($"Done in {sw.Elapsed:m\\:ss}: {summary}");
    Console.WriteLine($"Sign in with password {GeneratedAccounts.Password} as:");
    foreach (var a in summary.Accounts ?? [])
        Console.WriteLine($"  {a.Email,-22} {a.Role}{(a.StoreCases is { } n ? $" ({n:N0} cases)" : "")}");
    return 0;
}
catch (GeneratorException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
