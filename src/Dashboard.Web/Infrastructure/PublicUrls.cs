using Dashboard.Web.Features.Email;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// The addresses links in emails point at. <c>Portal:BaseUrl</c> and <c>Portal:DashboardUrl</c> when
/// set (behind a proxy or on a public name); otherwise this host's own address as it listens (so the
/// demo's links open the running app), <c>/portal</c> for customers and the root for merchants.
/// </summary>
public sealed class PublicUrls
{
    public const string PortalPath = "/portal";
    private const string Fallback = "http://localhost:5080";

    private readonly PortalOptions _options;
    private readonly Func<string?> _listening;

    /// <summary>For the host: the address comes from the server once it listens.</summary>
    public PublicUrls(IOptions<PortalOptions> options, IServer server)
        : this(options.Value, () => server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()) { }

    /// <summary>For a fixed address (tests, tools).</summary>
    public PublicUrls(PortalOptions options, string hostAddress) : this(options, () => hostAddress) { }

    private PublicUrls(PortalOptions options, Func<string?> listening)
    {
        _options = options;
        _listening = listening;
    }

    public PortalOptions Options => _options;

    /// <summary>This host as a browser reaches it: a wildcard bind (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) reads as localhost.</summary>
    public string Host => Browsable(_listening()) ?? Fallback;

    public string PortalBase => string.IsNullOrWhiteSpace(_options.BaseUrl) ? Host + PortalPath : _options.BaseUrl.TrimEnd('/');
    public string DashboardBase => string.IsNullOrWhiteSpace(_options.DashboardUrl) ? Host : _options.DashboardUrl.TrimEnd('/');

    /// <summary>A case in the customer portal.</summary>
    public string PortalCase(string caseId) => $"{PortalBase}/cases/{Uri.EscapeDataString(caseId)}";

    /// <summary>A case in the merchant dashboard.</summary>
    public string DashboardCase(string caseId) => $"{DashboardBase}/cases/{Uri.EscapeDataString(caseId)}";

    /// <summary>The one-time sign-in link of the portal.</summary>
    public string PortalSignInLink(string token) => $"{PortalBase}/sign-in/link?token={Uri.EscapeDataString(token)}";

    private static string? Browsable(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return null;
        foreach (var wildcard in new[] { "://[::]", "://0.0.0.0", "://+", "://*" })
            address = address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return address.TrimEnd('/');
    }
}
