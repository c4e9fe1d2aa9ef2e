using Dashboard.Data;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// Where the SQLite file, stored files, sign-in keys and .eml outbox live. A relative
/// <c>Dashboard:DataDirectory</c> (default <c>data</c>) is resolved once, at start, against the
/// repository's top folder when the app runs from a source checkout (so
/// <c>dotnet run --project src/Dashboard.Web</c> from the top and <c>dotnet run</c> inside the project
/// both use <c>./data</c> at the top), otherwise against the content root (a published app's folder).
/// The absolute path is written back into configuration, so every reader sees the same folder.
/// </summary>
public static class DataDirectory
{
    public static string ResolveDataDirectory(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[$"{DataDirectoryOptions.Section}:{nameof(DataDirectoryOptions.DataDirectory)}"];
        var path = string.IsNullOrWhiteSpace(configured) ? new DataDirectoryOptions().DataDirectory : configured;
        var full = Path.IsPathRooted(path) ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(BaseFolder(builder.Environment.ContentRootPath), path));
        builder.Configuration[$"{DataDirectoryOptions.Section}:{nameof(DataDirectoryOptions.DataDirectory)}"] = full;
        return full;
    }

    /// <summary>The resolved data directory (after <see cref="ResolveDataDirectory"/>).</summary>
    public static string Of(IConfiguration configuration) =>
        Path.GetFullPath(configuration[$"{DataDirectoryOptions.Section}:{nameof(DataDirectoryOptions.DataDirectory)}"] ?? new DataDirectoryOptions().DataDirectory);

    /// <summary>The folder holding Dashboard.sln at or above the content root, else the content root.</summary>
    private static string BaseFolder(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) return dir.FullName;
        return contentRoot;
    }
}
