namespace Dashboard.Web.Features.Licences;

public static class LicencesFeature
{
    /// <summary>Licence actions from a case (<see cref="LicenceActions"/>) and their customer emails.</summary>
    public static IServiceCollection AddLicences(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<LicenceEmails>();
        services.AddSingleton<LicenceActions>();
        return services;
    }
}
