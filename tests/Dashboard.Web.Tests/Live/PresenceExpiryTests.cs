using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Live;
using Dashboard.Web.Features.Notifications;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Live;

/// <summary>
/// Presence fades on its own clock: three "instances" (CasePresence each) share one live transport,
/// as app instances share Redis, and one fake clock that the test moves. FakeTimeProvider runs the
/// heartbeat timers inside Advance, so what a step changed is visible when Advance returns.
/// </summary>
public class PresenceExpiryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private readonly InProcessCaseChangeTransport _transport = new();
    private TestDatabase _db = null!;
    private CaseChangeFeed _feed = null!;
    private CasePresence _here = null!, _alive = null!, _crashing = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _feed = new CaseChangeFeed(NullLogger<CaseChangeFeed>.Instance, _transport);
        _here = Instance();
        _alive = Instance();
        _crashing = Instance();
    }

    private CasePresence Instance() => new(_transport, _feed, _db.Factory, _clock, NullLogger<CasePresence>.Instance);

    public async ValueTask DisposeAsync()
    {
        _here.Dispose();
        _alive.Dispose();
        _crashing.Dispose();
        await _db.DisposeAsync();
    }

    private static string[] Names(CasePresenceSession session) => session.Others.Select(v => v.Name + (v.Typing ? " (typing)" : "")).ToArray();

    [Fact]
    public void A_viewer_whose_instance_died_fades_after_30_seconds_while_live_viewers_stay()
    {
        using var ada = _here.Join("shp_store", "cs_case", "user-ada", "Ada Lovelace");
        using var bo = _alive.Join("shp_store", "cs_case", "user-bo", "Bo Colleague");
        _crashing.Join("shp_store", "cs_case", "user-theo", "Theo Merchant"); // never left: its instance dies
        var changes = 0;
        ada.Changed += () => { Interlocked.Increment(ref changes); return Task.CompletedTask; };
        Names(ada).ShouldBe(["Bo Colleague", "Theo Merchant"]);

        _crashing.Dispose(); // no heartbeat, no goodbye
        _clock.Advance(CasePresence.ViewTtl - TimeSpan.FromSeconds(1));
        Names(ada).ShouldBe(["Bo Colleague", "Theo Merchant"], "not gone before 30 seconds");
        changes.ShouldBe(0);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Names(ada).ShouldBe(["Bo Colleague"], "gone at 30 seconds without a heartbeat");
        changes.ShouldBe(1, "the bar was told, so it re-renders without Theo");

        for (var i = 0; i < 30; i++) _clock.Advance(CasePresence.Heartbeat);
        Names(ada).ShouldBe(["Bo Colleague"], "a viewer whose page is open keeps being seen (5 minutes of heartbeats)");
        Names(bo).ShouldBe(["Ada Lovelace"]);
    }

    [Fact]
    public void Typing_fades_six_seconds_after_the_last_keystroke_and_the_next_heartbeat_tells_the_bar()
    {
        using var ada = _here.Join("shp_store", "cs_case", "user-ada", "Ada Lovelace");
        using var theo = _alive.Join("shp_store", "cs_case", "user-theo", "Theo Merchant");
        var changes = 0;
        ada.Changed += () => { Interlocked.Increment(ref changes); return Task.CompletedTask; };

        theo.Typing();
        Names(ada).ShouldBe(["Theo Merchant (typing)"]);
        changes.ShouldBe(1);

        _clock.Advance(TimeSpan.FromSeconds(1));
        theo.Typing(); // within the 2 s resend throttle: no new message, the first one still counts
        _clock.Advance(CasePresence.TypingTtl - TimeSpan.FromSeconds(2));
        Names(ada).ShouldBe(["Theo Merchant (typing)"], "5 s after the keystroke, still typing");

        _clock.Advance(TimeSpan.FromSeconds(1));
        Names(ada).ShouldBe(["Theo Merchant"], "6 s after the last typing message: viewing only");
        changes.ShouldBe(1, "the bar hears it on the next heartbeat, not before");

        _clock.Advance(CasePresence.Heartbeat - CasePresence.TypingTtl);
        changes.ShouldBe(2, "the heartbeat at 10 s expired the typing and told the bar");
        Names(ada).ShouldBe(["Theo Merchant"]);
    }

    [Fact]
    public void A_keystroke_after_the_resend_interval_keeps_the_typing_alive()
    {
        using var ada = _here.Join("shp_store", "cs_case", "user-ada", "Ada Lovelace");
        using var theo = _alive.Join("shp_store", "cs_case", "user-theo", "Theo Merchant");

        theo.Typing();
        for (var second = 0; second < 20; second++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            theo.Typing(); // resent every 2 s, so it never gets 6 s old
            Names(ada).ShouldBe(["Theo Merchant (typing)"], $"still typing at {second + 1} s");
        }
    }
}
