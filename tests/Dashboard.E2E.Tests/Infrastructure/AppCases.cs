using Dashboard.Data;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Features.InboundMail;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.E2E.Tests.Infrastructure;

/// <summary>
/// Opens a case on the running app's database the way a customer does: through the product's own
/// <see cref="CaseService.OpenAsync"/> (what the portal and email-in call), wired with the product's
/// feature registrations. The app sees the case on its next read (the test navigates to it).
/// </summary>
public static class AppCases
{
    public static async Task<string> OpenAsync(AppServer app, string storeId, string subject, string body)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:DataDirectory"] = app.DataDirectory,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton(TimeProvider.System);
        services.AddDashboardData(config);
        services.AddStores(config);
        services.AddLive(config);
        services.AddEmail(config);
        services.AddInboundMail(config);
        // Links in the emails point at the running app (the tool itself listens nowhere).
        services.AddSingleton(new PublicUrls(new PortalOptions(), app.BaseUrl));
        services.AddAttachments(config);
        services.AddCases(config);
        await using var provider = services.BuildServiceProvider();

        string orderId;
        await using (var db = await provider.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
            orderId = await db.Orders.Where(o => o.StoreId == storeId && o.Status == Dashboard.Domain.OrderStatus.Completed)
                .OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var result = await provider.GetRequiredService<CaseService>().OpenAsync(storeId, orderId, subject, body);
        return result.Case?.Id ?? throw new InvalidOperationException($"The case was not opened: {result.Error}");
    }
}
