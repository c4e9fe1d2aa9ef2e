using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Web.Features.Seed;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Seed;

/// <summary>
/// The real host started twice on one data directory, as a developer restarting
/// <c>dotnet run</c>: the first start seeds the demo stores, the second seeds nothing and every table
/// keeps its count.
/// </summary>
public class DemoSeedTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dashboard-tests", "seed-" + Guid.NewGuid().ToString("N"));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    private sealed class Host(string directory, LogCapture log) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Dashboard:DataDirectory", directory);
            builder.UseSetting("DemoData:Enabled", "true");
            builder.UseSetting("Outbox:Enabled", "false");
            builder.ConfigureLogging(l => l.AddProvider(log));
        }
    }

    /// <summary>Starts the host, reads the row count of every seeded table and the two stores' status split, stops it.</summary>
    private async Task<(Dictionary<string, int> Rows, string[] Statuses, LogCapture Log)> StartAndCountAsync()
    {
        var log = new LogCapture();
        await using var host = new Host(_directory, log);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var rows = new Dictionary<string, int>
        {
            ["stores"] = await db.Stores.CountAsync(),
            ["users"] = await db.Users.CountAsync(),
            ["members"] = await db.StoreMembers.CountAsync(),
            ["customers"] = await db.Customers.CountAsync(),
            ["orders"] = await db.Orders.CountAsync(),
            ["cases"] = await db.Cases.CountAsync(),
            ["messages"] = await db.CaseMessages.CountAsync(),
            ["attachments"] = await db.Attachments.CountAsync(),
            ["api tokens"] = await db.ApiTokens.CountAsync(),
            ["inbound emails"] = await db.InboundEmails.CountAsync(),
            ["escalation signals"] = await db.CaseSignals.CountAsync(),
        };
        // The console shows each escalated case's signal as a badge: a demo escalation without its row would show none.
        (await db.Cases.CountAsync(c => c.Escalated && !db.CaseSignals.Any(s => s.CaseId == c.Id)))
            .ShouldBe(0, "every escalated demo case has its CaseSignals row");
        var statuses = (await db.Cases.GroupBy(c => new { c.StoreId, c.Status }).Select(g => new { g.Key.StoreId, g.Key.Status, Count = g.Count() }).ToListAsync())
            .Select(x => $"{x.StoreId} {x.Status} {x.Count}").Order(StringComparer.Ordinal).ToArray();
        return (rows, statuses, log);
    }

    [Fact]
    public async Task The_first_start_seeds_the_demo_stores_and_a_second_start_seeds_nothing()
    {
        var first = await StartAndCountAsync();
        first.Log.Lines.Count(l => l.Contains("Seeded demo data: 228 cases in 2 stores")).ShouldBe(1);
        first.Rows["stores"].ShouldBe(2);
        first.Rows["users"].ShouldBe(DemoAccounts.All.Length);
        first.Rows["cases"].ShouldBe(228); // 225 scripted cases, the portal customer Alex's two and the "key already used" case (DemoLicencePool)
        first.Rows["api tokens"].ShouldBe(3);
        first.Rows["inbound emails"].ShouldBe(4);
        // The seed plays case i to status i % 20 (5 awaiting you, 3 open, 5 awaiting customer, 7 closed in 20); a case
        // left awaiting the customer past the store's 14 idle days was warned and closed as the auto-close job does
        // (8 at Northwind, 6 at Contoso); Alex's two portal cases wait for Alex (Northwind) and for Contoso; and the
        // demo's emailed reply (InboundMailDemoData) moves one Northwind case from awaiting customer to awaiting you.
        first.Statuses.ShouldBe(new[]
        {
            $"{DemoAccounts.NorthwindStoreId} {CaseStatus.AwaitingMerchant} 36", $"{DemoAccounts.NorthwindStoreId} {CaseStatus.Open} 22",
            $"{DemoAccounts.NorthwindStoreId} {CaseStatus.AwaitingCustomer} 24", $"{DemoAccounts.NorthwindStoreId} {CaseStatus.Closed} 50",
            $"{DemoAccounts.ContosoStoreId} {CaseStatus.AwaitingMerchant} 26", $"{DemoAccounts.ContosoStoreId} {CaseStatus.Open} 15",
            $"{DemoAccounts.ContosoStoreId} {CaseStatus.AwaitingCustomer} 19", $"{DemoAccounts.ContosoStoreId} {CaseStatus.Closed} 36",
        }.Order(StringComparer.Ordinal));
        first.Rows.Values.ShouldAllBe(n => n > 0, "every seeded table has rows");

        var second = await StartAndCountAsync();

        second.Log.Lines.ShouldNotContain(l => l.Contains("Seeded demo data"), "the second start seeds nothing");
        second.Rows.ShouldBe(first.Rows);
        second.Statuses.ShouldBe(first.Statuses);
        second.Log.Lines.ShouldNotContain(l => l.StartsWith("Error") || l.StartsWith("Critical"));
    }
}
