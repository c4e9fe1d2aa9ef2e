using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Web.Features.Notifications;

/// <summary>New cases, customer replies and support's ticket answers since the user last looked; keeps the tab title's Awaiting you count.</summary>
public sealed partial class NotificationMenu : IAsyncDisposable
{
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private NotificationQueries Notifications { get; set; } = null!;
    [Inject] private CaseChangeFeed Feed { get; set; } = null!;
    [Inject] private TicketChangeFeed TicketFeed { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private ILogger<NotificationMenu> Logger { get; set; } = null!;

    private MerchantScope? _scope;
    private NotificationSummary? _summary;
    private LiveRefresh? _live;
    private volatile bool _itemsStale;
    private IDisposable? _ticketAnswers;
    private IJSObjectReference? _module;
    private int _lastTitleCount = -1;
    private readonly SemaphoreSlim _reload = new(1, 1);

    /// <summary>The summary shown (tests read it).</summary>
    public NotificationSummary? Summary => _summary;

    protected override async Task OnInitializedAsync()
    {
        _scope = await Stores.GetAsync();
        if (_scope?.StoreId is not { } storeId) return;
        // Changes arrive for every case of the store, from every colleague: a burst (a bulk close, an
        // API client) is coalesced into one reload, and only what a change can move is read again.
        if (RendererInfo.IsInteractive)
        {
            _live = LiveRefresh.Follow(Feed, storeId, Moves,
                () => InvokeAsync(async () => { await LoadAsync(full: _itemsStale); StateHasChanged(); }), Clock);
            // Of the store's ticket changes only support's answer adds a line (staff notes never reach a store's feed).
            _ticketAnswers = TicketLive.FollowStore(TicketFeed, storeId, change => change.Kind == TicketChangeKind.SupportAnswer,
                () => InvokeAsync(async () => { await LoadAsync(full: true); StateHasChanged(); }), Clock);
        }
        await LoadAsync(full: true);
    }

    /// <summary>
    /// A customer's message (a new case or a reply) adds an item; a status change moves the Awaiting you
    /// count only; a read, an escalation, a team note, an assignment or a licence fix moves neither.
    /// </summary>
    private bool Moves(CaseChange change)
    {
        if (change.Kind is CaseChangeKind.Opened || change is { Kind: CaseChangeKind.Message, By: AuthorKind.Customer }) _itemsStale = true;
        else if (change.Kind is CaseChangeKind.Read or CaseChangeKind.Escalated or CaseChangeKind.Note or CaseChangeKind.Assigned or CaseChangeKind.Licences)
            return _summary is null;
        return true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_summary is null || _summary.AwaitingYou == _lastTitleCount) return;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "/assets/live.js");
            if (_module is null) return;
            await _module.InvokeVoidAsync("setTitleCount", _summary.AwaitingYou);
            _lastTitleCount = _summary.AwaitingYou;
        }
        catch (Exception ex) when (ex is JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            // Prerendering or a closed circuit: the next render tries again.
        }
    }

    private async Task LoadAsync(bool full)
    {
        if (_scope?.StoreId is not { } storeId) return;
        await _reload.WaitAsync();
        try
        {
            if (full || _summary is null)
            {
                _itemsStale = false;
                _summary = await Notifications.GetAsync(_scope.UserId, storeId);
            }
            else _summary = _summary with { AwaitingYou = await Notifications.AwaitingYouAsync(storeId) };
        }
        catch (Exception ex) { Logger.LogWarning(ex, "Could not load notifications"); }
        finally { _reload.Release(); }
    }

    private async Task MarkAllSeenAsync()
    {
        if (_scope is null) return;
        await Notifications.MarkAllSeenAsync(_scope.UserId);
        await LoadAsync(full: true);
    }

    public async ValueTask DisposeAsync()
    {
        _live?.Dispose();
        _live = null;
        _ticketAnswers?.Dispose();
        _ticketAnswers = null;
        if (_module is not null)
        {
            try { await _module.DisposeAsync(); } catch (JSDisconnectedException) { }
        }
        _reload.Dispose();
    }
}
