using System.Security.Claims;
using Dashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Components.Account;

/// <summary>
/// How soon a session notices that its user was locked, removed or changed (password, two-factor):
/// the cookie's security stamp is checked against the database at most this long after the last check,
/// on every request and, for an open dashboard, by the circuit's revalidation.
/// </summary>
public static class SessionValidation
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// True while the principal's user exists and has the stamp the principal carries: the same test as the
    /// cookie's security stamp validator. A lockout from wrong passwords does not end sessions on purpose
    /// (anyone who knows an address could otherwise sign its owner out); locking by hand changes the stamp.
    /// </summary>
    public static async Task<bool> IsCurrentAsync(UserManager<AppUser> users, ClaimsPrincipal principal, IdentityOptions options)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        return principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
