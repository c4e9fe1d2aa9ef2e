using Dashboard.Web.Features.Seed;

namespace Dashboard.Web.Infrastructure;

/// <summary>What a person starting the app needs to see once it listens: where to sign in, and where its data lives.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app, bool demoAccounts)
    {
        var urls = app.Services.GetRequiredService<PublicUrls>();
        var url = urls.Host;
        var lines = new List<string> { "", "  Support cases dashboard is running." };
        if (demoAccounts)
        {
            lines.Add($"  Sign in at {url}/account/login  (password for every demo account: {DemoAccounts.Password})");
            foreach (var account in DemoAccounts.All)
            {
                lines.Add($"    {account.Email,-26} {account.Description}");
                if (account.AuthenticatorKey is null) continue;
                lines.Add($"    {"",-26} code: authenticator key {account.AuthenticatorKey} in any authenticator app,");
                lines.Add($"    {"",-26} or print it: dotnet run --project src/Dashboard.Web -- {DemoAccounts.CodeCommand}");
            }
            lines.Add($"  Customer portal at {urls.PortalBase}  (no password: type the email; in Development the page shows the link and code)");
            lines.AddRange(DemoAccounts.PortalCustomers.Select(c => $"    {c.Email,-26} {c.Description}"));
        }
        else
        {
            lines.Add($"  Sign in at {url}/account/login");
            lines.Add($"  Customer portal at {urls.PortalBase}");
        }
        lines.Add($"  Data directory: {DataDirectory.Of(app.Configuration)}");
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
