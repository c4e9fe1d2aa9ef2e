using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Automation;

public static class AutomationFeature
{
    /// <summary>The auto-close job (warn, then close idle cases) and the durable job leases it and the signal sweep run under.</summary>
    public static IServiceCollection AddAutomation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AutoCloseOptions>().BindConfiguration(AutoCloseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobLeaseStore>();
        services.AddSingleton<AutoCloseRunner>();
        services.AddPeriodicJob<AutoCloseOptions>(AutoCloseRunner.JobName, o => (o.Enabled, o.Interval),
            sp => sp.GetRequiredService<AutoCloseRunner>().RunOnceAsync);
        return services;
    }

    /// <summary>
    /// Runs <paramref name="run"/> as a <see cref="PeriodicJob"/>, switched on and paced by <typeparamref name="TOptions"/>.
    /// (Registered as a plain singleton: <c>AddHostedService</c> keeps only one registration per implementation type.)
    /// </summary>
    public static IServiceCollection AddPeriodicJob<TOptions>(this IServiceCollection services, string name,
        Func<TOptions, (bool Enabled, TimeSpan Interval)> schedule, Func<IServiceProvider, Func<CancellationToken, Task>> run)
        where TOptions : class =>
        services.AddSingleton<IHostedService>(sp =>
        {
            var (enabled, interval) = schedule(sp.GetRequiredService<IOptions<TOptions>>().Value);
            return new PeriodicJob(name, enabled, interval, run(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PeriodicJob>>());
        });
}
