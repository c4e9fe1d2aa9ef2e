using Dashboard.Data;
using Dashboard.Web.Components;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Seed;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Support;
using Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;

namespace Dashboard.Web;

/// <summary>The host's wiring, in one place: services, then the request pipeline.</summary>
public static class DashboardHost
{
    public static void AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddDashboardData(builder.Configuration);
        services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.Section);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddAccounts(builder.Configuration);

        services.AddSingleton<CaseChangeFeed>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<CaseQueries>();
        services.AddScoped<StoreContext>();
        services.AddPlatformSupport();
        services.AddTransient<DemoDataSeeder>();
        builder.AddStoreApi();
        Features.Live.LiveServices.AddLiveUpdates(services, builder.Configuration); // issue 6: Redis feed, presence, notifications, email outbox
        services.AddAttachments(builder.Configuration);

        // X-Frame-Options is DENY on every response (SecurityHeaders), not antiforgery's SAMEORIGIN.
        services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);
        services.AddHttpContextAccessor();
        // Keys beside the database, so sign-in cookies survive a restart.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(
            Path.GetFullPath(builder.Configuration["Dashboard:DataDirectory"] ?? "data"), "keys")));
    }

    public static void UseDashboard(this WebApplication app)
    {
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
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        // The full policy, frame-ancestors included, comes from SecurityHeaders on every response.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAccountEndpoints();
        app.MapStoreApi();
        app.MapAttachments();
    }

    /// <summary>Creates and migrates the database; in Development seeds the demo stores once.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await DatabaseSetup.MigrateAsync(factory);
        var demo = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoDataOptions>>().Value;
        if (demo.Enabled)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
            app.Lifetime.ApplicationStarted.Register(() => DemoDataSeeder.PrintLogins(app));
        }
    }
}
