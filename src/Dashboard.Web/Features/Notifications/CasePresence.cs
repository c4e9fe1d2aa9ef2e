using System.Text.Json;
using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Notifications;

/// <summary>Someone with a case open: shown as an avatar, "Theo is viewing" / "Theo is typing…".</summary>
public sealed record CaseViewer(string UserId, string Name, bool Typing);

/// <summary>
/// Who is viewing and typing in which case, across app instances. Each open case page holds a
/// <see cref="CasePresenceSession"/> (from <see cref="Join"/>), which announces itself on the live
/// transport (topic "presence"), sends a heartbeat, and leaves on dispose. Every instance keeps the
/// merged picture with expiry, so a crashed instance's viewers fade out after <see cref="ViewTtl"/>.
/// </summary>
public sealed class CasePresence : IDisposable
{
    public const string Topic = "presence";
    public static readonly TimeSpan ViewTtl = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan TypingTtl = TimeSpan.FromSeconds(6);
    public static readonly TimeSpan TypingResend = TimeSpan.FromSeconds(2);

    private readonly ICaseChangeTransport _transport;
    private readonly TimeProvider _clock;
    private readonly ILogger<CasePresence> _logger;
    internal readonly CaseChangeFeed Feed;
    internal readonly IDbContextFactory<DashboardDbContext> DbFactory;

    /// <summary>Now, from the injected clock (sessions throttle typing with it).</summary>
    internal DateTime UtcNow => _clock.GetUtcNow().UtcDateTime;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, Entry>> _byCase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CasePresenceSession>> _local = new(StringComparer.Ordinal);
    private readonly ITimer _timer;

    public CasePresence(ICaseChangeTransport transport, CaseChangeFeed feed, IDbContextFactory<DashboardDbContext> dbFactory,
        TimeProvider clock, ILogger<CasePresence> logger)
    {
        _transport = transport;
        Feed = feed;
        DbFactory = dbFactory;
        _clock = clock;
        _logger = logger;
        _transport.Received += OnReceived;
        _timer = clock.CreateTimer(_ => Tick(), null, Heartbeat, Heartbeat);
    }

    /// <summary>Local sessions (open case pages in this instance). Back to 0 when every page closed.</summary>
    public int SubscriberCount
    {
        get { lock (_gate) return _local.Values.Sum(l => l.Count); }
    }

    /// <summary>Cases with any known viewer (this instance's view of all instances).</summary>
    public int TrackedCaseCount
    {
        get { lock (_gate) return _byCase.Count; }
    }

    /// <summary>Announces <paramref name="userId"/> as viewing the case until the session is disposed.</summary>
    public CasePresenceSession Join(string storeId, string caseId, string userId, string name)
    {
        var session = new CasePresenceSession(this, storeId, caseId, userId, name);
        lock (_gate)
        {
            if (!_local.TryGetValue(caseId, out var list)) _local[caseId] = list = [];
            list.Add(session);
        }
        Send(session, PresenceKind.Viewing);
        return session;
    }

    /// <summary>Everyone with the case open, one entry per person (typing if any of their tabs types).</summary>
    public IReadOnlyList<CaseViewer> Viewers(string caseId)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            if (!_byCase.TryGetValue(caseId, out var entries)) return [];
            return entries.Values.Where(e => e.SeenUntil > now)
                .GroupBy(e => e.UserId)
                .Select(g => new CaseViewer(g.Key, g.First().Name, g.Any(e => e.TypingUntil > now)))
                .OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }
    }

    internal void Send(CasePresenceSession s, PresenceKind kind) =>
        _transport.Send(Topic, JsonSerializer.Serialize(new PresenceMessage(s.StoreId, s.CaseId, s.SessionId, s.UserId, s.Name, kind)));

    internal void Leave(CasePresenceSession session)
    {
        lock (_gate)
        {
            if (_local.TryGetValue(session.CaseId, out var list))
            {
                list.Remove(session);
                if (list.Count == 0) _local.Remove(session.CaseId);
            }
        }
        Send(session, PresenceKind.Left);
    }

    private void OnReceived(string topic, string payload)
    {
        if (topic != Topic) return;
        PresenceMessage? m;
        try { m = JsonSerializer.Deserialize<PresenceMessage>(payload); }
        catch (JsonException ex) { _logger.LogWarning(ex, "Dropped an unreadable presence message"); return; }
        if (m is null) return;
        var now = _clock.GetUtcNow().UtcDateTime;
        bool changed;
        lock (_gate)
        {
            if (!_byCase.TryGetValue(m.CaseId, out var entries)) _byCase[m.CaseId] = entries = new(StringComparer.Ordinal);
            entries.TryGetValue(m.SessionId, out var before);
            switch (m.Kind)
            {
                case PresenceKind.Left:
                    changed = entries.Remove(m.SessionId);
                    break;
                default:
                    var typingUntil = m.Kind switch
                    {
                        PresenceKind.Typing => now + TypingTtl,
                        PresenceKind.StoppedTyping => DateTime.MinValue,
                        _ => before?.TypingUntil ?? DateTime.MinValue,
                    };
                    var entry = new Entry(m.UserId, m.Name, now + ViewTtl, typingUntil);
                    entries[m.SessionId] = entry;
                    changed = before is null || (before.TypingUntil > now) != (typingUntil > now);
                    break;
            }
            if (entries.Count == 0) _byCase.Remove(m.CaseId);
        }
        if (changed) NotifyLocal(m.CaseId);
    }

    private void Tick()
    {
        try
        {
            CasePresenceSession[] sessions;
            var now = _clock.GetUtcNow().UtcDateTime;
            var expired = new List<string>();
            lock (_gate)
            {
                sessions = _local.Values.SelectMany(l => l).ToArray();
                foreach (var (caseId, entries) in _byCase.ToArray())
                {
                    var gone = entries.Where(e => e.Value.SeenUntil <= now || (e.Value.TypingUntil != DateTime.MinValue && e.Value.TypingUntil <= now)).ToList();
                    foreach (var (id, e) in gone)
                    {
                        if (e.SeenUntil <= now) entries.Remove(id);
                        else entries[id] = e with { TypingUntil = DateTime.MinValue };
                    }
                    if (gone.Count > 0) expired.Add(caseId);
                    if (entries.Count == 0) _byCase.Remove(caseId);
                }
            }
            foreach (var s in sessions) Send(s, PresenceKind.Viewing);
            foreach (var caseId in expired) NotifyLocal(caseId);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Presence heartbeat failed");
        }
    }

    private void NotifyLocal(string caseId)
    {
        CasePresenceSession[] sessions;
        lock (_gate) sessions = _local.TryGetValue(caseId, out var list) ? [.. list] : [];
        foreach (var s in sessions) s.RaiseChanged();
    }

    public void Dispose()
    {
        _transport.Received -= OnReceived;
        _timer.Dispose();
    }

    internal enum PresenceKind { Viewing, Typing, StoppedTyping, Left }

    internal sealed record PresenceMessage(string StoreId, string CaseId, string SessionId, string UserId, string Name, PresenceKind Kind);

    private sealed record Entry(string UserId, string Name, DateTime SeenUntil, DateTime TypingUntil);
}

