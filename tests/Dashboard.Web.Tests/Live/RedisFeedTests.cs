using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Notifications;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Live;

/// <summary>
/// Two real app instances on one SQLite file with a real redis-server between them: a change
/// committed on one reaches the other's feed, each instance delivers it once, and a Redis restart
/// does not break the path.
/// </summary>
public class RedisFeedTests : IAsyncLifetime
{
    private static readonly Actor Theo = Actor.Merchant("Theo Merchant", "user-theo");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60); // bounds a failure only
    private TwoInstancesOnRedis? _live;
    private TestDatabase _db = null!;
    private RedisServer _redis = null!;
    private LiveAppHost _a = null!, _b = null!;

    public async ValueTask InitializeAsync()
    {
        _live = await TwoInstancesOnRedis.StartAsync();
        (_db, _redis, _a, _b) = (_live.Db, _live.Redis, _live.A, _live.B);
    }

    public ValueTask DisposeAsync() => _live?.DisposeAsync() ?? ValueTask.CompletedTask;

    [Fact]
    public async Task A_change_committed_on_one_instance_appears_once_on_both_instances_feeds()
    {
        _a.Get<ICaseChangeTransport>().ShouldBeOfType<RedisCaseChangeTransport>();
        var (store, _, order) = await _db.AddStoreAsync();
        using var onA = new FeedRecorder(_a.Feed, store.Id);
        using var onB = new FeedRecorder(_b.Feed, store.Id);

        var opened = await _a.Cases.OpenAsync(store.Id, order.Id, "Key missing", "Where is it?");
        opened.Outcome.ShouldBe(CaseOutcome.Ok);
        var caseId = opened.Case!.Id;
        (await onB.WaitForAsync(c => c.CaseId == caseId && c.Kind == CaseChangeKind.Opened, Wait)).ShouldNotBeNull("B sees the case A opened");

        (await _b.Cases.ReplyAsync(store.Id, caseId, Theo, "Here it is")).Outcome.ShouldBe(CaseOutcome.Ok);
        var reply = await onA.WaitForAsync(c => c.CaseId == caseId && c.Kind == CaseChangeKind.Message, Wait);
        reply.ShouldNotBeNull("A sees the reply written on B");
        reply.Status.ShouldBe(CaseStatus.AwaitingCustomer);
        reply.By.ShouldBe(AuthorKind.Merchant);

        // Markers published after all of the above, one from each side. Redis delivers one channel to
        // each subscriber in publish order, so once each instance has the other's marker, any copy of the
        // earlier changes (a duplicate, an echo of its own publish) has been delivered before it.
        var markerFromA = (await _a.Cases.OpenAsync(store.Id, order.Id, "Marker from A", "m")).Case!.Id;
        (await onB.WaitForAsync(c => c.CaseId == markerFromA, Wait)).ShouldNotBeNull();
        var markerFromB = (await _b.Cases.OpenAsync(store.Id, order.Id, "Marker from B", "m")).Case!.Id;
        (await onA.WaitForAsync(c => c.CaseId == markerFromB, Wait)).ShouldNotBeNull();

        onA.Seen.Where(c => c.CaseId == caseId).Select(c => c.Kind).ShouldBe([CaseChangeKind.Opened, CaseChangeKind.Message], "each once on A (the publisher of the first)");
        onB.Seen.Where(c => c.CaseId == caseId).Select(c => c.Kind).ShouldBe([CaseChangeKind.Opened, CaseChangeKind.Message], "each once on B (the publisher of the second)");
        onA.Seen.Count(c => c.CaseId == markerFromA).ShouldBe(1, "A's own marker once on A");
        onB.Seen.Count(c => c.CaseId == markerFromB).ShouldBe(1, "B's own marker once on B");
    }

    [Fact]
    public async Task Another_stores_subscribers_hear_nothing()
    {
        var (store, _, order) = await _db.AddStoreAsync("Mine");
        var (other, _, otherOrder) = await _db.AddStoreAsync("Theirs");
        using var theirs = new FeedRecorder(_b.Feed, other.Id);
        using var mine = new FeedRecorder(_b.Feed, store.Id);
        var opened = await _a.Cases.OpenAsync(store.Id, order.Id, "Key missing", "Where is it?");
        (await mine.WaitForAsync(c => c.CaseId == opened.Case!.Id, Wait)).ShouldNotBeNull();

        // A marker in their store, published after: when it arrives, anything wrongly sent their way before it has too.
        var marker = (await _a.Cases.OpenAsync(other.Id, otherOrder.Id, "Their own case", "m")).Case!.Id;
        (await theirs.WaitForAsync(c => c.CaseId == marker, Wait)).ShouldNotBeNull();
        theirs.Seen.Select(c => c.CaseId).ShouldBe([marker]);
        mine.Seen.Select(c => c.CaseId).ShouldBe([opened.Case!.Id]);
    }

    [Fact]
    public async Task Redis_going_away_does_not_fail_a_change_and_the_path_recovers_when_it_is_back()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        using var onA = new FeedRecorder(_a.Feed, store.Id);
        using var onB = new FeedRecorder(_b.Feed, store.Id);

        _redis.Stop();
        var during = await _a.Cases.OpenAsync(store.Id, order.Id, "During the blip", "Hello?");
        during.Outcome.ShouldBe(CaseOutcome.Ok, "the change commits while Redis is down");
        (await onA.WaitForAsync(c => c.CaseId == during.Case!.Id, Wait)).ShouldNotBeNull("local subscribers still hear it");

        await _redis.StartProcessAsync();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(120); // bounds a failure only: a reconnect on a loaded CI machine
        CaseChange? seen = null;
        while (seen is null && DateTime.UtcNow < until)
        {
            var after = await _a.Cases.OpenAsync(store.Id, order.Id, "After the blip", "Back?");
            seen = await onB.WaitForAsync(c => c.CaseId == after.Case!.Id, TimeSpan.FromSeconds(1));
        }
        seen.ShouldNotBeNull("B hears A again once Redis is back (the client reconnects and re-subscribes)");
    }

    [Fact]
    public async Task Presence_travels_between_instances_viewing_typing_and_leaving()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id);
        var presenceA = _a.Get<CasePresence>();
        var presenceB = _b.Get<CasePresence>();

        using var ada = presenceB.Join(store.Id, c.Id, "user-ada", "Ada Lovelace");
        var theo = presenceA.Join(store.Id, c.Id, "user-theo", "Theo Merchant");
        (await Until(() => ada.Others.Any(v => v is { UserId: "user-theo", Typing: false }))).ShouldBeTrue("Ada (on B) sees Theo (on A) viewing");
        CasePresenceBar.Describe(ada.Others).ShouldBe("Theo is viewing");

        theo.Typing();
        (await Until(() => ada.Others.Any(v => v is { UserId: "user-theo", Typing: true }))).ShouldBeTrue("Ada sees Theo typing");
        CasePresenceBar.Describe(ada.Others).ShouldBe("Theo is typing…");

        theo.Dispose();
        (await Until(() => ada.Others.Count == 0)).ShouldBeTrue("Theo left");
        presenceA.SubscriberCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_reply_on_one_instance_warns_a_colleague_typing_on_the_other()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id);
        using var ada = _b.Get<CasePresence>().Join(store.Id, c.Id, "user-ada", "Ada Lovelace");
        ada.Typing();

        (await _a.Cases.ReplyAsync(store.Id, c.Id, Theo, "Sent you the key")).Outcome.ShouldBe(CaseOutcome.Ok);

        (await Until(() => ada.ReplyWarning is not null)).ShouldBeTrue();
        ada.ReplyWarning.ShouldBe("Theo replied while you were typing — review before sending");
        ada.AcknowledgeWarning();
        ada.ReplyWarning.ShouldBeNull();
    }

    private static async Task<bool> Until(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(50);
        }
        return true;
    }
}
