using Dashboard.Data;
using Dashboard.Web.Components;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Automation;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Licences;
using Dashboard.Web.Features.Mcp;
using Dashboard.Web.Features.Seed;
using Dashboard.Web.Features.Settings;
using Dashboard.Web.Features.Team;
using Dashboard.Web.Features.SavedReplies;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Support;
using Dashboard.Web.Features.Tickets;
using Dashboard.Web.Infrastructure;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Features.InboundMail;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Notifications;
using Dashboard.Web.Features.Operations;
using Dashboard.Web.Features.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Dashboard.Web;

/// <summary>The host's wiring, in one place: services, then the request pipeline.</summary>
public static class DashboardHost
{
    public static void AddDashboard(this WebApplicationBuilder builder)
    {
        builder.ResolveDataDirectory();
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddDashboardData(configuration);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        // X-Frame-Options is DENY on every response (SecurityHeaders), not antiforgery's SAMEORIGIN.
        services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);
        services.AddHttpContextAccessor();

        // The features, one line each; a new feature adds its Add<Area> here (docs/architecture.md).
        services.AddAccount(configuration);
        services.AddStores(configuration);
        services.AddCases(configuration);
        services.AddLive(configuration);
        services.AddNotifications(configuration);
        services.AddEmail(configuration);
        services.AddInboundMail(configuration);
        services.AddAttachments(configuration);
        services.AddSupport(configuration);
        services.AddPortal(configuration);
        services.AddStoreApi(configuration);
        services.AddMcp(configuration);
        services.AddTickets(configuration);
        services.AddSettings(configuration);
        services.AddTeam(configuration);
        services.AddSavedReplies(configuration);
        services.AddAutomation(configuration);
        services.AddLicences(configuration);
        services.AddSeed(configuration);
        services.AddOperations(configuration);
    }

    public static void UseDashboard(this WebApplication app)
    {
        app.UseForwardedHeadersFromConfiguration();
        app.UseSecurityHeaders(sendHsts: !app.Environment.IsDevelopment());
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        // The repository's own static files (logo, favicon, styles), served under /assets.
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(TopLevelSettings.AssetsPath(app.Environment)),
            RequestPath = "/assets",
        });

        app.UseAuthentication();
        app.UsePortalCircuitIdentity();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        // The full policy, frame-ancestors included, comes from SecurityHeaders on every response.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        // The features' endpoints, one line each.
        app.MapAccount();
        app.MapStoreApi();
        app.MapMcpServer();
        app.MapAttachments();
        app.MapInboundMail();
        app.MapPortal();
        app.MapTickets();
        app.MapSupport();
        app.MapOperations();
    }

    /// <summary>
    /// Checks the case effect handlers, creates and migrates the database (unless <c>Database:MigrateOnStart</c>
    /// says a migration bundle does it); with demo data on, seeds the demo stores once.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        // Built now rather than on the first case change: it refuses to exist while an effect of the
        // state machine has no handler, and that must stop the app at start.
        app.Services.GetRequiredService<Features.Cases.Effects.CaseEffectHandlers>();
        var factory = app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var schemaCurrent = true;
        if (database.ShouldMigrateOnStart(app.Environment.IsDevelopment()))
        {
            await DatabaseSetup.MigrateAsync(factory);
        }
        else
        {
            await using var db = await factory.CreateDbContextAsync();
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            schemaCurrent = pending.Count == 0;
            if (!schemaCurrent)
                app.Logger.LogWarning("Database:MigrateOnStart is off and {Count} migration(s) are pending; /health/ready answers 503 until the migration bundle has run", pending.Count);
        }
        var demo = app.Services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        if (demo.Enabled && schemaCurrent)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, demo.Enabled));
    }
}
