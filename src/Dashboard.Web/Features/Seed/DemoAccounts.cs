using Dashboard.Domain;
using OtpNet;

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

    /// <summary>
    /// The demo support account's authenticator key (base32). Platform support must use two-factor sign-in,
    /// so the demo account has it on with this published key: add it to an authenticator app, or print the
    /// current code with <c>dotnet run --project src/Dashboard.Web -- demo-code</c>. Only ever seeded with
    /// the demo data, never in a real deployment (docs/decisions/0010-two-factor-for-platform-support.md).
    /// </summary>
    public const string SupportAuthenticatorKey = "PANDABASESUPPORTDEMOACCOUNTKEY23";

    /// <summary>The command-line argument that prints <see cref="CurrentSupportCode"/> and exits.</summary>
    public const string CodeCommand = "demo-code";

    /// <summary>The demo support account's current 6-digit code.</summary>
    public static string CurrentSupportCode(TimeProvider clock) =>
        new Totp(Base32Encoding.ToBytes(SupportAuthenticatorKey)).ComputeTotp(clock.GetUtcNow().UtcDateTime);

    /// <param name="AuthenticatorKey">Set: two-factor sign-in is on with this key.</param>
    public sealed record Account(string Email, string DisplayName, string? StoreId, StoreRole? Role, bool PlatformSupport, string Description,
        string? AuthenticatorKey = null);

    public static readonly Account[] All =
    [
        new("owner@northwind.test", "Nadia Holm", NorthwindStoreId, StoreRole.Owner, false, "Owner of Northwind Keys"),
        new("agent@northwind.test", "Theo Park", NorthwindStoreId, StoreRole.Agent, false, "Agent of Northwind Keys"),
        new("owner@contoso.test", "Clara Diaz", ContosoStoreId, StoreRole.Owner, false, "Owner of Contoso Games"),
        new("agent@contoso.test", "Mia Chen", ContosoStoreId, StoreRole.Agent, false, "Agent of Contoso Games"),
        new("support@platform.test", "Jordan Reyes", null, null, true, "Platform support (Pandabase Support), two-factor on",
            SupportAuthenticatorKey),
        new("new-support@platform.test", "Sam Okafor", null, null, true, "Platform support without two-factor yet: sign-in leads to its setup"),
    ];

    /// <summary>A demo customer of the portal (<c>/portal</c>): signs in by email with a link and a code, no password.</summary>
    public sealed record PortalCustomer(string Email, string FirstName, string LastName, string Description);

    /// <summary>Has orders at both stores, completed and not, and cases at both stores.</summary>
    public static readonly PortalCustomer Alex = new("alex.morgan@example.com", "Alex", "Morgan", "orders and cases at both stores");

    /// <summary>Has Northwind orders and no case yet (the browser tests open cases as Sam).</summary>
    public static readonly PortalCustomer Sam = new("sam.lee@example.com", "Sam", "Lee", "Northwind orders, no case yet");

    public static readonly PortalCustomer[] PortalCustomers = [Alex, Sam];
}
