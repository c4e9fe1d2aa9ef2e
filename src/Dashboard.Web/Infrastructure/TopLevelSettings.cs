using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// The repository keeps <c>appsettings.Development.json</c> at its top level (beside Dashboard.sln);
/// the build copies it next to the binaries. Load it in Development right after the host's own
/// JSON files, so environment variables and <c>--urls</c>-style arguments still override it.
/// </summary>
public static class TopLevelSettings
{
    public static void AddTopLevelDevelopmentSettings(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()) return;
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json");
        if (!File.Exists(file)) return;
        var sources = builder.Configuration.Sources;
        var lastJson = -1;
        for (var i = 0; i < sources.Count; i++)
            if (sources[i] is JsonConfigurationSource) lastJson = i;
        var source = new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "appsettings.Development.json",
            Optional = true,
            ReloadOnChange = false,
        };
        sources.Insert(lastJson + 1, source);
    }

    /// <summary>Where <c>wwwroot-assets</c> is: beside the binaries (built) or at the repository top (source run).</summary>
    public static string AssetsPath(IWebHostEnvironment env)
    {
        var besideBinaries = Path.Combine(AppContext.BaseDirectory, "wwwroot-assets");
        return Directory.Exists(besideBinaries) ? besideBinaries : Path.GetFullPath(Path.Combine(env.ContentRootPath, "..", "..", "wwwroot-assets"));
    }
}
