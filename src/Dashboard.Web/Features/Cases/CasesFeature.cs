using Dashboard.Web.Features.Cases.Effects;

namespace Dashboard.Web.Features.Cases;

public static class CasesFeature
{
    /// <summary>The case rules path (<see cref="CaseService"/>), its reads, and one handler per case effect.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CaseService>();
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<ICaseEffectHandler, NotifyMerchantHandler>();
        services.AddSingleton<ICaseEffectHandler, EmailCustomerHandler>();
        services.AddSingleton<ICaseEffectHandler, SendAutoReplyHandler>();
        services.AddSingleton<CaseEffectHandlers>();
        return services;
    }
}
