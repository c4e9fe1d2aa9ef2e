using Dashboard.Web.Features.Support.Audit;
using Dashboard.Web.Features.Support.Signals;

namespace Dashboard.Web.Features.Support;

public static class SupportFeature
{
    /// <summary>Platform support's console: the cross-store queue, assignment, the audit log, escalation signals and payment events.</summary>
    public static IServiceCollection AddSupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SupportConsoleOptions>().Bind(configuration.GetSection(SupportConsoleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PaymentEventsOptions>().Bind(configuration.GetSection(PaymentEventsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SupportQueries>();
        services.AddSingleton<StaffAssignments>();
        services.AddSingleton<StaffAuditQueries>();
        services.AddSingleton<PaymentEventProcessor>();
        return services;
    }

    public static void MapSupport(this IEndpointRouteBuilder app) => app.MapPaymentEvents();
}
