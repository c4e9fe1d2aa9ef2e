namespace Dashboard.Web.Features.Licences;

public static class LicencesFeature
{
    /// <summary>Licence actions from a case (<see cref="LicenceActions"/>), their customer emails, and the owner's pools (<see cref="LicencePool"/>).</summary>
    public static IServiceCollection AddLicences(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<LicenceEmails>();
        services.AddSingleton<LicenceActions>();
        services.AddSingleton<LicencePool>();
        return services;
    }
}
