using Microsoft.AspNetCore.Authentication;

namespace Dashboard.Web.Features.Portal.SignIn;

/// <summary>Setting the portal cookie and choosing where to go next, for both sign-in pages.</summary>
public static class PortalSignInRedirect
{
    /// <summary>A portal address inside this site, else the orders page: a sign-in never sends anyone elsewhere.</summary>
    public static string Local(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith(PortalAuth.PortalRoot, StringComparison.Ordinal)
            || returnUrl.StartsWith(PortalAuth.SignInPath, StringComparison.Ordinal)
            || returnUrl.Contains("//", StringComparison.Ordinal) || returnUrl.Contains('\\'))
            return PortalAuth.PortalRoot;
        return returnUrl;
    }

    public static Task SignInAsync(HttpContext http, string normalizedEmail) =>
        http.SignInAsync(PortalAuth.Scheme, PortalAuth.Principal(normalizedEmail), new AuthenticationProperties { IsPersistent = true });
}
