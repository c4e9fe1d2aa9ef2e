using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Automation;

/// <summary>The auto-close job: every <see cref="AutoCloseOptions.Interval"/>, one <see cref="AutoCloseRunner"/> run.</summary>
public sealed class AutoCloseJob(AutoCloseRunner runner, TimeProvider clock, IOptions<AutoCloseOptions> options, ILogger<AutoCloseJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                logger.LogError(ex, "The auto-close run failed; what it committed stays, the rest is retried on the next run");
            }
            try { await Task.Delay(options.Value.Interval, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
