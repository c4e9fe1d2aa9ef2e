using System.Net;
using Dashboard.Data.Entities;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Security;

/// <summary>
/// A locked or removed user's sessions end within a minute: the security stamp is checked again once
/// a minute has passed on the app's clock, which this test moves by hand.
/// </summary>
public class SessionEndTests(SessionEndTests.App app) : IClassFixture<SessionEndTests.App>
{
    public sealed class App : DashboardAppFactory
    {
        public TestClock Clock { get; } = new(TimeProvider.System.GetUtcNow());

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
        }
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<HttpStatusCode> CaseListStatusAsync(FormClient client)
    {
        using var response = await client.Http.GetAsync("/cases", Ct);
        if (response.StatusCode == HttpStatusCode.Redirect) response.Headers.Location!.ToString().ShouldContain(AccountPaths.Login);
        return response.StatusCode;
    }

    private async Task<(AppUser User, FormClient Client)> SignedInUserAsync()
    {
        var user = await AccountTestUsers.CreateAsync(app);
        var client = FormClient.For(app);
        (await client.SignInAsync(user.Email!, AccountTestUsers.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CaseListStatusAsync(client)).ShouldBe(HttpStatusCode.OK);
        return (user, client);
    }

    public static TheoryData<string> Removals => ["lock", "remove from store", "delete"];

    [Theory]
    [MemberData(nameof(Removals))]
    public async Task A_locked_or_removed_users_session_ends_once_a_minute_has_passed(string removal)
    {
        var (user, client) = await SignedInUserAsync();

        var result = await AccountTestUsers.WithServicesAsync(app, s =>
        {
            var access = s.GetRequiredService<UserAccess>();
            return removal switch
            {
                "lock" => access.LockAsync(user.Id),
                "remove from store" => access.RemoveFromStoreAsync(AccountTestUsers.Northwind, user.Id),
                "delete" => access.DeleteAsync(user.Id),
                _ => throw new ArgumentOutOfRangeException(nameof(removal)),
            };
        });
        result.Succeeded.ShouldBeTrue();

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        (await CaseListStatusAsync(client)).ShouldBe(HttpStatusCode.OK, "checked at most once a minute");
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        (await CaseListStatusAsync(client)).ShouldBe(HttpStatusCode.Redirect, "a minute later the session is over");
    }

    [Fact]
    public async Task Wrong_passwords_from_someone_else_lock_sign_in_but_do_not_end_the_owners_session()
    {
        var (user, client) = await SignedInUserAsync();
        var stranger = FormClient.For(app);
        for (var i = 0; i < 5; i++) (await stranger.SignInAsync(user.Email!, "Wrong-password-" + i)).Dispose();
        (await AccountTestUsers.WithServicesAsync(app, async s =>
            await s.GetRequiredService<UserManager<AppUser>>().IsLockedOutAsync((await AccountTestUsers.ReloadAsync(app, user.Id))!))).ShouldBeTrue();

        app.Clock.Advance(TimeSpan.FromMinutes(2));

        (await CaseListStatusAsync(client)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_open_dashboards_check_fails_for_a_locked_or_deleted_user_and_runs_every_minute()
    {
        SessionValidation.Interval.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        var locked = await AccountTestUsers.CreateAsync(app);
        var deleted = await AccountTestUsers.CreateAsync(app);
        var kept = await AccountTestUsers.CreateAsync(app);

        var results = await AccountTestUsers.WithServicesAsync(app, async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var signIn = s.GetRequiredService<SignInManager<AppUser>>();
            var options = s.GetRequiredService<IOptions<IdentityOptions>>().Value;
            var principals = new Dictionary<string, System.Security.Claims.ClaimsPrincipal>();
            foreach (var user in new[] { locked, deleted, kept })
                principals[user.Id] = await signIn.CreateUserPrincipalAsync((await users.FindByIdAsync(user.Id))!);
            var before = await SessionValidation.IsCurrentAsync(users, principals[locked.Id], options);
            var access = s.GetRequiredService<UserAccess>();
            await access.LockAsync(locked.Id);
            await access.DeleteAsync(deleted.Id);
            return (before,
                Locked: await SessionValidation.IsCurrentAsync(users, principals[locked.Id], options),
                Deleted: await SessionValidation.IsCurrentAsync(users, principals[deleted.Id], options),
                Kept: await SessionValidation.IsCurrentAsync(users, principals[kept.Id], options));
        });

        results.before.ShouldBeTrue();
        results.Locked.ShouldBeFalse();
        results.Deleted.ShouldBeFalse();
        results.Kept.ShouldBeTrue();
    }
}
