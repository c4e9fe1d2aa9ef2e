using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Account;

/// <summary>Redirects from the static account pages, only ever to a local URL (see <see cref="ReturnUrl"/>).</summary>
public sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri) => navigationManager.NavigateTo(ReturnUrl.LocalOrDefault(uri));

    /// <summary>To another account page, carrying the (checked) return URL and the "keep me signed in" choice along.</summary>
    public void RedirectTo(string path, string? returnUrl, bool rememberMe = false) =>
        navigationManager.NavigateTo(AccountPaths.WithReturnUrl(path, returnUrl) + (rememberMe ? "&rememberMe=true" : ""));
}
