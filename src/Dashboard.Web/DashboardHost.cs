using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Web.Components;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Seed;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Support;
using Dashboard.Web.Features.Tickets;
using Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
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

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "dashboard.auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
        });
        services.AddAuthorization();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 8;
            })
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddSingleton<CaseChangeFeed>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<CaseQueries>();
        services.AddScoped<StoreContext>();
        services.AddPlatformSupport();
        services.AddTransient<DemoDataSeeder>();
        builder.AddStoreApi();
        Features.Live.LiveServices.AddLiveUpdates(services, builder.Configuration); // issue 6: Redis feed, presence, notifications, email outbox
        services.AddAttachments(builder.Configuration);
        services.AddTickets(builder.Configuration);

        services.AddHttpContextAccessor();
        // Keys beside the database, so sign-in cookies survive a restart.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(
            Path.GetFullPath(builder.Configuration["Dashboard:DataDirectory"] ?? "data"), "keys")));
    }

    public static void UseDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
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
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapStoreApi();
        app.MapAttachments();
        app.MapTickets();
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
