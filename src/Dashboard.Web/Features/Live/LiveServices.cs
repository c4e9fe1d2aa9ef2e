using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Features.Notifications;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Live;

public static class LiveServices
{
    /// <summary>
    /// Live updates, presence, notifications and the email outbox. With <c>Redis:Connection</c> set,
    /// live messages travel over Redis pub/sub between app instances; otherwise in process.
    /// </summary>
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section);
        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>();
        if (!string.IsNullOrWhiteSpace(redis?.Connection))
        {
            services.AddSingleton<RedisCaseChangeTransport>();
            services.AddSingleton<ICaseChangeTransport>(sp => sp.GetRequiredService<RedisCaseChangeTransport>());
        }
        else
        {
            services.AddSingleton<ICaseChangeTransport, InProcessCaseChangeTransport>();
        }
        // Replaces the host's in-process registration: the same singleton, now on the transport.
        services.AddSingleton(sp => new CaseChangeFeed(
            sp.GetRequiredService<ILogger<CaseChangeFeed>>(), sp.GetRequiredService<ICaseChangeTransport>()));
        services.AddSingleton<CasePresence>();
        services.AddSingleton<NotificationQueries>();
        services.AddEmailOutbox(configuration);
        return services;
    }
}
