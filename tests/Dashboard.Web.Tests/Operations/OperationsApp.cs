using Dashboard.Web.Tests.Infrastructure;
using Dashboard.Web.Features.Live;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Operations;

/// <summary>The real host (Development, no demo data, no outbox sender) with the given settings on top.</summary>
public class OperationsApp(IReadOnlyDictionary<string, string?> settings) : DashboardAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DemoData:Enabled", "false");
        builder.UseSetting("Outbox:Enabled", "false");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>True once the app's Redis transport is connected (with <c>Redis:Connection</c> set).</summary>
    public async Task<bool> WaitRedisAsync() =>
        Services.GetRequiredService<ICaseChangeTransport>() is RedisCaseChangeTransport redis
        && await redis.WaitConnectedAsync(TimeSpan.FromSeconds(30));
}
