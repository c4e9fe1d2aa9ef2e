using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Attachments;

/// <summary>The real host without demo data, on a hand-moved clock, with the given attachment settings.</summary>
public sealed class AttachmentTestApp(IReadOnlyDictionary<string, string> settings) : DashboardAppFactory
{
    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DemoData:Enabled", "false");
        builder.UseSetting("Attachments:JanitorInterval", "00:00:00");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
}

/// <summary>Stores, orders and cases for attachment tests, on any database factory.</summary>
public static class AttachmentTestData
{
    public static async Task<(Store Store, SupportCase Case)> AddStoreWithCaseAsync(IDbContextFactory<DashboardDbContext> factory, CaseService cases, DateTime now, string name = "Store")
    {
        await using var db = await factory.CreateDbContextAsync();
        var store = new Store { Id = Ids.New(Ids.Store), Name = name, NotificationEmail = "shop@test.example", CreatedAt = now };
        var customer = new Customer { StoreId = store.Id, Email = $"buyer{Random.Shared.Next(1_000_000)}@test.example", FirstName = "Bea", LastName = "Buyer", CreatedAt = now };
        var order = new Order
        {
            StoreId = store.Id, CustomerId = customer.Id, OrderNumber = "T-" + Random.Shared.Next(100000, 999999),
            Status = OrderStatus.Completed, Amount = 4999, Currency = "USD", CreatedAt = now, UpdatedAt = now,
            Payment = new Payment { Amount = 4999, TotalAmount = 4999, Status = PaymentStatus.Succeeded, CreatedAt = now },
        };
        db.AddRange(store, new StoreCaseCounts { StoreId = store.Id }, customer, order);
        await db.SaveChangesAsync();
        var opened = await cases.OpenAsync(store.Id, order.Id, "Licence key missing", "Where is my key?");
        opened.Outcome.ShouldBe(CaseOutcome.Ok, opened.Error);
        return (store, opened.Case!);
    }
}
