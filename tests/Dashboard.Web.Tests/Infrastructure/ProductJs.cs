namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// The product's own JavaScript as the components call it, and where each function is defined:
/// <c>wwwroot-assets/dashboard.js</c> (a classic script defining <c>window.dashboard</c>) and the
/// <c>live.js</c> ES module. bUnit plans exactly these calls (DashboardTestContext);
/// ProductJsContractTests checks that the real files still define them.
/// </summary>
public static class ProductJs
{
    public const string AttachZone = "dashboard.attachZone";
    public const string Reveal = "dashboard.reveal";
    public const string CopyText = "dashboard.copyText";
    public const string InsertAtCaret = "dashboard.insertAtCaret";
    /// <summary>The browser's own clipboard API, called directly by the API token page.</summary>
    public const string ClipboardWrite = "navigator.clipboard.writeText";
    public const string LiveModule = "/assets/live.js";
    public const string SetTitleCount = "setTitleCount";

    /// <summary>Functions of <c>window.dashboard</c> the components call (dashboard.js).</summary>
    public static readonly string[] DashboardFunctions = [AttachZone, Reveal, CopyText, InsertAtCaret];

    /// <summary>Exports of live.js the components call.</summary>
    public static readonly string[] LiveModuleExports = [SetTitleCount];

    public static bool IsProductCall(string identifier) =>
        identifier.StartsWith("dashboard.", StringComparison.Ordinal) || identifier.StartsWith("navigator.clipboard.", StringComparison.Ordinal);

    /// <summary>The repository's top folder (the one holding Dashboard.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string AssetPath(string file) => Path.Combine(RepositoryRoot, "wwwroot-assets", file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Dashboard.sln not found above {AppContext.BaseDirectory}");
    }
}
