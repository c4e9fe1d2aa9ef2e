namespace Dashboard.Web.Features.Live;

/// <summary>
/// Carries live messages (case changes, presence) to every app instance. A message sent here is
/// delivered to <see cref="Received"/> on every instance, the sender included, exactly once per
/// instance. Sending never throws: a transport that cannot reach its broker logs and carries on.
/// </summary>
public interface ICaseChangeTransport
{
    /// <summary>Sends <paramref name="payload"/> on <paramref name="topic"/> ("case", "presence").</summary>
    void Send(string topic, string payload);

    /// <summary>Called for every message on every instance (also for this instance's own sends).</summary>
    event Action<string, string>? Received;

    /// <summary>True when messages reach the other instances (always true in process).</summary>
    bool IsConnected { get; }

    /// <summary>
    /// Raised (with the time) when the link to the other instances is back after a break: whatever they
    /// sent meanwhile never arrived, so live views should read the database again. Never raised in process.
    /// </summary>
    event Action<DateTime>? Reconnected { add { } remove { } }
}

/// <summary>No broker configured: one instance, messages go straight to the local subscribers.</summary>
public sealed class InProcessCaseChangeTransport : ICaseChangeTransport
{
    public event Action<string, string>? Received;
    public bool IsConnected => true;
    public void Send(string topic, string payload) => Received?.Invoke(topic, payload);
}

/// <summary>The <c>Redis</c> section. Without <see cref="Connection"/> the live feed stays in process.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</summary>
    public string? Connection { get; set; }

    /// <summary>Channel prefix, so several deployments can share one Redis.</summary>
    public string ChannelPrefix { get; set; } = "dashboard:live";
}
