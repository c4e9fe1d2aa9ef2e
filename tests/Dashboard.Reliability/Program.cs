using Dashboard.Reliability;
using Dashboard.Reliability.Harness;
using Dashboard.Reliability.Scenarios;

// Failures survived, measured from outside against the real app process on loopback
// (docs/reliability.md). Each scenario ends with one line: held, or lost N.
RunOptions options;
try { options = RunOptions.Parse(args); }
catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return 2; }

Directory.CreateDirectory(options.Root);
Console.WriteLine($"Reliability run: {string.Join(", ", options.Scenarios)}; {Environment.ProcessorCount} cores; {Figures.Load()}");
var outcomes = new List<Outcome>();
foreach (var scenario in options.Scenarios)
{
    Console.WriteLine();
    Console.WriteLine($"== {scenario} ({Figures.Load()})");
    try
    {
        var outcome = scenario switch
        {
            "load" => await LoadScenario.RunAsync(options),
            "burst" => await BurstScenario.RunAsync(options),
            "crash" => await CrashScenario.RunAsync(options),
            "redis" => await RedisScenario.RunAsync(options),
            "smtp" => await SmtpScenario.RunAsync(options),
            "disk" => await DiskScenario.RunAsync(options),
            _ => throw new ArgumentException("no scenario " + scenario),
        };
        outcomes.Add(outcome);
        Console.WriteLine($"RESULT {outcome.Scenario}: {outcome.Verdict} — {outcome.Summary} ({Figures.Load()})");
    }
    catch (Exception e)
    {
        outcomes.Add(new Outcome(scenario, -1, "could not run: " + e.Message));
        Console.WriteLine($"RESULT {scenario}: could not run — {e}");
    }
}

Console.WriteLine();
Console.WriteLine("Summary");
foreach (var o in outcomes) Console.WriteLine($"  {o.Scenario,-6} {(o.Lost < 0 ? "not run" : o.Verdict),-10} {o.Summary}");
if (!options.Keep) try { Directory.Delete(options.Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
return outcomes.Any(o => o.Lost != 0) ? 1 : 0;
