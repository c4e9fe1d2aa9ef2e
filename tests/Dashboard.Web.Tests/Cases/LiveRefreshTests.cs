using Dashboard.Web.Features.Cases;

namespace Dashboard.Web.Tests.Cases;

public class LiveRefreshTests
{
    [Fact]
    public async Task A_burst_of_changes_causes_one_refresh_now_and_at_most_one_more_after_the_interval()
    {
        var refreshes = 0;
        using var live = new LiveRefresh(() => { Interlocked.Increment(ref refreshes); return Task.CompletedTask; }, TimeSpan.FromMilliseconds(300), TimeProvider.System);

        live.Request();
        await Task.Delay(50);
        for (var i = 0; i < 20; i++) live.Request();
        Volatile.Read(ref refreshes).ShouldBe(1);

        await Task.Delay(600);
        Volatile.Read(ref refreshes).ShouldBe(2);
    }

    [Fact]
    public async Task No_refresh_runs_after_dispose()
    {
        var refreshes = 0;
        var live = new LiveRefresh(() => { Interlocked.Increment(ref refreshes); return Task.CompletedTask; }, TimeSpan.FromMilliseconds(200), TimeProvider.System);
        live.Request();
        await Task.Delay(50);
        live.Request();

        live.Dispose();
        live.Request();
        await Task.Delay(400);

        Volatile.Read(ref refreshes).ShouldBe(1);
    }
}
