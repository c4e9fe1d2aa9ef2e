using Dashboard.Domain;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Tickets.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Tickets.Merchant;

/// <summary>One ticket of the current store: the thread (never staff notes), reply, close and reopen, live.</summary>
public sealed partial class TicketPage
{
    [Inject] private TicketQueries Queries { get; set; } = null!;
    [Inject] private TicketService Tickets { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private TicketChangeFeed Feed { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>The ticket number from the address, as typed: text, so <c>/help/abc</c> shows "not found" rather than failing routing.</summary>
    [Parameter] public string? NumberText { get; set; }

    private int Number => int.TryParse(NumberText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    private MerchantScope? _scope;
    private TicketThread? _thread;
    private bool _notFound;
    private bool _busy;
    private string? _notice;
    private int? _loadedNumber;
    private IDisposable? _live;

    private string Title => _notFound ? "Ticket not found · Help" : _thread is null ? "Ticket · Help" : $"{_thread.Ticket.Subject} · Help";

    private TicketKey Key => new(null, Number);

    private IReadOnlyList<TicketStatus> StatusTargets =>
        _thread is null ? [] : TicketWorkflow.MerchantStatusTargets(_thread.Ticket.ToState(), Clock.GetUtcNow().UtcDateTime);

    private string? ReplyHint => _thread?.Ticket.Status switch
    {
        TicketStatus.Answered => "Replying reopens this ticket for Pandabase Support.",
        TicketStatus.Closed => "This ticket is closed. Replying reopens it.",
        _ => null,
    };

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedNumber == Number) return;
        _loadedNumber = Number;
        (_thread, _notFound, _notice) = (null, false, null);
        if (Number <= 0)
        {
            _notFound = true;
            return;
        }
        _scope ??= await Stores.GetAsync();
        if (_scope?.StoreId is not { } storeId)
        {
            _notFound = true;
            return;
        }
        if (_live is null && RendererInfo.IsInteractive)
            _live = TicketLive.FollowStore(Feed, storeId, change => change.Number == Number,
                () => InvokeAsync(async () => { await ReloadAsync(); StateHasChanged(); }), Clock);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (_scope?.StoreId is not { } storeId) return;
        _thread = await Queries.GetAsync(storeId, Key);
        _notFound = _thread is null;
    }

    private Actor Me => Actor.Merchant(_scope!.DisplayName, _scope.UserId);

    private async Task<TicketResult> ReplyAsync(TicketComposerDraft draft)
    {
        var result = await Tickets.ReplyAsync(_scope!.StoreId!, Key, Me, draft.Body, draft.Files.ToUploads());
        if (result.Outcome is TicketOutcome.Ok or TicketOutcome.Conflict or TicketOutcome.NotFound) await ReloadAsync();
        StateHasChanged();
        return result;
    }

    private async Task SetStatusAsync(TicketStatus target)
    {
        if (_thread is null || _busy) return;
        _busy = true;
        try
        {
            var result = await Tickets.SetStatusAsync(_scope!.StoreId!, Key, Me, target, _thread.Ticket.Version);
            _notice = result.Succeeded ? null : result.Error;
            if (result.Outcome is TicketOutcome.Ok or TicketOutcome.Conflict) await ReloadAsync();
            if (result.Succeeded) Snackbar.Add(target == TicketStatus.Closed ? "Ticket closed" : "Ticket reopened", Severity.Success);
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _live?.Dispose();
    }
}
