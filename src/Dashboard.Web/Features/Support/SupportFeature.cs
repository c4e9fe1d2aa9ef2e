namespace Dashboard.Web.Features.Support;

public static class SupportFeature
{
    /// <summary>Platform support's console: escalated cases of every store.</summary>
    public static IServiceCollection AddSupport(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<SupportQueries>();
}
