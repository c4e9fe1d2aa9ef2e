namespace Dashboard.E2E.Tests.Infrastructure;

/// <summary>The demo data the app seeds on first start in Development (copied here on purpose: the
/// tests check the running app against these facts rather than reading them from its code).</summary>
public static class DemoLogins
{
    public const string Password = "Demo-2026!";

    public const string NorthwindOwner = "owner@northwind.test";
    /// <summary>Locked out by the lockout test: no other test signs in with it.</summary>
    public const string NorthwindAgent = "agent@northwind.test";
    public const string ContosoOwner = "owner@contoso.test";
    public const string PlatformSupport = "support@platform.test";

    public const string NorthwindName = "Northwind Keys";
    public const string NorthwindStoreId = "shp_northwindkeys01";
    public const string ContosoName = "Contoso Games";
    public const string ContosoStoreId = "shp_contosogames01";

    /// <summary>Portal customer with orders and cases at both stores.</summary>
    public const string PortalAlex = "alex.morgan@example.com";
    /// <summary>Portal customer with Northwind orders (completed NK-20003, NK-20004; pending NK-20005) and no case at first.</summary>
    public const string PortalSam = "sam.lee@example.com";
}
