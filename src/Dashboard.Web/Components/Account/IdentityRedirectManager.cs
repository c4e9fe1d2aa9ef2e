using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Account;

/// <summary>Redirects from the static account pages, only ever to a local URL.</summary>
public sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri)
    {
        uri ??= "";
        if (!Uri.IsWellFormedUriString(uri, UriKind.Relative)) uri = navigationManager.ToBaseRelativePath(uri);
        if (uri.StartsWith("//", StringComparison.Ordinal) || uri.StartsWith("/\\", StringComparison.Ordinal)) uri = "/";
        navigationManager.NavigateTo(uri);
    }
}
