using Dashboard.Web;
using Dashboard.Web.Features.Seed;
using Dashboard.Web.Infrastructure;

// `dotnet run --project src/Dashboard.Web -- demo-code`: the demo support account's current two-factor code.
if (args is [DemoAccounts.CodeCommand])
{
    Console.WriteLine(DemoAccounts.CurrentSupportCode(TimeProvider.System));
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddTopLevelDevelopmentSettings();
builder.AddDashboard();

var app = builder.Build();
app.UseDashboard();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in tests.</summary>
public partial class Program;
