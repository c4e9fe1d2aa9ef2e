using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Dashboard.Web.Infrastructure;

namespace Dashboard.Web.Features.Email;

public static class EmailFeature
{
    /// <summary>Composing case emails into the outbox, and the background sender (SMTP, or .eml files without it).</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddSingleton(sp => new PublicUrls(sp.GetRequiredService<IOptions<PortalOptions>>(), sp.GetRequiredService<IServer>()));
        services.AddSingleton<CaseEmails>();
        services.AddSingleton<EmailDeliveryFactory>();
        // Leases name their owner process, so a restarted instance can release its dead predecessor's at once.
        services.AddOptions<Infrastructure.InstanceOptions>().BindConfiguration(Infrastructure.InstanceOptions.Section);
        services.AddSingleton<Infrastructure.ProcessIdentity>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}
