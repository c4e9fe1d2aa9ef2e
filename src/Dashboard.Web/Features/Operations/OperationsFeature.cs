using Dashboard.Web.Features.Email;
using Dashboard.Web.Features.Live;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using System.Net;

namespace Dashboard.Web.Features.Operations;

public static class OperationsFeature
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    /// <summary>
    /// What an operator runs the app with: liveness and readiness checks (docs/deploy.md) and the
    /// forwarded-headers trust list for a reverse proxy.
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<AttachmentStorageHealthCheck>("attachments", tags: [ReadyTag]);
        services.AddSingleton<AttachmentStorageHealthCheck>();
        if (!string.IsNullOrWhiteSpace(configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.Connection)}"]))
            checks.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        if (!string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.Section}:{nameof(SmtpOptions.Host)}"]))
        {
            // One instance, so its cached answer lives as long as the app.
            services.AddSingleton<SmtpHealthCheck>();
            checks.AddCheck<SmtpHealthCheck>("smtp", tags: [ReadyTag]);
        }

        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section)
            .Validate(o => o.IsValid(), "ForwardedHeaders:KnownProxies must be IP addresses, KnownNetworks CIDR ranges (10.0.0.0/24), ForwardLimit at least 1")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((o, settings) =>
        {
            var s = settings.Value;
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = s.ForwardLimit;
            // ASP.NET Core trusts loopback out of the box; only what is configured counts here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in s.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in s.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    /// <summary>First in the pipeline: every later step (HSTS, cookies' Secure flag, logs) sees the client's real address and scheme.</summary>
    public static void UseForwardedHeadersFromConfiguration(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Any) app.UseForwardedHeaders();
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (no checks). <c>/health/ready</c>: every readiness check;
    /// 503 when one is Unhealthy. Both open to anyone: the answer names checks, never hosts or secrets.
    /// </summary>
    public static void MapOperations(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync })
            .AllowAnonymous().DisableAntiforgery();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthResponse.WriteAsync })
            .AllowAnonymous().DisableAntiforgery();
    }
}
