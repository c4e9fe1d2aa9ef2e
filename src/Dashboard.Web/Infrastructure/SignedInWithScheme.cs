using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// Passes only when the user holds an authenticated identity issued by <see cref="Scheme"/>. Binds a
/// policy to its sign-in: a Blazor circuit's user may carry a merchant and a customer identity at once
/// (<c>PortalCircuitIdentity</c>), and "authenticated" alone would let either stand in for the other.
/// The requirement is its own handler (ASP.NET Core runs such requirements without registration).
/// </summary>
public sealed class SignedInWithScheme(string scheme) : AuthorizationHandler<SignedInWithScheme>, IAuthorizationRequirement
{
    public string Scheme { get; } = scheme;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SignedInWithScheme requirement)
    {
        if (context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == requirement.Scheme))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
