namespace Dashboard.Web.Features.Team;

public static class TeamFeature
{
    /// <summary>The store's team: members and roles (assignment menus, Settings → Team).</summary>
    public static IServiceCollection AddTeam(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TeamService>();
        return services;
    }
}
