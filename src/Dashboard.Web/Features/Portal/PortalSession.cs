using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Features.Portal;

/// <summary>
/// The signed-in customer of this circuit (or request): the normalized email of the portal identity,
/// never a merchant's. Every portal read and action takes its customer from here, never from the URL.
/// </summary>
public sealed class PortalSession(AuthenticationStateProvider auth)
{
    public async Task<string?> CustomerEmailAsync() => PortalAuth.CustomerEmail((await auth.GetAuthenticationStateAsync()).User);
}