/// <summary>
/// One open case page's presence. The reply box calls <see cref="Typing"/> on input and
/// <see cref="DraftSent"/> after sending; when someone else's message lands on the case while a draft
/// is in progress, <see cref="ReplyWarning"/> says so ("Theo replied while you were typing — review
/// before sending") until <see cref="AcknowledgeWarning"/> or <see cref="DraftSent"/>.
/// </summary>
public sealed class CasePresenceSession : IDisposable
{
    private readonly CasePresence _presence;
    private readonly IDisposable _feed;
    private DateTime _lastTypingSent = DateTime.MinValue;
    private DateTime? _draftSince;
    private int _disposed;

    internal CasePresenceSession(CasePresence presence, string storeId, string caseId, string userId, string name)
    {
        _presence = presence;
        StoreId = storeId;
        CaseId = caseId;
        UserId = userId;
        Name = name;
        _feed = presence.Feed.Subscribe(storeId, OnCaseChangeAsync);
    }

    public string SessionId { get; } = Guid.NewGuid().ToString("N");
    public string StoreId { get; }
    public string CaseId { get; }
    public string UserId { get; }
    public string Name { get; }

    /// <summary>Raised (on any thread) when viewers, typing or <see cref="ReplyWarning"/> changed.</summary>
    public event Func<Task>? Changed;

    /// <summary>Set when another person's message arrived while this user had a draft in progress.</summary>
    public string? ReplyWarning { get; private set; }

    /// <summary>Everyone else with this case open.</summary>
    public IReadOnlyList<CaseViewer> Others => _presence.Viewers(CaseId).Where(v => v.UserId != UserId).ToList();

    /// <summary>Call on every keystroke of the reply box (throttled here). Empty text ends the draft.</summary>
    public void Typing(bool hasDraft = true)
    {
        if (_disposed != 0) return;
        if (!hasDraft) { StopTyping(); return; }
        var now = _presence.UtcNow;
        _draftSince ??= now;
        if (now - _lastTypingSent < CasePresence.TypingResend) return;
        _lastTypingSent = now;
        _presence.Send(this, CasePresence.PresenceKind.Typing);
    }

    /// <summary>Call after this user's reply was sent (or the draft discarded): clears the draft and the warning.</summary>
    public void DraftSent()
    {
        var hadWarning = ReplyWarning is not null;
        ReplyWarning = null;
        StopTyping();
        if (hadWarning) RaiseChanged();
    }

    /// <summary>The user reviewed the new message; sending is fine now.</summary>
    public void AcknowledgeWarning()
    {
        if (ReplyWarning is null) return;
        ReplyWarning = null;
        RaiseChanged();
    }

    private void StopTyping()
    {
        _draftSince = null;
        if (_lastTypingSent == DateTime.MinValue) return;
        _lastTypingSent = DateTime.MinValue;
        _presence.Send(this, CasePresence.PresenceKind.StoppedTyping);
    }

    private async Task OnCaseChangeAsync(CaseChange change)
    {
        if (change.CaseId != CaseId || change.Kind != CaseChangeKind.Message || _draftSince is null) return;
        await using var db = await _presence.DbFactory.CreateDbContextAsync();
        var latest = await db.CaseMessages.AsNoTracking()
            .Where(m => m.CaseId == CaseId && m.AuthorKind != AuthorKind.System)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Sequence)
            .Select(m => new { m.AuthorName, m.AuthorUserId, m.AuthorKind }).FirstOrDefaultAsync();
        if (latest is null || (latest.AuthorUserId is not null && latest.AuthorUserId == UserId)) return;
        if (_draftSince is null || _disposed != 0) return;
        ReplyWarning = $"{(latest.AuthorKind == AuthorKind.Merchant ? FirstName(latest.AuthorName) : latest.AuthorName)} replied while you were typing — review before sending";
        RaiseChanged();
    }

    private static string FirstName(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : name;

    internal void RaiseChanged()
    {
        if (_disposed != 0 || Changed is not { } handler) return;
        _ = InvokeSafeAsync(handler);
    }

    private static async Task InvokeSafeAsync(Func<Task> handler)
    {
        try { await handler(); } catch (Exception) { /* a component gone mid-render */ }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Changed = null;
        _feed.Dispose();
        _presence.Leave(this);
    }
}
