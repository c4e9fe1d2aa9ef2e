using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// The real host (Development, demo data seeded) on a fresh data directory per factory.
/// Use <see cref="WebApplicationFactory{T}.CreateClient()"/> for HTTP tests.
/// </summary>
public class DashboardAppFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "dashboard-tests", "app-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Dashboard:DataDirectory", DataDirectory);
        builder.UseSetting("DemoData:Enabled", "true");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
