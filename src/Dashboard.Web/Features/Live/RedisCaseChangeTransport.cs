using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Web.Features.Live;

/// <summary>
/// Live messages over Redis pub/sub. A send is delivered to this instance's subscribers at once
/// (no round trip, and it works while Redis is away) and published to one channel; each instance
/// drops the copies that carry its own origin id, so every instance delivers each message once.
/// The multiplexer reconnects by itself (AbortOnConnectFail off) and restores the subscription;
/// while disconnected, sends are queued by the client's backlog for a few seconds, then logged and
/// dropped. When the subscription is restored, <see cref="Reconnected"/> tells this instance's live
/// views to read the database again, so they converge on what the other instances did meanwhile.
/// </summary>
public sealed class RedisCaseChangeTransport : ICaseChangeTransport, IAsyncDisposable
{
    private readonly ILogger<RedisCaseChangeTransport> _logger;
    private readonly TimeProvider _clock;
    private readonly RedisChannel _channel;
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly Task<ConnectionMultiplexer?> _connecting;
    private readonly CancellationTokenSource _stopping = new();
    private ConnectionMultiplexer? _redis;

    public event Action<string, string>? Received;
    public event Action<DateTime>? Reconnected;

    public RedisCaseChangeTransport(IOptions<RedisOptions> options, TimeProvider clock, ILogger<RedisCaseChangeTransport> logger)
    {
        _logger = logger;
        _clock = clock;
        var o = options.Value;
        _channel = RedisChannel.Literal(o.ChannelPrefix);
        var config = ConfigurationOptions.Parse(o.Connection!);
        config.AbortOnConnectFail = false;
        config.ConnectRetry = 3;
        config.ReconnectRetryPolicy = new ExponentialRetry(250, 5000);
        config.ClientName ??= "dashboard-" + _origin[..8];
        _connecting = ConnectAsync(config);
    }

    public bool IsConnected => _redis?.IsConnected == true;

    /// <summary>A PING's round trip, or null when Redis is not connected or does not answer (readiness).</summary>
    public async Task<TimeSpan?> PingAsync(CancellationToken ct)
    {
        if (_redis is not { IsConnected: true } redis) return null;
        try { return await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(5), ct); }
        catch (Exception e) when (e is RedisException or TimeoutException) { return null; }
    }

    /// <summary>Completes when the first connection attempt finished (tests wait for it).</summary>
    public async Task<bool> WaitConnectedAsync(TimeSpan timeout)
    {
        try { await _connecting.WaitAsync(timeout); } catch (TimeoutException) { return false; }
        var redis = _redis;
        using var deadline = new CancellationTokenSource(timeout);
        while (redis is not null && !redis.IsConnected && !deadline.IsCancellationRequested) await Task.Delay(50);
        return redis?.IsConnected == true;
    }

    private async Task<ConnectionMultiplexer?> ConnectAsync(ConfigurationOptions config)
    {
        try
        {
            var redis = await ConnectionMultiplexer.ConnectAsync(config);
            redis.ConnectionFailed += (_, e) => _logger.LogWarning(e.Exception, "Redis connection lost ({FailureType}); live updates stay local until it is back", e.FailureType);
            redis.ConnectionRestored += (_, e) =>
            {
                if (e.ConnectionType != ConnectionType.Subscription) return;
                _logger.LogInformation("Redis connection restored; live updates travel between instances again, and live views reload");
                try { Reconnected?.Invoke(_clock.GetUtcNow().UtcDateTime); }
                catch (Exception ex) { _logger.LogWarning(ex, "A live view could not be told to reload after the reconnect"); }
            };
            _redis = redis;
            // Subscribe until it works (Redis may be down at start); the client re-subscribes by
            // itself after later reconnects.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var queue = await redis.GetSubscriber().SubscribeAsync(_channel);
                    queue.OnMessage(OnMessage);
                    return redis;
                }
                catch (Exception ex) when (!_stopping.IsCancellationRequested)
                {
                    if (attempt == 1) _logger.LogWarning(ex, "Redis is not reachable yet; retrying the live-update subscription");
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * attempt)), _stopping.Token);
                }
            }
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not set up Redis for live updates; they stay in this instance");
            return null;
        }
    }

    private void OnMessage(ChannelMessage message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>((string)message.Message!);
            if (envelope is null || envelope.Origin == _origin) return;
            Received?.Invoke(envelope.Topic, envelope.Payload);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Dropped a live message that could not be read");
        }
    }

    public void Send(string topic, string payload)
    {
        try { Received?.Invoke(topic, payload); }
        catch (Exception ex) { _logger.LogWarning(ex, "A local live subscriber failed"); }

        var redis = _redis;
        if (redis is null) return;
        var json = JsonSerializer.Serialize(new Envelope(_origin, topic, payload));
        _ = PublishAsync(redis, json);
    }

    private async Task PublishAsync(ConnectionMultiplexer redis, string json)
    {
        try { await redis.GetSubscriber().PublishAsync(_channel, json); }
        catch (Exception ex) { _logger.LogWarning(ex, "Could not publish a live update to Redis; other instances miss it"); }
    }

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stopping.CancelAsync();
        ConnectionMultiplexer? redis;
        try { redis = await _connecting; } catch (OperationCanceledException) { redis = _redis; }
        if (redis is not null) await redis.DisposeAsync();
        _stopping.Dispose();
    }

    private sealed record Envelope(string Origin, string Topic, string Payload);
}
