using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Licences;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Licences;

/// <summary>The owner's pools on a real SQLite file: pasting keys, duplicates, counts, the owners-only setting.</summary>
public class LicencePoolTests : IAsyncLifetime
{
    private const string Owner = "user-owner";
    private const string Agent = "user-agent";
    private const string Product = "prd_testproduct01";

    private TestDatabase _db = null!;
    private LicencePool _pool = null!;
    private string _storeId = "";

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _pool = new LicencePool(_db.Factory, _db.Clock, new StoreAccess(_db.Factory));
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
    public async Task Pasted_keys_are_added_one_per_line_in_order_and_counted()
    {
        var result = await _pool.AddKeysAsync(_storeId, Owner, Product, "  KEY-ONE \r\n\r\nKEY-TWO\nKEY-THREE\n");

        result.Added.ShouldBe(3);
        var product = (await _pool.ProductsAsync(_storeId)).Single();
        (product.Name, product.Available, product.Claimed, product.IsLow).ShouldBe(("Test Product", 3, 0, false));
        await using var ctx = _db.NewContext();
        (await ctx.LicencePoolKeys.OrderBy(k => k.AddedAt).Select(k => k.Key).ToListAsync()).ShouldBe(["KEY-ONE", "KEY-TWO", "KEY-THREE"]);
    }

    [Fact]
    public async Task A_key_pasted_twice_refuses_the_paste_names_it_and_adds_nothing()
    {
        var result = await _pool.AddKeysAsync(_storeId, Owner, Product, "KEY-ONE\nKEY-TWO\nKEY-ONE");

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("The key KEY-ONE is already in the pool or pasted twice. Remove it and add the keys again; nothing was added.");
        result.Duplicates.ShouldBe(["KEY-ONE"]);
        await using var ctx = _db.NewContext();
        (await ctx.LicencePoolKeys.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_key_already_in_the_pool_refuses_the_paste()
    {
        (await _pool.AddKeysAsync(_storeId, Owner, Product, "KEY-ONE")).Added.ShouldBe(1);

        var result = await _pool.AddKeysAsync(_storeId, Owner, Product, "KEY-TWO\nKEY-ONE\nKEY-THREE\nKEY-TWO");

        result.Error.ShouldBe("2 keys are already in the pool or pasted twice. Remove them and add the keys again; nothing was added.");
        result.Duplicates!.Order().ShouldBe(["KEY-ONE", "KEY-TWO"]);
        (await _pool.ProductsAsync(_storeId)).Single().Available.ShouldBe(1);
    }

    [Theory]
    [InlineData("", "Paste at least one key, one per line.")]
    [InlineData("KEY WITH SPACES", "\"KEY WITH SPACES\" is not a key: keys are up to 200 characters without spaces.")]
    public async Task Bad_pastes_are_refused_with_a_reason(string pasted, string error) =>
        (await _pool.AddKeysAsync(_storeId, Owner, Product, pasted)).Error.ShouldBe(error);

    [Fact]
    public async Task More_keys_than_a_paste_allows_are_refused()
    {
        var pasted = string.Join('\n', Enumerable.Range(0, LicencePool.KeysPerPasteMax + 1).Select(i => $"KEY-{i}"));
        (await _pool.AddKeysAsync(_storeId, Owner, Product, pasted)).Error.ShouldBe("At most 1,000 keys at a time; this paste has 1,001.");
    }

    [Fact]
    public async Task A_product_the_store_does_not_sell_is_refused() =>
        (await _pool.AddKeysAsync(_storeId, Owner, "prd_notsoldhere01", "KEY-ONE")).Error.ShouldBe("Choose one of the store's products.");

    [Fact]
    public async Task Only_the_owner_adds_keys_and_changes_the_setting()
    {
        await Should.ThrowAsync<AccessDeniedException>(() => _pool.AddKeysAsync(_storeId, Agent, Product, "KEY-ONE"));
        await Should.ThrowAsync<AccessDeniedException>(() => _pool.SetReplaceOwnersOnlyAsync(_storeId, Agent, true));

        await _pool.SetReplaceOwnersOnlyAsync(_storeId, Owner, true);

        (await _pool.ReplaceOwnersOnlyAsync(_storeId)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_product_with_two_or_fewer_available_keys_is_running_low()
    {
        await _pool.AddKeysAsync(_storeId, Owner, Product, "KEY-ONE\nKEY-TWO");
        (await _pool.ProductsAsync(_storeId)).Single().IsLow.ShouldBeTrue();
    }
}
