using Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Features.Stores;

public static class StoresFeature
{
    /// <summary>The signed-in user's stores (<see cref="StoreContext"/>) and the named access policies.</summary>
    public static IServiceCollection AddStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<StoreContext>();
        services.AddSingleton<StoreAccess>();
        services.AddSingleton<IAuthorizationHandler, StorePolicyHandler>();
        var authorization = services.AddAuthorizationBuilder();
        foreach (var policy in Policies.All)
            authorization.AddPolicy(policy, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new SignedInWithScheme(IdentityConstants.ApplicationScheme), new StorePolicyRequirement(policy)));
        return services;
    }
}
