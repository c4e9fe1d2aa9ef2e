using System.Security.Claims;
using Dashboard.Data.Entities;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Components.Account;

/// <summary>
/// Re-checks a connected circuit's user every <see cref="RevalidationInterval"/>: a user who was removed,
/// locked by hand or whose security stamp changed (new password, two-factor change, signed out everywhere)
/// loses the open dashboard too, not only the next page load. The same loop as ASP.NET Core's
/// RevalidatingServerAuthenticationStateProvider, but waiting on <see cref="TimeProvider"/>, so tests drive the clock.
/// </summary>
public sealed class IdentityRevalidatingAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    public static readonly TimeSpan RevalidationInterval = SessionValidation.Interval;

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IOptions<IdentityOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<IdentityRevalidatingAuthenticationStateProvider> _logger;
    private CancellationTokenSource? _loop;

    public IdentityRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options, TimeProvider clock)
    {
        _scopeFactory = scopeFactory;
        _options = options;
        _clock = clock;
        _logger = loggerFactory.CreateLogger<IdentityRevalidatingAuthenticationStateProvider>();
        AuthenticationStateChanged += RestartLoop;
    }

    private void RestartLoop(Task<AuthenticationState> state)
    {
        _loop?.Cancel();
        _loop?.Dispose();
        _loop = new CancellationTokenSource();
        _ = RevalidateAsync(state, _loop.Token);
    }

    private async Task RevalidateAsync(Task<AuthenticationState> stateTask, CancellationToken ct)
    {
        try
        {
            var state = await stateTask;
            // A customer-only circuit (the portal) has no dashboard user to re-check; its cookie expires on its own.
            if (!state.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme)) return;
            // A fixed schedule from sign-in (every minute), whatever each check took.
            using var timer = new PeriodicTimer(RevalidationInterval, _clock);
            while (await timer.WaitForNextTickAsync(ct))
            {
                bool valid;
                try { valid = await ValidateAsync(state); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogError(ex, "Revalidating the session failed; signing it out");
                    valid = false;
                }
                _logger.LogDebug("Session of user {UserId} revalidated: {Outcome}",
                    state.User.FindFirstValue(ClaimTypes.NameIdentifier), valid ? "valid" : "signed out");
                if (valid) continue;
                SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
                return;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { /* a new state replaced this loop */ }
    }

    private async Task<bool> ValidateAsync(AuthenticationState state)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await SessionValidation.IsCurrentAsync(userManager, state.User, _options.Value);
    }

    public void Dispose()
    {
        AuthenticationStateChanged -= RestartLoop;
        _loop?.Cancel();
        _loop?.Dispose();
    }
}
