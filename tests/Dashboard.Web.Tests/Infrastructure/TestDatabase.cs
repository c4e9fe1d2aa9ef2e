using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Cases.Effects;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Features.InboundMail;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Portal;
using Dashboard.Web.Features.Portal.SignIn;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// A real SQLite database file in a fresh temporary folder, migrated with the product's own
/// migrations, deleted on dispose. Also builds the case services on top of it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));
    public IDbContextFactory<DashboardDbContext> Factory { get; }
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    public CaseChangeFeed Feed { get; } = new(NullLogger<CaseChangeFeed>.Instance, new InProcessCaseChangeTransport());
    /// <summary>What this host "listens on" for links in emails (Portal:BaseUrl unset: the portal is its /portal).</summary>
    public const string HostAddress = "http://dashboard.test";

    public CaseEmails Emails { get; } = NewCaseEmails();

    /// <summary>The reply domain tests configure: emails to customers carry <c>reply+{token}@reply.test</c>.</summary>
    public const string ReplyDomain = "reply.test";

    /// <summary>The product's email composer with the given portal settings and a reply domain (none when null).</summary>
    public static CaseEmails NewCaseEmails(PortalOptions? portal = null, string? replyDomain = ReplyDomain) =>
        new(new PublicUrls(portal ?? new PortalOptions(), HostAddress), new ReplyAddress(Options.Create(new InboundMailOptions { ReplyDomain = replyDomain })));

    /// <summary>Real file-system attachment storage under this database's folder.</summary>
    public AttachmentVault Vault { get; }

    private TestDatabase()
    {
        System.IO.Directory.CreateDirectory(Directory);
        Factory = new SqliteFileFactory(Directory);
        Vault = new AttachmentVault(new FileSystemAttachmentStorage(Path.Combine(Directory, "attachments")),
            Options.Create(new AttachmentOptions()), Clock, NullLogger<AttachmentVault>.Instance);
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var db = new TestDatabase();
        await DatabaseSetup.MigrateAsync(db.Factory);
        return db;
    }

    /// <summary>The product's case service with every dependency real; <paramref name="feed"/>, <paramref name="clock"/>
    /// and <paramref name="factory"/> (e.g. one from <see cref="FactoryWith"/>) default to this database's.</summary>
    public CaseService CaseService(CaseChangeFeed? feed = null, TimeProvider? clock = null, AttachmentVault? vault = null,
        IDbContextFactory<DashboardDbContext>? factory = null) =>
        new(factory ?? Factory, clock ?? Clock, feed ?? Feed, CaseEffects(), vault ?? Vault, new StoreAccess(Factory));

    /// <summary>The product's effect handlers, built from the host's own registration (<c>AddCaseEffects</c>).</summary>
    public CaseEffectHandlers CaseEffects()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Emails);
        services.AddCaseEffects();
        return services.BuildServiceProvider().GetRequiredService<CaseEffectHandlers>();
    }

    public CaseQueries CaseQueries() => new(Factory);

    /// <summary>The support console's reads (queue, escalated case, signals) over this database.</summary>
    public Features.Support.SupportQueries SupportQueries(Features.Support.SupportConsoleOptions? options = null) =>
        new(Factory, CaseQueries(), new StoreAccess(Factory), Clock, Options.Create(options ?? new Features.Support.SupportConsoleOptions()));

    /// <summary>Escalates a case the way production does: an escalation signal through the product's case service.</summary>
    public async Task EscalateAsync(string caseId, EscalationSignalKind kind = EscalationSignalKind.DisputeRisk)
    {
        var result = await CaseService().RaiseSignalAsync(caseId, kind, "raised by the test", "test");
        result.Outcome.ShouldBe(CaseOutcome.Ok, result.Error);
    }

    public PortalQueries PortalQueries() => new(Factory, CaseQueries());

    /// <summary>The portal's customer actions over the product's case service (this database's feed and clock).</summary>
    public PortalCases PortalCases(CaseChangeFeed? feed = null) => new(Factory, CaseService(feed), PortalQueries());

    /// <summary>The portal's sign-in service; <paramref name="environment"/> defaults to Development (the page's aid is filled).</summary>
    public PortalSignInService PortalSignIns(PortalSignInOptions? options = null, string environment = "Development") =>
        new(Factory, Clock, Emails, new PublicUrls(new PortalOptions(), HostAddress), Options.Create(options ?? new PortalSignInOptions()),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment });

    /// <summary>Another customer row, at <paramref name="storeId"/>, with one order of <paramref name="status"/>.</summary>
    public async Task<(Customer Customer, Order Order)> AddCustomerWithOrderAsync(string storeId, string email, OrderStatus status = OrderStatus.Completed,
        DateTime? orderedAt = null, string firstName = "Cleo")
    {
        await using var db = NewContext();
        var customer = new Customer { StoreId = storeId, Email = email, FirstName = firstName, LastName = "Customer", CreatedAt = Clock.UtcNow };
        var order = NewOrder(db, storeId, customer.Id, status, orderedAt);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return (customer, order);
    }

    /// <summary>One more order for an existing customer.</summary>
    public async Task<Order> AddOrderAsync(string storeId, string customerId, OrderStatus status = OrderStatus.Completed, DateTime? orderedAt = null)
    {
        await using var db = NewContext();
        var order = NewOrder(db, storeId, customerId, status, orderedAt);
        await db.SaveChangesAsync();
        return order;
    }

    private Order NewOrder(DashboardDbContext db, string storeId, string customerId, OrderStatus status, DateTime? orderedAt)
    {
        var at = orderedAt ?? Clock.UtcNow;
        var order = new Order
        {
            StoreId = storeId, CustomerId = customerId, OrderNumber = "T-" + Random.Shared.Next(100000, 999999), Status = status,
            Amount = 1999, Currency = "EUR", CreatedAt = at, UpdatedAt = at,
            Items = [new OrderItem { ProductId = "prd_testproduct02", Name = "Second Product", Quantity = 2, Price = 999 }],
        };
        db.Orders.Add(order);
        return order;
    }

    public DashboardDbContext NewContext() => Factory.CreateDbContext();

    /// <summary>A factory on the same database file whose contexts also run <paramref name="interceptors"/>
    /// (to hold a write at a chosen point, e.g. until a second writer has loaded the same row).</summary>
    public IDbContextFactory<DashboardDbContext> FactoryWith(params IInterceptor[] interceptors) => new SqliteFileFactory(Directory, interceptors);

    /// <summary>A store with its counters row, a customer and a completed order.</summary>
    public async Task<(Store Store, Customer Customer, Order Order)> AddStoreAsync(string name = "Test Store", string? id = null)
    {
        await using var db = NewContext();
        var store = new Store { Id = id ?? Ids.New(Ids.Store), Name = name, NotificationEmail = "shop@test.example", CreatedAt = Clock.UtcNow };
        var customer = new Customer { StoreId = store.Id, Email = $"buyer{Random.Shared.Next(100000)}@test.example", FirstName = "Bea", LastName = "Buyer", CreatedAt = Clock.UtcNow };
        var order = new Order
        {
            StoreId = store.Id, CustomerId = customer.Id, OrderNumber = "T-" + Random.Shared.Next(100000, 999999),
            Status = OrderStatus.Completed, Amount = 4999, Currency = "USD", CreatedAt = Clock.UtcNow, UpdatedAt = Clock.UtcNow,
            Items = [new OrderItem { ProductId = "prd_testproduct01", Name = "Test Product", Quantity = 1, Price = 4999 }],
            Licenses = [new License { ProductId = "prd_testproduct01", Key = "AAAA-BBBB-CCCC", Status = LicenseStatus.Claimed }],
            Payment = new Payment { Amount = 4999, TotalAmount = 4999, Status = PaymentStatus.Succeeded, CreatedAt = Clock.UtcNow },
        };
        db.AddRange(store, new StoreCaseCounts { StoreId = store.Id }, customer, order);
        await db.SaveChangesAsync();
        return (store, customer, order);
    }

    /// <summary>
    /// A platform support user (Policies.PlatformSupport), as the actor support posts are written by.
    /// Support powers need two-factor sign-in on (ADR 0010); <paramref name="twoFactor"/> false makes one who has not set it up.
    /// </summary>
    public async Task<Actor> AddSupportUserAsync(string name = "Jordan Reyes", bool twoFactor = true)
    {
        await using var db = NewContext();
        var email = name.Replace(' ', '.').ToLowerInvariant() + "@platform.test";
        var user = new AppUser { UserName = email, Email = email, DisplayName = name, IsPlatformSupport = true, TwoFactorEnabled = twoFactor };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return Actor.Support(user.Id);
    }

    /// <summary>Opens a case through the product's service, as the customer would.</summary>
    public async Task<SupportCase> OpenCaseAsync(string storeId, string orderId, string subject = "Licence key missing", CasePriority priority = CasePriority.Normal)
    {
        var result = await CaseService().OpenAsync(storeId, orderId, subject, "Where is my key?", priority);
        result.Outcome.ShouldBe(CaseOutcome.Ok, result.Error);
        return result.Case!;
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
        await Task.CompletedTask;
    }

    private sealed class SqliteFileFactory(string directory, params IInterceptor[] interceptors) : IDbContextFactory<DashboardDbContext>
    {
        private readonly DbContextOptions<DashboardDbContext> _options = Build(directory, interceptors);

        private static DbContextOptions<DashboardDbContext> Build(string directory, IInterceptor[] interceptors)
        {
            var builder = new DbContextOptionsBuilder<DashboardDbContext>();
            DatabaseSetup.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, directory);
            if (interceptors.Length > 0) builder.AddInterceptors(interceptors);
            return builder.Options;
        }

        public DashboardDbContext CreateDbContext() => new(_options);
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public DateTime UtcNow => _now.UtcDateTime;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
    public void Set(DateTime utc) => _now = new DateTimeOffset(utc, TimeSpan.Zero);
}
