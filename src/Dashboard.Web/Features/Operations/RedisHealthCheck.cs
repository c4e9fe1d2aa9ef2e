using Dashboard.Web.Features.Live;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Features.Operations;

/// <summary>
/// Registered only with <c>Redis:Connection</c> set. Without Redis an instance still serves every
/// page but its live updates stay local, so a lost connection makes it Degraded (still 200: taking
/// every instance out of the balancer because Redis blinked would be worse than stale lists).
/// </summary>
public sealed class RedisHealthCheck(RedisCaseChangeTransport transport) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var latency = await transport.PingAsync(ct);
        return latency is null
            ? HealthCheckResult.Degraded("Not connected: live updates reach only this instance's screens.")
            : HealthCheckResult.Healthy("Connected.");
    }
}
