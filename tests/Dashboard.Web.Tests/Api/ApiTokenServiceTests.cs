using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Api;

public class ApiTokenServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ApiTokenService _tokens = null!;
    private string _storeId = "";
    private const string Owner = "user-owner";
    private const string Agent = "user-agent";

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _tokens = new ApiTokenService(_db.Factory, _db.Clock, new StoreAccess(_db.Factory));
        _storeId = (await _db.AddStoreAsync()).Store.Id;
        await using var ctx = _db.NewContext();
        ctx.Users.AddRange(new AppUser { Id = Owner, UserName = "o@test", Email = "o@test", DisplayName = "Olga Owner" },
            new AppUser { Id = Agent, UserName = "a@test", Email = "a@test", DisplayName = "Abe Agent" });
        ctx.StoreMembers.AddRange(new StoreMember { StoreId = _storeId, UserId = Owner, Role = StoreRole.Owner },
            new StoreMember { StoreId = _storeId, UserId = Agent, Role = StoreRole.Agent });
        await ctx.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Create_stores_only_the_hash_and_a_display_prefix()
    {
        var created = await _tokens.CreateAsync(Owner, _storeId, "  Zapier ", ApiScopes.CasesRead | ApiScopes.CasesWrite, null);
        created.Succeeded.ShouldBeTrue(created.Error);
        var secret = created.Value!.Secret;
        secret.ShouldStartWith("sk_");
        secret.Length.ShouldBeGreaterThanOrEqualTo(40);
        await using var ctx = _db.NewContext();
        var row = await ctx.ApiTokens.SingleAsync();
        row.Name.ShouldBe("Zapier");
        row.SecretHash.ShouldBe(ApiTokenService.Hash(secret));
        row.SecretHash.ShouldNotContain(secret);
        row.Prefix.ShouldBe(secret[..12]);
        row.CreatedByUserId.ShouldBe(Owner);
        var (caller, failure) = await _tokens.AuthenticateAsync(secret);
        failure.ShouldBe(ApiAuthFailure.None);
        caller!.AuthorName.ShouldBe("API: Zapier");
        caller.StoreId.ShouldBe(_storeId);
    }

    [Theory]
    [InlineData("", ApiScopes.CasesRead, "Name is required")]
    [InlineData("ok", ApiScopes.None, "Choose at least one scope")]
    public async Task Create_refuses_bad_input(string name, ApiScopes scopes, string error) =>
        (await _tokens.CreateAsync(Owner, _storeId, name, scopes, null)).Error.ShouldBe(error);

    [Fact]
    public async Task Create_refuses_a_past_expiry() =>
        (await _tokens.CreateAsync(Owner, _storeId, "x", ApiScopes.CasesRead, _db.Clock.UtcNow.AddMinutes(-1))).Error.ShouldBe("Expiry must be in the future");

    [Fact]
    public async Task Agents_cannot_create_list_or_revoke()
    {
        (await _tokens.CreateAsync(Agent, _storeId, "x", ApiScopes.CasesRead, null)).Error.ShouldBe("Only the store's owner can manage API tokens");
        var created = await _tokens.CreateAsync(Owner, _storeId, "x", ApiScopes.CasesRead, null);
        (await _tokens.ListAsync(Agent, _storeId)).ShouldBeEmpty();
        (await _tokens.ListAsync(Owner, _storeId)).Count.ShouldBe(1);
        (await _tokens.RevokeAsync(Agent, _storeId, created.Value!.Token.Id)).Error.ShouldBe("Only the store's owner can manage API tokens");
    }

    [Fact]
    public async Task Revoked_and_expired_tokens_fail_authentication()
    {
        var a = await _tokens.CreateAsync(Owner, _storeId, "a", ApiScopes.CasesRead, null);
        var b = await _tokens.CreateAsync(Owner, _storeId, "b", ApiScopes.CasesRead, _db.Clock.UtcNow.AddHours(1));
        (await _tokens.RevokeAsync(Owner, _storeId, a.Value!.Token.Id)).Succeeded.ShouldBeTrue();
        (await _tokens.RevokeAsync(Owner, _storeId, a.Value.Token.Id)).Error.ShouldBe("Token is already revoked");
        (await _tokens.AuthenticateAsync(a.Value.Secret)).Failure.ShouldBe(ApiAuthFailure.Revoked);
        (await _tokens.AuthenticateAsync(b.Value!.Secret)).Failure.ShouldBe(ApiAuthFailure.None);
        _db.Clock.Advance(TimeSpan.FromHours(2));
        (await _tokens.AuthenticateAsync(b.Value.Secret)).Failure.ShouldBe(ApiAuthFailure.Expired);
        (await _tokens.AuthenticateAsync("sk_unknown_000000000000")).Failure.ShouldBe(ApiAuthFailure.Unknown);
        (await _tokens.ListAsync(Owner, _storeId)).Select(t => t.StatusAt(_db.Clock.UtcNow)).ShouldBe(["Expired", "Revoked"], ignoreOrder: true);
    }

    [Fact]
    public async Task Last_used_is_written_at_most_once_a_minute()
    {
        var created = await _tokens.CreateAsync(Owner, _storeId, "a", ApiScopes.CasesRead, null);
        async Task<DateTime?> LastUsed() { await using var c = _db.NewContext(); return (await c.ApiTokens.SingleAsync()).LastUsedAt; }
        await _tokens.AuthenticateAsync(created.Value!.Secret);
        var first = await LastUsed();
        first.ShouldBe(_db.Clock.UtcNow);
        _db.Clock.Advance(TimeSpan.FromSeconds(30));
        await _tokens.AuthenticateAsync(created.Value.Secret);
        (await LastUsed()).ShouldBe(first);
        _db.Clock.Advance(TimeSpan.FromSeconds(31));
        await _tokens.AuthenticateAsync(created.Value.Secret);
        (await LastUsed()).ShouldBe(_db.Clock.UtcNow);
    }
}
