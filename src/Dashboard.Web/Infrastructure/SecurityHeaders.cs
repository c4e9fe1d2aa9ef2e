namespace Dashboard.Web.Infrastructure;

/// <summary>
/// Security headers on every response: pages, the Store API, <c>/api-docs</c>, the OpenAPI document,
/// static files, redirects and error pages. Set when the response starts, so an exception handler or
/// status-code page that clears the response still sends them; an endpoint that sets its own (the
/// attachment download's sandboxing CSP) keeps its own.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// What Blazor Server and MudBlazor need, and nothing more. No inline script anywhere (the app's
    /// scripts are files under /assets and _framework/_content; the import map is not rendered).
    /// <c>style-src 'unsafe-inline'</c> because MudBlazor cannot work without it: MudThemeProvider writes
    /// the theme as &lt;style&gt; elements and components set style attributes (popover positions, progress
    /// widths), many from script at run time, so neither hashes nor nonces can cover them. Measured with
    /// the browser test (ContentSecurityPolicyTests) and <c>style-src 'self'</c>: 18 violations between the
    /// sign-in page and the case list, where the account menu's overlay then stayed over the page and the
    /// next click never landed. Inline style cannot run script; what it could leak needs markup an
    /// attacker controls, and every text the app shows is encoded.
    /// <c>connect-src 'self'</c> covers the Blazor circuit's WebSocket (same origin).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-src 'none'; " +
        "frame-ancestors 'none'";

    /// <summary>Browser features the dashboard never uses, switched off for it and anything it could embed.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), xr-spatial-tracking=()";

    /// <summary>One year; only over HTTPS and never for a loopback host (a developer's browser would remember it).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool sendHsts) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context, sendHsts);
                return Task.CompletedTask;
            });
            return next(context);
        });

    private static void Apply(HttpContext context, bool sendHsts)
    {
        var headers = context.Response.Headers;
        SetIfMissing(headers, "Content-Security-Policy", ContentSecurityPolicy);
        SetIfMissing(headers, "X-Content-Type-Options", "nosniff");
        SetIfMissing(headers, "X-Frame-Options", "DENY");
        SetIfMissing(headers, "Referrer-Policy", "same-origin");
        SetIfMissing(headers, "Permissions-Policy", PermissionsPolicy);
        SetIfMissing(headers, "Cross-Origin-Opener-Policy", "same-origin");
        if (sendHsts && context.Request.IsHttps && !IsLoopback(context.Request.Host.Host))
            SetIfMissing(headers, "Strict-Transport-Security", StrictTransportSecurity);
    }

    private static void SetIfMissing(IHeaderDictionary headers, string name, string value)
    {
        if (!headers.ContainsKey(name)) headers[name] = value;
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1" || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
}
