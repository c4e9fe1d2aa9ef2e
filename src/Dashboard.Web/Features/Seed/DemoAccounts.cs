using Dashboard.Domain;

namespace Dashboard.Web.Features.Seed;

/// <summary>The demo logins, listed in README and printed at start in Development.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-2026!";
    public const string NorthwindStoreId = "shp_northwindkeys01";
    public const string ContosoStoreId = "shp_contosogames01";

    public sealed record Account(string Email, string DisplayName, string? StoreId, StoreRole? Role, bool PlatformSupport, string Description);

    public static readonly Account[] All =
    [
        new("owner@northwind.test", "Nadia Holm", NorthwindStoreId, StoreRole.Owner, false, "Owner of Northwind Keys"),
        new("agent@northwind.test", "Theo Park", NorthwindStoreId, StoreRole.Agent, false, "Agent of Northwind Keys"),
        new("owner@contoso.test", "Clara Diaz", ContosoStoreId, StoreRole.Owner, false, "Owner of Contoso Games"),
        new("support@platform.test", "Jordan Reyes", null, null, true, "Platform support (Pandabase Support)"),
    ];

    /// <summary>A demo customer of the portal (<c>/portal</c>): signs in by email with a link and a code, no password.</summary>
    public sealed record PortalCustomer(string Email, string FirstName, string LastName, string Description);

    /// <summary>Has orders at both stores, completed and not, and cases at both stores.</summary>
    public static readonly PortalCustomer Alex = new("alex.morgan@example.com", "Alex", "Morgan", "orders and cases at both stores");

    /// <summary>Has Northwind orders and no case yet (the browser tests open cases as Sam).</summary>
    public static readonly PortalCustomer Sam = new("sam.lee@example.com", "Sam", "Lee", "Northwind orders, no case yet");

    public static readonly PortalCustomer[] PortalCustomers = [Alex, Sam];
}
