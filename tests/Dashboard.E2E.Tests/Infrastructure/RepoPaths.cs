using System.Reflection;

namespace Dashboard.E2E.Tests.Infrastructure;

/// <summary>Where things are: the repository (found by walking up to Dashboard.sln) and the app's build output.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration these tests were built with; the app is run from the same one.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BuildConfiguration")?.Value ?? "Debug";

    public static string WebBin { get; } = Path.Combine(Root, "src", "Dashboard.Web", "bin", Configuration, "net10.0");

    /// <summary>Screenshots, traces and the app's log of the last run (TestResults/ is git-ignored).</summary>
    public static string Artifacts { get; } = Path.Combine(Root, "TestResults", "e2e");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Dashboard.sln not found above {AppContext.BaseDirectory}");
    }
}
