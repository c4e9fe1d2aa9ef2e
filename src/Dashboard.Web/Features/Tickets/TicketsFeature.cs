using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Tickets.Api;

namespace Dashboard.Web.Features.Tickets;

/// <summary>Platform support tickets: the one registration (services) and the one mapping (API) of the feature.</summary>
public static class TicketsFeature
{
    public static IServiceCollection AddTickets(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration; // no options of its own: limits are the contract's (TicketLimits), the rest is shared
        services.AddSingleton<TicketChangeFeed>();
        services.AddSingleton<TicketEmails>();
        services.AddSingleton<TicketService>();
        services.AddSingleton<TicketQueries>();
        services.AddSingleton<SupportTicketQueries>();
        services.AddSupportCaseOpenApi();
        return services;
    }

    public static void MapTickets(this WebApplication app)
    {
        app.UseApiErrorEnvelope("/api");
        app.MapSupportCaseEndpoints();
    }
}
