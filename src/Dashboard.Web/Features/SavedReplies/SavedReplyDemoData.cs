using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Web.Features.Seed;

namespace Dashboard.Web.Features.SavedReplies;

/// <summary>A few saved replies per demo store, so the reply box's menu and Settings → Saved replies have something to show.</summary>
public static class SavedReplyDemoData
{
    public static void Add(DashboardDbContext db, DateTime now)
    {
        (string Store, string Name, string Body)[] replies =
        [
            (DemoAccounts.NorthwindStoreId, "Key resent", "Hi {{customer.first_name}}, I have sent the licence key for order {{order.number}} again. Please check your spam folder too."),
            (DemoAccounts.NorthwindStoreId, "Refund policy", "Hi {{customer.first_name}}, unused keys can be refunded within 14 days of purchase. Shall I refund order {{order.number}}?"),
            (DemoAccounts.NorthwindStoreId, "Closing: solved", "Glad it works now! I am closing this case; just reply if anything else comes up. — {{store.name}}"),
            (DemoAccounts.ContosoStoreId, "Steam activation", "Hi {{customer.first_name}}, open Steam → Games → Activate a Product on Steam and paste the key from order {{order.number}}."),
            (DemoAccounts.ContosoStoreId, "Region lock", "Hi {{customer.first_name}}, this key only activates in the region shown on the product page. We can swap it for the right region."),
        ];
        foreach (var (store, name, body) in replies)
            db.SavedReplies.Add(new SavedReply { StoreId = store, Name = name, Body = body, CreatedAt = now, UpdatedAt = now });
    }
}
