using System.Net;

namespace Dashboard.Web.Features.Operations;

/// <summary>
/// The <c>ForwardedHeaders</c> section: which reverse proxies may tell the app the client's address
/// (X-Forwarded-For) and scheme (X-Forwarded-Proto). Nothing is trusted unless listed here — not even
/// loopback, which ASP.NET Core would trust by default — so a client that reaches the app directly
/// cannot pose as another address or as HTTPS.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies deep to read X-Forwarded-For (one balancer: 1).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public bool IsValid() =>
        ForwardLimit >= 1 && KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => IPNetwork.TryParse(n, out _));
}
