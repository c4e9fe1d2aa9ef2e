using Dashboard.Web;
using Dashboard.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddTopLevelDevelopmentSettings();
builder.AddDashboard();

var app = builder.Build();
app.UseDashboard();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in tests.</summary>
public partial class Program;
