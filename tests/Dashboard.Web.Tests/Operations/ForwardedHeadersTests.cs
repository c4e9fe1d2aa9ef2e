using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Operations;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto change the client address and scheme the app sees (sign-in
/// rate limits, cookies' Secure flag, HSTS, logs) only when the request comes from a proxy listed in
/// ForwardedHeaders:KnownProxies or KnownNetworks; never from anyone else, not even loopback.
/// </summary>
public class ForwardedHeadersTests
{
    private const string Client = "203.0.113.7";

    [Fact]
    public async Task The_forwarded_client_and_scheme_are_honoured_from_a_configured_proxy()
    {
        await using var app = new OperationsApp(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });

        var seen = await SendAsync(app, from: "127.0.0.1");

        seen.Connection.RemoteIpAddress.ShouldBe(IPAddress.Parse(Client));
        seen.Request.Scheme.ShouldBe("https");
    }

    [Fact]
    public async Task The_forwarded_client_is_honoured_from_a_configured_proxy_network()
    {
        await using var app = new OperationsApp(new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8" });

        var seen = await SendAsync(app, from: "10.1.2.3");

        seen.Connection.RemoteIpAddress.ShouldBe(IPAddress.Parse(Client));
        seen.Request.Scheme.ShouldBe("https");
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_configured_proxy_are_ignored()
    {
        await using var app = new OperationsApp(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });

        var seen = await SendAsync(app, from: "198.51.100.9");

        seen.Connection.RemoteIpAddress.ShouldBe(IPAddress.Parse("198.51.100.9"));
        seen.Request.Scheme.ShouldBe("http");
    }

    [Fact]
    public async Task Without_configured_proxies_not_even_loopback_is_trusted()
    {
        await using var app = new OperationsApp(new Dictionary<string, string?>());

        var seen = await SendAsync(app, from: "127.0.0.1");

        seen.Connection.RemoteIpAddress.ShouldBe(IPAddress.Loopback);
        seen.Request.Scheme.ShouldBe("http");
    }

    [Fact]
    public async Task A_proxy_that_is_not_an_address_stops_the_app_at_start()
    {
        await using var app = new OperationsApp(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "proxy.internal" });

        var error = Should.Throw<OptionsValidationException>(() => _ = app.Server);

        error.Message.ShouldContain("ForwardedHeaders:KnownProxies must be IP addresses");
    }

    /// <summary>A request to /health/live as it arrives from <paramref name="from"/>, carrying forwarded headers; answers the context as the app saw it.</summary>
    private static Task<HttpContext> SendAsync(OperationsApp app, string from) =>
        app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            c.Request.Method = "GET";
            c.Request.Path = "/health/live";
            c.Request.Headers["X-Forwarded-For"] = Client;
            c.Request.Headers["X-Forwarded-Proto"] = "https";
        }, Xunit.TestContext.Current.CancellationToken);
}
