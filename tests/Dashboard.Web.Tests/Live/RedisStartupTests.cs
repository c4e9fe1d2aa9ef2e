using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Live;

/// <summary>The app starts and works while its configured Redis is not there yet, and joins it when it appears.</summary>
public class RedisStartupTests
{
    [Fact]
    public async Task Instances_start_without_redis_keep_working_locally_and_connect_when_it_comes_up()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var redis = RedisServer.NotStarted();
        var settings = new Dictionary<string, string?> { ["Redis:Connection"] = redis.Connection };
        await using var a = new LiveAppHost(db.Directory, settings);
        await using var b = new LiveAppHost(db.Directory, settings);
        var (store, _, order) = await db.AddStoreAsync();
        using var onA = new FeedRecorder(a.Feed, store.Id);
        using var onB = new FeedRecorder(b.Feed, store.Id);

        var offline = await a.Cases.OpenAsync(store.Id, order.Id, "No Redis yet", "Hello");
        offline.Outcome.ShouldBe(CaseOutcome.Ok);
        (await onA.WaitForAsync(c => c.CaseId == offline.Case!.Id, TimeSpan.FromSeconds(60))).ShouldNotBeNull("local delivery needs no Redis");

        await redis.StartProcessAsync();
        (await a.WaitRedisAsync()).ShouldBeTrue();
        (await b.WaitRedisAsync()).ShouldBeTrue();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(120); // bounds a failure only: a reconnect on a loaded CI machine
        CaseChange? seen = null;
        while (seen is null && DateTime.UtcNow < until)
        {
            var online = await a.Cases.OpenAsync(store.Id, order.Id, "Redis is up", "Hello");
            seen = await onB.WaitForAsync(c => c.CaseId == online.Case!.Id, TimeSpan.FromSeconds(1));
        }
        seen.ShouldNotBeNull();
    }
}
