namespace Dashboard.Web.Features.Notifications;

public static class NotificationsFeature
{
    /// <summary>Who is viewing or typing on a case, and the notification menu's reads.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CasePresence>();
        services.AddSingleton<NotificationQueries>();
        return services;
    }
}
