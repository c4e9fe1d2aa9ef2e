using Dashboard.Web.Features.Cases;

namespace Dashboard.Web.Features.Live;

public static class LiveFeature
{
    /// <summary>
    /// The change feed every open dashboard listens to. With <c>Redis:Connection</c> set, changes
    /// (and presence) travel over Redis pub/sub between app instances; otherwise in process.
    /// </summary>
    public static IServiceCollection AddLive(this IServiceCollection services, IConfiguration configuration)
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
        services.AddSingleton<CaseChangeFeed>();
        return services;
    }
}
