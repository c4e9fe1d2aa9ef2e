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
    public const string ContosoAgent = "agent@contoso.test";
    public const string PlatformSupport = "support@platform.test";
    /// <summary>Platform support without two-factor sign-in: signing in leads to its setup. Set up by TwoFactorTests only.</summary>
    public const string NewPlatformSupport = "new-support@platform.test";

    /// <summary>The demo support account's published authenticator key (base32): two-factor sign-in is required for support.</summary>
    public const string SupportAuthenticatorKey = "PANDABASESUPPORTDEMOACCOUNTKEY23";

    /// <summary>The current code for <paramref name="base32Key"/>, computed here (RFC 6238, Otp.NET) as an authenticator app would.</summary>
    public static string CurrentCode(string base32Key = SupportAuthenticatorKey) =>
        new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(base32Key)).ComputeTotp(DateTime.UtcNow);

    public const string NorthwindName = "Northwind Keys";
    public const string NorthwindStoreId = "shp_northwindkeys01";
    public const string ContosoName = "Contoso Games";
    public const string ContosoStoreId = "shp_contosogames01";

    /// <summary>Portal customer with orders and cases at both stores.</summary>
    public const string PortalAlex = "alex.morgan@example.com";
    /// <summary>Portal customer with Northwind orders (completed NK-20003, NK-20004; pending NK-20005) and no case at first.</summary>
    public const string PortalSam = "sam.lee@example.com";
}
