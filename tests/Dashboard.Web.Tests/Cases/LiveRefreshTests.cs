using Dashboard.Web.Features.Cases;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Cases;

/// <summary>
/// Live refreshes coalesce bursts, on a fake clock: FakeTimeProvider runs due timers inside
/// Advance, so each step's outcome is known when Advance returns (no sleeping, no races).
/// </summary>
public class LiveRefreshTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private int _refreshes;

    private LiveRefresh Create(TimeSpan interval) => new(() => { _refreshes++; return Task.CompletedTask; }, interval, _clock);

    [Fact]
    public void A_burst_of_changes_causes_one_refresh_now_and_one_more_when_the_interval_has_passed()
    {
        using var live = Create(TimeSpan.FromMilliseconds(300));

        live.Request();
        _refreshes.ShouldBe(1, "the first change refreshes at once");

        _clock.Advance(TimeSpan.FromMilliseconds(50));
        for (var i = 0; i < 20; i++) live.Request();
        _refreshes.ShouldBe(1, "a burst inside the interval waits");

        _clock.Advance(TimeSpan.FromMilliseconds(249));
        _refreshes.ShouldBe(1, "not before 300 ms after the last refresh");

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        _refreshes.ShouldBe(2, "the whole burst became one refresh, 300 ms after the first");

        _clock.Advance(TimeSpan.FromMinutes(1));
        _refreshes.ShouldBe(2, "no change, no refresh");

        live.Request();
        _refreshes.ShouldBe(3, "a change after a quiet interval refreshes at once");
    }

    [Fact]
    public void No_refresh_runs_after_dispose_even_one_that_was_already_held()
    {
        var live = Create(TimeSpan.FromMilliseconds(200));
        live.Request();
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        live.Request(); // held until 200 ms

        live.Dispose();
        live.Request();
        _clock.Advance(TimeSpan.FromSeconds(5));

        _refreshes.ShouldBe(1);
    }
}
