using Dashboard.Domain;

namespace Dashboard.Web.Features.Seed;

/// <summary>The demo logins, listed in README and printed at start in Development.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-2026!";
    public const string NorthwindStoreId = "shp_northwindkeys01";
    public const string ContosoStoreId = "shp_contosogames01";

    /// <summary>Contoso's auto-reply (Settings → Cases), with placeholders; Northwind starts with none.</summary>
    public const string ContosoAutoReply =
        "Hi {{customer.first_name}}, thanks for contacting {{store.name}} about order {{order.number}}. We answer within one business day.";

    public sealed record Account(string Email, string DisplayName, string? StoreId, StoreRole? Role, bool PlatformSupport, string Description);

    public static readonly Account[] All =
    [
        new("owner@northwind.test", "Nadia Holm", NorthwindStoreId, StoreRole.Owner, false, "Owner of Northwind Keys"),
        new("agent@northwind.test", "Theo Park", NorthwindStoreId, StoreRole.Agent, false, "Agent of Northwind Keys"),
        new("owner@contoso.test", "Clara Diaz", ContosoStoreId, StoreRole.Owner, false, "Owner of Contoso Games"),
        new("agent@contoso.test", "Mia Chen", ContosoStoreId, StoreRole.Agent, false, "Agent of Contoso Games"),
        new("support@platform.test", "Jordan Reyes", null, null, true, "Platform support (Pandabase Support)"),
    ];
}
