using Dashboard.Data;
using Dashboard.Data.Entities;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Dashboard.Web.Infrastructure;

namespace Dashboard.Web.Components.Account;

public static class AccountFeature
{
    public const string DataProtectionApplicationName = "Dashboard";

    /// <summary>
    /// Sign-in: ASP.NET Core Identity on the dashboard database, the auth cookie and its keys, session
    /// checks every minute, one answer for every refused sign-in, two-factor sign-in (docs/security.md).
    /// </summary>
    public static IServiceCollection AddAccount(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        // [Authorize] on a dashboard page means a dashboard sign-in: a customer's portal identity
        // (which a Blazor circuit may carry too) never satisfies it.
        services.AddAuthorizationBuilder().SetDefaultPolicy(new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new SignedInWithScheme(IdentityConstants.ApplicationScheme))
            .Build());
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = AccountPaths.Login;
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "dashboard.auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
        });
        // The cookie's times and the security stamp check follow the app's clock (tests drive it).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            // A locked or removed user's session ends within a minute, not Identity's default 30.
            o.ValidationInterval = SessionValidation.Interval;
            o.TimeProvider = clock;
        });
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
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<TwoFactorAccounts>();
        services.AddScoped<UserAccess>();

        // Keys in the database, so sign-in and antiforgery cookies survive a restart and every instance
        // on the same database reads the others' (docs/deploy.md). The application name is fixed: by
        // default it is the content root path, which differs between two installs and would isolate them.
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName).PersistKeysToDbContext<DashboardDbContext>();
        return services;
    }
}
