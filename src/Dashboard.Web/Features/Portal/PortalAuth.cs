using System.Security.Claims;

namespace Dashboard.Web.Features.Portal;

/// <summary>
/// The customer portal's own sign-in: a cookie scheme separate from the dashboard's Identity cookie,
/// and the one named policy that admits it (<see cref="CustomerPolicy"/>). A customer identity
/// carries only the normalized email; it has no user id, so no store policy can ever pass on it.
/// </summary>
public static class PortalAuth
{
    public const string Scheme = "Portal";
    public const string CookieName = "portal.auth";

    /// <summary>Signed in to the portal (this scheme's identity), whatever else the browser carries.</summary>
    public const string CustomerPolicy = "PortalCustomer";

    public const string PortalRoot = "/portal";
    public const string SignInPath = "/portal/sign-in";
    public const string SignOutPath = "/portal/sign-out";

    /// <summary>The customer identity for <paramref name="normalizedEmail"/>.</summary>
    public static ClaimsPrincipal Principal(string normalizedEmail) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Email, normalizedEmail)], Scheme));

    /// <summary>The signed-in customer's normalized email, from the portal identity only (never from a merchant's).</summary>
    public static string? CustomerEmail(ClaimsPrincipal? user) =>
        user?.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == Scheme)?.FindFirst(ClaimTypes.Email)?.Value;
}
