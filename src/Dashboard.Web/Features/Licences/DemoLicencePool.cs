using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Seed;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Licences;

/// <summary>
/// The demo stores' licence pools (a few available keys per product; one product nearly out) and
/// the "key already used" case a replacement is tried on: a fresh case at Northwind Keys whose order
/// has a claimed key. Called once by <see cref="DemoDataSeeder"/> after the stores are seeded.
/// </summary>
public static class DemoLicencePool
{
    public const string KeyAlreadyUsedCaseId = "cs_demokeyinuse0001";
    public const int KeysPerProduct = 6;

    public static async Task AddAsync(DashboardDbContext db, DateTime now, CancellationToken ct = default)
    {
        var random = new Random(18);
        foreach (var (storeId, products) in new[] { (DemoAccounts.NorthwindStoreId, DemoCatalog.NorthwindProducts), (DemoAccounts.ContosoStoreId, DemoCatalog.ContosoProducts) })
        {
            foreach (var product in products)
            {
                // The last product of each store is nearly out, so an empty pool is one or two replacements away.
                var count = product == products[^1] ? 1 : KeysPerProduct;
                for (var i = 0; i < count; i++)
                    db.LicencePoolKeys.Add(new LicencePoolKey
                    {
                        StoreId = storeId, ProductId = product.Id, Key = Key(random), Status = LicenseStatus.Available,
                        AddedAt = now.AddDays(-30).AddMinutes(i),
                    });
            }
        }
        await db.SaveChangesAsync(ct);
        await AddKeyAlreadyUsedCaseAsync(db, now, ct);
    }

    private static async Task AddKeyAlreadyUsedCaseAsync(DashboardDbContext db, DateTime now, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Items).Include(o => o.Licenses).Include(o => o.Customer)
            .Where(o => o.StoreId == DemoAccounts.NorthwindStoreId && o.Status == OrderStatus.Completed
                        && o.Items.Count == 1 && o.Licenses.Any(l => l.Status == LicenseStatus.Claimed))
            .OrderBy(o => o.OrderNumber).FirstAsync(ct);
        var licence = order.Licenses.First(l => l.Status == LicenseStatus.Claimed);
        var product = order.Items[0].Name;
        // Five days old: a case the merchant has not got to yet, and not the first row of any tab
        // (end-to-end tests open "the first case" of a tab and must not all land on this one).
        var openedAt = now.AddDays(-5);
        var supportCase = new SupportCase
        {
            Id = KeyAlreadyUsedCaseId, StoreId = order.StoreId, CustomerId = order.CustomerId, OrderId = order.Id,
            Subject = $"Key for {product} says it is already used", CreatedAt = openedAt,
        };
        supportCase.Apply(CaseWorkflow.Open(CasePriority.High, openedAt));
        db.Cases.Add(supportCase);
        db.CaseMessages.Add(new CaseMessage
        {
            CaseId = supportCase.Id, StoreId = supportCase.StoreId, Kind = CaseEntryKind.Message, AuthorKind = AuthorKind.Customer,
            AuthorName = order.Customer.DisplayName, CreatedAt = openedAt,
            Body = $"Hi, I bought {product} (order {order.OrderNumber}). When I enter the key {licence.Key} the activation page says it is already used on another account. I have never activated it before. Can you send me a working key?",
        });
        await db.SaveChangesAsync(ct);
        await CaseCounters.RecalculateAsync(db, order.StoreId, ct);
    }

    private static string Key(Random random) =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => new string(Enumerable.Range(0, 5).Select(_ => "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[random.Next(32)]).ToArray())));
}
