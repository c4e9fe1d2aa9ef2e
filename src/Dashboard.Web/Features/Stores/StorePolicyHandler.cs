using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Features.Stores;

/// <summary>One of <see cref="Policies"/> as an ASP.NET Core requirement.</summary>
public sealed record StorePolicyRequirement(string Policy) : IAuthorizationRequirement;

/// <summary>
/// Lets endpoints and components use the named policies; decides with <see cref="StoreAccess"/>, so
/// the rule is the services' own. A <c>string</c> resource is the store id (default: the current store).
/// </summary>
public sealed class StorePolicyHandler(StoreAccess access) : AuthorizationHandler<StorePolicyRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StorePolicyRequirement requirement)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (await access.AllowsAsync(userId, requirement.Policy, context.Resource as string))
            context.Succeed(requirement);
    }
}
