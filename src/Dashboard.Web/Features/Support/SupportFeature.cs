using Dashboard.Web.Features.Automation;
using Dashboard.Web.Features.Support.Audit;
using Dashboard.Web.Features.Support.Signals;

namespace Dashboard.Web.Features.Support;

public static class SupportFeature
{
    /// <summary>Platform support's console: the cross-store queue, assignment, the audit log, escalation signals (and their periodic sweep) and payment events.</summary>
    public static IServiceCollection AddSupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SupportConsoleOptions>().Bind(configuration.GetSection(SupportConsoleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PaymentEventsOptions>().Bind(configuration.GetSection(PaymentEventsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SupportQueries>();
        services.AddSingleton<StaffAssignments>();
        services.AddSingleton<StaffAuditQueries>();
        services.AddSingleton<PaymentEventProcessor>();
        // Runs under a lease from JobLeaseStore (registered by AddAutomation).
        services.AddOptions<SignalSweepOptions>().BindConfiguration(SignalSweepOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignalSweepRunner>();
        services.AddPeriodicJob<SignalSweepOptions>(SignalSweepRunner.JobName, o => (o.Enabled, o.Interval),
            sp => sp.GetRequiredService<SignalSweepRunner>().RunOnceAsync);
        return services;
    }

    public static void MapSupport(this IEndpointRouteBuilder app) => app.MapPaymentEvents();
}
