using System.Security.Claims;
using Dashboard.Web.Features.Portal.SignIn;
using Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Portal;

public static class PortalFeature
{
    /// <summary>
    /// The customer portal under <c>/portal</c>: its cookie scheme and policy (never the dashboard's),
    /// passwordless sign-in, and the customer-scoped reads and case actions.
    /// </summary>
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalSignInOptions>().BindConfiguration(PortalSignInOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Lifetime > TimeSpan.Zero && o.RateWindow > TimeSpan.Zero && o.SessionLifetime > TimeSpan.Zero,
                "Portal:SignIn:Lifetime, RateWindow and SessionLifetime must be positive")
            .ValidateOnStart();

        services.AddAuthentication().AddCookie(PortalAuth.Scheme, o =>
        {
            o.Cookie.Name = PortalAuth.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = PortalAuth.SignInPath;
            o.AccessDeniedPath = PortalAuth.SignInPath;
            o.ReturnUrlParameter = "returnUrl";
            o.SlidingExpiration = true;
        });
        services.AddOptions<CookieAuthenticationOptions>(PortalAuth.Scheme)
            .Configure<IOptions<PortalSignInOptions>>((o, signIn) => o.ExpireTimeSpan = signIn.Value.SessionLifetime);
        services.AddAuthorizationBuilder().AddPolicy(PortalAuth.CustomerPolicy, p => p
            .AddAuthenticationSchemes(PortalAuth.Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new SignedInWithScheme(PortalAuth.Scheme)));

        services.AddScoped<PortalSession>();
        services.AddSingleton<PortalSignInService>();
        services.AddSingleton<PortalQueries>();
        services.AddSingleton<PortalCases>();
        return services;
    }

    /// <summary>
    /// Blazor takes a circuit's user from its <c>/_blazor</c> connection, which the default (dashboard)
    /// scheme alone authenticates. Adds the customer's portal identity to that user, beside a merchant
    /// identity if the browser has both, so portal pages know their customer once live. Which identity
    /// counts is decided by the pages' policies (<see cref="SignedInWithScheme"/>), never by "signed in".
    /// </summary>
    public static IApplicationBuilder UsePortalCircuitIdentity(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/_blazor"), branch => branch.Use(async (http, next) =>
        {
            var portal = await http.AuthenticateAsync(PortalAuth.Scheme);
            if (portal is { Succeeded: true, Principal: { } customer })
            {
                var user = new ClaimsPrincipal(http.User.Identities.Where(i => i.IsAuthenticated));
                user.AddIdentities(customer.Identities);
                http.User = user;
            }
            await next();
        }));

    /// <summary>Sign-out is a POST with antiforgery, so a link cannot sign a customer out.</summary>
    public static void MapPortal(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(PortalAuth.SignOutPath, async (HttpContext http) =>
            {
                await http.SignOutAsync(PortalAuth.Scheme);
                return TypedResults.LocalRedirect(PortalAuth.SignInPath);
            })
            .RequireAuthorization(PortalAuth.CustomerPolicy)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
}
