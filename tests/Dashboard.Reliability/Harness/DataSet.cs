using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Reliability.Harness;

/// <summary>
/// A fresh data directory with the product's migrated SQLite database, one store, an all-scopes API
/// token and <c>cases</c> cases opened through the product's own <see cref="CaseService"/>. The scenario
/// then reads the database directly to check what the app left behind.
/// </summary>
public sealed class DataSet : IAsyncDisposable
{
    public const string StoreId = "shp_reliability0001";
    public string Directory { get; }
    public string Secret { get; } = ApiTokenService.NewSecret();
    public IReadOnlyList<string> CaseIds { get; private set; } = [];
    public IDbContextFactory<DashboardDbContext> Factory { get; }

    private DataSet(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        var builder = new DbContextOptionsBuilder<DashboardDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, directory);
        Factory = new OptionsFactory(builder.Options);
    }

    public static async Task<DataSet> CreateAsync(string root, string name, int cases, bool keepOpeningEmails = false)
    {
        var set = new DataSet(Path.Combine(root, name));
        await DatabaseSetup.MigrateAsync(set.Factory);
        await set.SeedAsync(cases, keepOpeningEmails);
        return set;
    }

    public DashboardDbContext Db() => Factory.CreateDbContext();

    private async Task SeedAsync(int caseCount, bool keepOpeningEmails)
    {
        var now = DateTime.UtcNow;
        var orders = new List<string>();
        await using (var db = Db())
        {
            db.Stores.Add(new Store { Id = StoreId, Name = "Reliability Keys", NotificationEmail = "shop@reliability.example", CreatedAt = now.AddYears(-1) });
            db.CaseCounts.Add(new StoreCaseCounts { StoreId = StoreId });
            db.ApiTokens.Add(new ApiToken
            {
                StoreId = StoreId, Name = "Reliability", Prefix = Secret[..ApiTokenService.PrefixLength], SecretHash = ApiTokenService.Hash(Secret),
                Scopes = ApiTokenService.AllScopes, CreatedAt = now,
            });
            for (var c = 0; c < Math.Max(1, caseCount / 10); c++)
            {
                var customer = new Customer { StoreId = StoreId, Email = $"buyer{c}@reliability.example", FirstName = "Buyer", LastName = c.ToString(), CreatedAt = now.AddDays(-200) };
                db.Customers.Add(customer);
                for (var o = 0; o < 2; o++)
                {
                    var order = new Order
                    {
                        StoreId = StoreId, CustomerId = customer.Id, OrderNumber = $"R-{c:D5}{o}", Status = OrderStatus.Completed, Amount = 2900, Currency = "USD",
                        CreatedAt = now.AddDays(-100), UpdatedAt = now.AddDays(-100),
                        Items = [new OrderItem { ProductId = "prd_reliability01", Name = "Reliability Suite", Quantity = 1, Price = 2900 }],
                        Payment = new Payment { Amount = 2900, TotalAmount = 2900, Status = PaymentStatus.Succeeded, CreatedAt = now.AddDays(-100) },
                    };
                    db.Orders.Add(order);
                    orders.Add(order.Id);
                }
            }
            await db.SaveChangesAsync();
        }

        // The product's own registrations, as the host does them: opening a case runs its effects (the merchant's email).
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboard:DataDirectory"] = Directory }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton(TimeProvider.System);
        services.AddDashboardData(config);
        services.AddStores(config);
        services.AddLive(config);
        services.AddEmail(config);
        services.AddAttachments(config);
        services.AddCases(config);
        await using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<CaseService>();
        // A few at a time: at load 40 on two cores one opening took over a second, and 1,000 in a row took longer than the scenario.
        var ids = new string[caseCount];
        await Parallel.ForEachAsync(Enumerable.Range(0, caseCount), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var opened = await service.OpenAsync(StoreId, orders[i % orders.Count], $"Licence key question {i}", "Where is my licence key?");
            ids[i] = opened.Case?.Id ?? throw new InvalidOperationException(opened.Error);
        });
        CaseIds = ids;
        if (!keepOpeningEmails)
        {
            await using var db = Db();
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(o => o.SentAt, now));
        }
    }

    /// <summary>The tab counters as stored, and as a recount of the cases gives them.</summary>
    public async Task<(string Stored, string Recount)> CountersAsync()
    {
        await using var db = Db();
        var stored = await db.CaseCounts.AsNoTracking().SingleAsync(c => c.StoreId == StoreId);
        var byStatus = await db.Cases.Where(c => c.StoreId == StoreId).GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        int N(CaseStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        return ($"{stored.Open}/{stored.AwaitingCustomer}/{stored.AwaitingMerchant}/{stored.Closed}",
            $"{N(CaseStatus.Open)}/{N(CaseStatus.AwaitingCustomer)}/{N(CaseStatus.AwaitingMerchant)}/{N(CaseStatus.Closed)}");
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }

    private sealed class OptionsFactory(DbContextOptions<DashboardDbContext> options) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => new(options);
    }
}
