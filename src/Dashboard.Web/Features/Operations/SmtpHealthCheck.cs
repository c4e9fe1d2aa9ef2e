using Dashboard.Web.Features.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Operations;

/// <summary>
/// Registered only with <c>Smtp:Host</c> set: connects, says EHLO (and STARTTLS when configured) and
/// quits, within <see cref="Timeout"/>. The answer is kept for <see cref="CacheFor"/> so a balancer
/// probing every second does not open a mail session every second. Emails wait in the outbox while
/// the server is away, so a failure is Degraded, not Unhealthy: the instance still serves pages.
/// </summary>
public sealed class SmtpHealthCheck(IOptions<SmtpOptions> options, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_last is { } last && clock.GetUtcNow() - last.At < CacheFor) return last.Result;
            var result = await ProbeAsync(ct);
            _last = (result, clock.GetUtcNow());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken ct)
    {
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(o.Host!, o.Port, o.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return HealthCheckResult.Healthy("The mail server answered EHLO.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The exception's text names the host; the answer stays generic and the log has the detail.
            return HealthCheckResult.Degraded("The mail server did not answer; emails wait in the outbox.", e);
        }
    }
}
