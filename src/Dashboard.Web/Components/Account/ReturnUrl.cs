namespace Dashboard.Web.Components.Account;

/// <summary>
/// The one check for every return URL the app follows (sign-in, two-factor steps, redirects from the
/// account pages): only a path on this site is followed, anything else falls back to <see cref="Default"/>.
/// </summary>
public static class ReturnUrl
{
    public const string Default = "/cases";

    /// <summary>
    /// True for a path on this site: starts with one <c>/</c> that is not followed by <c>/</c> or <c>\</c>
    /// (browsers read <c>//evil</c> and <c>/\evil</c> as another host), and holds no control character
    /// (browsers drop tab, CR and LF from URLs, so <c>/\t/evil</c> becomes <c>//evil</c>; CR/LF would also
    /// break the Location header). Absolute URLs, <c>javascript:</c> and the like are not paths.
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary><paramref name="url"/> when it is local, else <see cref="Default"/>.</summary>
    public static string LocalOrDefault(string? url) => IsLocal(url) ? url! : Default;
}
