using System.Text.RegularExpressions;

namespace Dashboard.Web.Tests;

/// <summary>Dashboard.sln once lost three EndProject lines in a merge; a parser check, not an eye, keeps it valid.</summary>
public partial class SolutionFileTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_project_entry_is_closed_before_the_next_one_starts()
    {
        var open = false;
        foreach (var line in File.ReadLines(Path.Combine(Root, "Dashboard.sln")))
        {
            if (line.StartsWith("Project(", StringComparison.Ordinal))
            {
                open.ShouldBeFalse($"'{line}' starts before the previous entry's EndProject");
                open = true;
            }
            else if (line.StartsWith("EndProject", StringComparison.Ordinal))
            {
                open.ShouldBeTrue("EndProject without a Project(");
                open = false;
            }
        }
        open.ShouldBeFalse("the last Project( has no EndProject");
    }

    [Fact]
    public void Solution_lists_exactly_the_projects_of_the_repository()
    {
        var listed = ProjectLine().Matches(File.ReadAllText(Path.Combine(Root, "Dashboard.sln")))
            .Select(m => m.Groups["path"].Value.Replace('\\', '/'))
            .Where(p => p.EndsWith(".csproj", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
        var onDisk = new[] { "src", "tests" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*.csproj", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToArray();
        listed.ShouldBe(onDisk);
    }

    [GeneratedRegex("""^Project\("\{[^}]+\}"\) = "[^"]+", "(?<path>[^"]+)", "\{[^}]+\}"\r?$""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) return dir.FullName;
        throw new InvalidOperationException("Dashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
