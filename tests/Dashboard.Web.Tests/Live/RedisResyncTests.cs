using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Live;

/// <summary>
/// Pub/sub is not a queue: what one instance publishes while Redis is down never reaches the other.
/// When Redis is back, every instance tells its live views to read the database again, so they
/// converge without waiting for some later change.
/// </summary>
public class RedisResyncTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60); // bounds a failure only
    private TestDatabase _db = null!;
    private RedisServer _redis = null!;
    private LiveAppHost _a = null!, _b = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Redis:Connection"] = _redis.Connection };
        _a = new LiveAppHost(_db.Directory, settings);
        _b = new LiveAppHost(_db.Directory, settings);
        (await _a.WaitRedisAsync()).ShouldBeTrue();
        (await _b.WaitRedisAsync()).ShouldBeTrue();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _a.DisposeAsync();
            await _b.DisposeAsync();
        }
        finally
        {
            await _redis.DisposeAsync();
            await _db.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_change_missed_while_redis_was_down_is_caught_up_by_a_resync_when_it_returns()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        using var onB = new FeedRecorder(_b.Feed, store.Id);

        _redis.Stop();
        var missed = await _a.Cases.OpenAsync(store.Id, order.Id, "While Redis was down", "Hello?");
        missed.Outcome.ShouldBe(CaseOutcome.Ok);

        await _redis.StartProcessAsync();
        var resync = await onB.WaitForAsync(c => c.Kind == CaseChangeKind.Resync, Wait);
        resync.ShouldNotBeNull("B's views are told to reload once Redis is back");
        resync.StoreId.ShouldBe(store.Id);
        resync.Concerns(missed.Case!.Id).ShouldBeTrue("a case page showing the missed case reloads too");
        onB.Seen.ShouldNotContain(c => c.CaseId == missed.Case.Id, "the change itself never travelled: pub/sub keeps nothing");
    }
}
