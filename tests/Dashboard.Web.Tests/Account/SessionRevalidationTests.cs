using System.Security.Claims;
using Dashboard.Data.Entities;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Account;

/// <summary>
/// The open dashboard re-checks its sign-in every minute against Identity (the real app's
/// UserManager on its SQLite file): a changed security stamp or a removed user signs the circuit out.
/// Time is a FakeTimeProvider the test moves; each check writes a log line the test waits for.
/// </summary>
public class SessionRevalidationTests(SessionRevalidationTests.App app) : IClassFixture<SessionRevalidationTests.App>
{
    public sealed class App : DashboardAppFactory;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60); // bounds a failure only
    private static readonly TimeSpan Interval = IdentityRevalidatingAuthenticationStateProvider.RevalidationInterval;
    private const string Checked = "revalidated:";

    /// <summary>One circuit's provider, its clock and log, and every authentication state it announced.</summary>
    private sealed class Session(IdentityRevalidatingAuthenticationStateProvider provider, FakeTimeProvider clock, LogCapture log, AppUser user) : IDisposable
    {
        private readonly List<bool> _states = [];
        private readonly SemaphoreSlim _signal = new(0);

        public IdentityRevalidatingAuthenticationStateProvider Provider => provider;
        public FakeTimeProvider Clock => clock;
        public LogCapture Log => log;
        public AppUser User => user;

        /// <summary>true = signed in, false = signed out, in the order announced.</summary>
        public IReadOnlyList<bool> States { get { lock (_states) return [.. _states]; } }

        public void Record(bool signedIn)
        {
            lock (_states) _states.Add(signedIn);
            _signal.Release();
        }

        public async Task WaitForSignOutAsync()
        {
            var until = DateTime.UtcNow + Wait;
            while (!States.Contains(false))
            {
                var left = until - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) throw new TimeoutException("The session was not signed out. Log:\n" + string.Join('\n', log.Lines));
                await _signal.WaitAsync(left);
            }
        }

        public async Task<bool> IsSignedInAsync() => (await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated == true;

        public void Dispose() => provider.Dispose();
    }

    /// <summary>A new user, signed in on a circuit the way Blazor hands the cookie's principal to the provider.</summary>
    private async Task<Session> SignInNewUserAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"u{Guid.NewGuid():N}@test.example";
        var user = new AppUser { UserName = email, Email = email, DisplayName = "Rita Revalidated" };
        (await users.CreateAsync(user, "Long-enough-1!")).Succeeded.ShouldBeTrue();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var identity = app.Services.GetRequiredService<IOptions<IdentityOptions>>();
        principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType).ShouldNotBeNullOrEmpty("the cookie's principal carries the security stamp");

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        var log = new LogCapture();
        var provider = new IdentityRevalidatingAuthenticationStateProvider(log.Factory(), app.Services.GetRequiredService<IServiceScopeFactory>(), identity, clock);
        var session = new Session(provider, clock, log, user);
        provider.AuthenticationStateChanged += async state => session.Record((await state).User.Identity?.IsAuthenticated == true);
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return session;
    }

    private async Task ChangeAsync(AppUser user, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        (await change(users, (await users.FindByIdAsync(user.Id))!)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void The_check_runs_every_minute() => Interval.ShouldBe(TimeSpan.FromMinutes(1));

    [Fact]
    public async Task A_session_whose_security_stamp_changed_is_signed_out_at_the_next_check()
    {
        using var session = await SignInNewUserAsync();
        // A password change or "sign out everywhere" elsewhere: the stamp changes.
        await ChangeAsync(session.User, (users, user) => users.UpdateSecurityStampAsync(user));
        (await session.IsSignedInAsync()).ShouldBeTrue("nothing is checked before the interval");

        session.Clock.Advance(Interval);
        await session.WaitForSignOutAsync();

        session.States.ShouldBe([true, false]);
        (await session.IsSignedInAsync()).ShouldBeFalse();
        (await session.Log.WaitForAsync(Checked, 1, Wait)).Single().ShouldContain("revalidated: signed out");
    }

    [Fact]
    public async Task A_valid_session_stays_signed_in_check_after_check_until_the_user_is_removed()
    {
        using var session = await SignInNewUserAsync();

        for (var check = 1; check <= 3; check++)
        {
            session.Clock.Advance(Interval);
            (await session.Log.WaitForAsync(Checked, check, Wait)).Last().ShouldContain("revalidated: valid");
            (await session.IsSignedInAsync()).ShouldBeTrue($"still signed in after check {check}");
        }

        await ChangeAsync(session.User, (users, user) => users.DeleteAsync(user));
        session.Clock.Advance(Interval);
        await session.WaitForSignOutAsync();
        session.States.ShouldBe([true, false], "signed in once, signed out once: the valid checks announced nothing");
    }
}
