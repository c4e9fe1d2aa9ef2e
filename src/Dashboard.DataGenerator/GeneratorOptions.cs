namespace Dashboard.DataGenerator;

public sealed record GeneratorOptions(string DatabasePath, int Stores, int Cases, int Seed, bool Force)
{
    public static GeneratorOptions? Parse(string[] args)
    {
        string? db = null;
        int stores = 20, cases = 1_000_000, seed = 42;
        var force = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--db": db = Next(); break;
                    case "--stores": stores = int.Parse(Next().Replace("_", "")); break;
                    case "--cases": cases = int.Parse(Next().Replace("_", "")); break;
                    case "--seed": seed = int.Parse(Next()); break;
                    case "--force": force = true; break;
                    default: Console.Error.WriteLine($"Unknown option {args[i]}"); return null;
                }
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                Console.Error.WriteLine(e.Message);
                return null;
            }
        }
        if (db is null || stores < 1 || cases < 1) return null;
        return new GeneratorOptions(ResolvePath(db), stores, cases, seed, force);
    }

    /// <summary>A path ending in .db (or an existing file) is the file; anything else is a data directory holding dashboard.db.</summary>
    public static string ResolvePath(string db) =>
        Path.GetFullPath(db.EndsWith(".db", StringComparison.OrdinalIgnoreCase) || File.Exists(db) ? db : Path.Combine(db, "dashboard.db"));
}

public sealed class GeneratorException(string message) : Exception(message);
