using System.Globalization;

namespace Dashboard.Reliability;

/// <summary>Command-line options; every duration is bounded and has a short default.</summary>
public sealed class RunOptions
{
    public IReadOnlyList<string> Scenarios { get; private init; } = [];
    public string Root { get; private init; } = "";
    public int LoadSeconds { get; private init; } = 60;
    public int BurstRounds { get; private init; } = 5;
    public int CrashRounds { get; private init; } = 5;
    public int SmtpDownSeconds { get; private init; } = 60;
    public int RedisDownSeconds { get; private init; } = 15;
    public bool Keep { get; private init; }
    private Dictionary<string, string> ExtraAppSettings { get; init; } = [];

    public static readonly string[] All = ["load", "burst", "crash", "redis", "smtp", "disk"];

    public const string Usage = """
        Usage: Dashboard.Reliability [scenario ...] [options]
          scenarios: load burst crash redis smtp disk (default: all)
          --load-seconds N      length of the sustained mixed run (default 60)
          --burst-rounds N      rounds of 50 simultaneous replies (default 5)
          --crash-rounds N      kill -9 rounds of 50 concurrent replies (default 5; the regression figure used 11)
          --smtp-down N         seconds the SMTP server stays down (default 60; try 300 for "several minutes")
          --redis-down N        seconds Redis stays down (default 15)
          --app Key=Value       extra configuration for the app under test (repeatable)
          --keep                keep the data directories
        """;

    public static RunOptions Parse(string[] args)
    {
        var scenarios = new List<string>();
        var extra = new Dictionary<string, string>();
        int loadSeconds = 60, burstRounds = 5, crashRounds = 5, smtpDown = 60, redisDown = 15;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => int.Parse(args[++i], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--load-seconds": loadSeconds = Next(); break;
                case "--burst-rounds": burstRounds = Next(); break;
                case "--crash-rounds": crashRounds = Next(); break;
                case "--smtp-down": smtpDown = Next(); break;
                case "--redis-down": redisDown = Next(); break;
                case "--keep": keep = true; break;
                case "--app":
                    var pair = args[++i].Split('=', 2);
                    extra[pair[0]] = pair.Length > 1 ? pair[1] : "";
                    break;
                case var s when All.Contains(s): scenarios.Add(s); break;
                default: throw new ArgumentException($"Unknown argument {args[i]}\n{Usage}");
            }
        }
        return new RunOptions
        {
            Scenarios = scenarios.Count == 0 ? All : scenarios,
            Root = Path.Combine(Path.GetTempPath(), "dashboard-reliability-" + Guid.NewGuid().ToString("N")[..8]),
            LoadSeconds = loadSeconds, BurstRounds = burstRounds, CrashRounds = crashRounds, SmtpDownSeconds = smtpDown, RedisDownSeconds = redisDown,
            Keep = keep, ExtraAppSettings = extra,
        };
    }

    /// <summary>The scenario's own settings for the app, then anything given with --app.</summary>
    public Dictionary<string, string> AppSettings(Dictionary<string, string> scenario)
    {
        foreach (var (key, value) in ExtraAppSettings) scenario[key] = value;
        return scenario;
    }
}
