using System.Reflection;
using Dashboard.Data;

namespace Dashboard.Web.Tests.Operations;

/// <summary>docs/deploy.md lists every configuration key: each settable property of every options class with a <c>Section</c>.</summary>
public class DeployGuideTests
{
    [Fact]
    public void Every_configuration_key_of_the_code_is_in_the_deploy_guide()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "deploy.md"));
        var keys = new[] { typeof(Program).Assembly, typeof(DatabaseOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Section is { IsLiteral: true } && x.Section.FieldType == typeof(string))
            .SelectMany(x => x.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .Select(p => $"{x.Section!.GetRawConstantValue()}:{p.Name}"))
            .ToList();

        keys.Count.ShouldBeGreaterThan(60);
        keys.Where(k => !guide.Contains($"`{k}`", StringComparison.Ordinal)).ShouldBeEmpty("keys missing from docs/deploy.md");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Dashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
