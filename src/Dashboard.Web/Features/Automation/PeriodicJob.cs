namespace Dashboard.Web.Features.Automation;

/// <summary>
/// A background job that runs <c>run</c> now and then after every pause of <c>interval</c>, on the
/// product's clock. A failed run is logged and retried on the next one: what it committed stays.
/// The jobs themselves take a <see cref="JobLeaseStore"/> lease, so only one instance runs each at a time.
/// </summary>
public sealed class PeriodicJob(string name, bool enabled, TimeSpan interval, Func<CancellationToken, Task> run,
    TimeProvider clock, ILogger<PeriodicJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!enabled) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await run(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                logger.LogError(ex, "The {Job} run failed; what it committed stays, the rest is retried on the next run", name);
            }
            try { await Task.Delay(interval, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
