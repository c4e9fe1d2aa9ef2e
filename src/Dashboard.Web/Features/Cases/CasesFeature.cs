using Dashboard.Web.Features.Cases.Effects;

namespace Dashboard.Web.Features.Cases;

public static class CasesFeature
{
    /// <summary>The case rules path (<see cref="CaseService"/>), its reads, and one handler per case effect.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CaseService>();
        services.AddSingleton<CaseQueries>();
        services.AddCaseEffects();
        return services;
    }

    /// <summary>
    /// One handler per <see cref="Dashboard.Domain.CaseEffects"/> flag and their registry: the host and the
    /// tests build the registry from this one list, and the host builds it at start
    /// (<see cref="DashboardHost.PrepareDatabaseAsync"/>), so a flag without a handler stops the app from starting.
    /// </summary>
    public static IServiceCollection AddCaseEffects(this IServiceCollection services)
    {
        services.AddSingleton<ICaseEffectHandler, NotifyMerchantHandler>();
        services.AddSingleton<ICaseEffectHandler, EmailCustomerHandler>();
        services.AddSingleton<ICaseEffectHandler, SendAutoReplyHandler>();
        services.AddSingleton<ICaseEffectHandler, SendAutoCloseWarningHandler>();
        services.AddSingleton<ICaseEffectHandler, SendAutoClosedNoticeHandler>();
        services.AddSingleton<CaseEffectHandlers>();
        return services;
    }
}
