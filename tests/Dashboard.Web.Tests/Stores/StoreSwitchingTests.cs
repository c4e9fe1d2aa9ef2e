using System.Security.Claims;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Tests.Infrastructure;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Stores;

/// <summary>
/// A user in two stores switches between them from the app bar's store menu (bUnit, real SQLite):
/// the choice is saved and the cases page reloads on the new store; a store they are not a member of
/// is refused by the service, whatever the page offers.
/// </summary>
public class StoreSwitchingTests : DashboardTestContext, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Store _alpha = null!, _beta = null!, _gamma = null!;
    private const string UserId = "user-mia";

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _alpha = (await _db.AddStoreAsync("Alpha Keys")).Store;
        _beta = (await _db.AddStoreAsync("Beta Games")).Store;
        _gamma = (await _db.AddStoreAsync("Gamma Soft")).Store; // Mia is not a member
        await using (var db = _db.NewContext())
        {
            db.Users.Add(new AppUser { Id = UserId, UserName = "mia@test.example", Email = "mia@test.example", DisplayName = "Mia Member", CurrentStoreId = _alpha.Id });
            db.StoreMembers.AddRange(
                new StoreMember { StoreId = _alpha.Id, UserId = UserId, Role = StoreRole.Owner },
                new StoreMember { StoreId = _beta.Id, UserId = UserId, Role = StoreRole.Agent });
            await db.SaveChangesAsync();
        }
        Services.AddSingleton(_db.Factory);
        Services.AddScoped<StoreContext>();
        AddAuthorization().SetAuthorized("Mia Member").SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<string?> SavedCurrentStoreAsync()
    {
        await using var db = _db.NewContext();
        return await db.Users.Where(u => u.Id == UserId).Select(u => u.CurrentStoreId).SingleAsync();
    }

    [Fact]
    public async Task Picking_another_of_the_users_stores_saves_it_and_reloads_the_cases_on_it()
    {
        var scope = (await StoreContext.LoadAsync(_db.Factory, UserId))!;
        scope.Stores.Select(s => s.Name).ShouldBe(["Alpha Keys", "Beta Games"], "only the user's stores, by name");
        var providers = RenderProviders();
        var switcher = Render<StoreSwitcher>(p => p.Add(s => s.Scope, scope));
        switcher.Find("[data-testid=store-name]").TextContent.Trim().ShouldBe("Alpha Keys");

        switcher.Find("[data-testid=store-name]").Click();
        providers.WaitForAssertion(() => providers.FindAll($"[data-testid=store-option-{_beta.Id}]").ShouldNotBeEmpty());
        providers.FindAll($"[data-testid=store-option-{_gamma.Id}]").ShouldBeEmpty();
        providers.Find($"[data-testid=store-option-{_alpha.Id}]").ClassList.ShouldContain("mud-disabled", "the current store is not offered again");
        providers.Find($"[data-testid=store-option-{_beta.Id}]").Click();

        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        providers.WaitForAssertion(() => navigation.History.ShouldNotBeEmpty());
        var reload = navigation.History.First();
        new Uri(reload.Uri, UriKind.RelativeOrAbsolute).ToString().ShouldEndWith("/cases");
        reload.Options.ForceLoad.ShouldBeTrue("a full reload, so every page and subscription starts on the new store");
        (await SavedCurrentStoreAsync()).ShouldBe(_beta.Id);
        (await StoreContext.LoadAsync(_db.Factory, UserId))!.Current!.Id.ShouldBe(_beta.Id, "the next circuit starts in Beta Games");
    }

    [Fact]
    public async Task A_store_the_user_is_not_a_member_of_is_refused_and_nothing_changes()
    {
        var stores = Services.GetRequiredService<StoreContext>();

        (await stores.SwitchAsync(_gamma.Id)).ShouldBeFalse();
        (await stores.SwitchAsync("shp_doesnotexist00001")).ShouldBeFalse();

        (await stores.GetAsync())!.Current!.Id.ShouldBe(_alpha.Id);
        (await SavedCurrentStoreAsync()).ShouldBe(_alpha.Id);
        (await stores.SwitchAsync(_beta.Id)).ShouldBeTrue("a store of the user is fine");
        (await stores.GetAsync())!.Current!.Id.ShouldBe(_beta.Id);
    }

    [Fact]
    public async Task A_user_removed_from_their_current_store_starts_in_another_of_their_stores()
    {
        await using (var db = _db.NewContext())
            await db.StoreMembers.Where(m => m.UserId == UserId && m.StoreId == _alpha.Id).ExecuteDeleteAsync();

        var scope = (await StoreContext.LoadAsync(_db.Factory, UserId))!;

        scope.Stores.Select(s => s.Id).ShouldBe([_beta.Id]);
        scope.Current!.Id.ShouldBe(_beta.Id, "the saved store is no longer theirs: never shown");
    }
}
