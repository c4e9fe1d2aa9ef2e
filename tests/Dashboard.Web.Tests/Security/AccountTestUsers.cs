using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Security;

/// <summary>Fresh accounts in a running app, so tests that lock or change one never disturb another.</summary>
public static class AccountTestUsers
{
    public const string Password = "Test-pass-2026!";
    public const string Northwind = "shp_northwindkeys01";

    public static async Task<AppUser> CreateAsync(DashboardAppFactory app, bool platformSupport = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"user-{Guid.NewGuid():N}@test.example";
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test User",
            IsPlatformSupport = platformSupport, CurrentStoreId = platformSupport ? null : Northwind,
        };
        var created = await users.CreateAsync(user, Password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        if (!platformSupport)
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
            db.StoreMembers.Add(new StoreMember { StoreId = Northwind, UserId = user.Id, Role = StoreRole.Agent });
            await db.SaveChangesAsync();
        }
        return user;
    }

    /// <summary>The user as the database has it now.</summary>
    public static async Task<AppUser?> ReloadAsync(DashboardAppFactory app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId);
    }

    /// <summary>Runs <paramref name="action"/> with the app's services in a scope (UserManager, UserAccess…).</summary>
    public static async Task<T> WithServicesAsync<T>(DashboardAppFactory app, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
