using System.Security.Claims;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Api;

public class ApiTokensPageTests : DashboardTestContext, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private string _storeId = "";

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _storeId = (await _db.AddStoreAsync("Page Store")).Store.Id;
        await using var ctx = _db.NewContext();
        ctx.Users.AddRange(new AppUser { Id = "owner", UserName = "o@test", Email = "o@test", DisplayName = "Olga Owner", CurrentStoreId = _storeId },
            new AppUser { Id = "agent", UserName = "a@test", Email = "a@test", DisplayName = "Abe Agent", CurrentStoreId = _storeId });
        ctx.StoreMembers.AddRange(new StoreMember { StoreId = _storeId, UserId = "owner", Role = StoreRole.Owner },
            new StoreMember { StoreId = _storeId, UserId = "agent", Role = StoreRole.Agent });
        await ctx.SaveChangesAsync();
        Services.AddSingleton(_db.Factory);
        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton<ApiTokenService>();
        Services.AddSingleton<StoreAccess>();
        Services.AddScoped<StoreContext>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<ApiTokensPage> RenderAs(string userId)
    {
        AddAuthorization().SetAuthorized(userId).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        RenderProviders();
        return Render<ApiTokensPage>();
    }

    [Fact]
    public void Agent_sees_access_denied()
    {
        var page = RenderAs("agent");
        page.WaitForAssertion(() => page.Find("[data-testid=api-tokens-denied]").TextContent.ShouldContain("Access denied"));
        page.FindAll("[data-testid=token-create]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Owner_creates_a_token_and_sees_the_secret_once()
    {
        var page = RenderAs("owner");
        page.WaitForAssertion(() => page.Find("[data-testid=tokens-empty]"));
        var name = page.Find("[data-testid=token-name]");
        (name.TagName == "INPUT" ? name : name.QuerySelector("input")!).Input("Zapier");
        await page.Find("[data-testid=token-create]").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=token-secret]").TextContent.ShouldStartWith("sk_"));
        var secret = page.Find("[data-testid=token-secret]").TextContent;
        page.FindAll("[data-testid=token-row]").Count.ShouldBe(1);
        page.Find("[data-testid=token-row]").TextContent.ShouldContain("Zapier");
        page.Find("[data-testid=token-row]").TextContent.ShouldContain(secret[..12]);
        page.Find("[data-testid=token-row]").TextContent.ShouldNotContain(secret);
        await using var ctx = _db.NewContext();
        (await ctx.ApiTokens.SingleAsync()).SecretHash.ShouldBe(ApiTokenService.Hash(secret));

        page.Find("[data-testid=token-secret-dismiss]").Click();
        page.FindAll("[data-testid=token-secret]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Creating_without_a_name_shows_the_servers_error()
    {
        var page = RenderAs("owner");
        page.WaitForAssertion(() => page.Find("[data-testid=token-create]"));
        await page.Find("[data-testid=token-create]").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=token-error]").TextContent.ShouldBe("Name is required"));
    }
}
