namespace Dashboard.Web.Features.Settings;

public static class SettingsFeature
{
    /// <summary>Settings → Cases (auto-reply, auto-close periods, notification address).</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CaseSettingsService>();
        return services;
    }
}
