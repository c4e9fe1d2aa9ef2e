namespace Dashboard.Web.Features.Automation;

public static class AutomationFeature
{
    /// <summary>The auto-close job (warn, then close idle cases) and the durable job leases it runs under.</summary>
    public static IServiceCollection AddAutomation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AutoCloseOptions>().BindConfiguration(AutoCloseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobLeaseStore>();
        services.AddSingleton<AutoCloseRunner>();
        services.AddHostedService<AutoCloseJob>();
        return services;
    }
}
