using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Tickets;
using Dashboard.Web.Features.Tickets.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Support.Tickets;

/// <summary>A ticket of any store, for platform support: the thread with staff notes, the store's context, answer, note, close. Live.</summary>
public sealed partial class SupportTicketPage
{
    [Inject] private SupportTicketQueries Queries { get; set; } = null!;
    [Inject] private TicketService Tickets { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private TicketChangeFeed Feed { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>The ticket id from the address, as typed: text, so a mistyped id shows "not found" rather than failing routing.</summary>
    [Parameter] public string? IdText { get; set; }

    private Guid Id => Guid.TryParse(IdText, out var id) ? id : Guid.Empty;

    private string? _userId;
    private (TicketThread Thread, TicketStoreContext Store)? _view;
    private bool _denied;
    private bool _notFound;
    private bool _busy;
    private bool _noteMode;
    private string? _notice;
    private Guid? _loadedId;
    private IDisposable? _live;

    private string Title => _denied ? "Access denied" : _notFound ? "Ticket not found · Support" : _view is null ? "Ticket · Support" : $"{_view.Value.Thread.Ticket.Subject} · Support ticket";

    private TicketState? State => _view?.Thread.Ticket.ToState();
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;
    private bool CanClose => State is { } s && TicketWorkflow.CanApply(s, new TicketTrigger.SupportCloses(), Now);
    private bool CanAnswer => State is { } s && TicketWorkflow.CanApply(s, new TicketTrigger.SupportAnswers(), Now);

    private string? ComposerHint => !_noteMode && !CanAnswer
        ? "This ticket is closed: it reopens when the merchant replies. You can still add a staff note."
        : _noteMode ? "Staff notes never reach the merchant: not on their pages, not in the API, not by email." : null;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == Id) return;
        _loadedId = Id;
        (_view, _notFound, _notice) = (null, false, null);
        var scope = await Stores.GetAsync();
        if (scope?.Satisfies(Policies.PlatformSupport) != true)
        {
            _denied = true;
            return;
        }
        _userId = scope.UserId;
        if (Id == Guid.Empty)
        {
            _notFound = true;
            return;
        }
        if (_live is null && RendererInfo.IsInteractive)
            _live = TicketLive.FollowEveryStore(Feed, change => change.TicketId == Id,
                () => InvokeAsync(async () => { await ReloadAsync(); StateHasChanged(); }), Clock);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _view = await Queries.GetAsync(_userId!, Id);
        _notFound = _view is null;
    }

    private async Task<TicketResult> SendAsync(TicketComposerDraft draft)
    {
        var result = _noteMode
            ? await Tickets.AddNoteAsync(Id, _userId!, draft.Body)
            : await Tickets.AnswerAsync(Id, _userId!, draft.Body, draft.Files.ToUploads());
        if (result.Outcome is TicketOutcome.Ok or TicketOutcome.Conflict or TicketOutcome.Refused) await ReloadAsync();
        if (result.Succeeded) Snackbar.Add(_noteMode ? "Staff note added" : "Answer sent to the store", Severity.Success);
        StateHasChanged();
        return result;
    }

    private async Task CloseAsync()
    {
        if (_view is null || _busy) return;
        _busy = true;
        try
        {
            var result = await Tickets.CloseAsync(Id, _userId!, _view.Value.Thread.Ticket.Version);
            _notice = result.Succeeded ? null : result.Error;
            await ReloadAsync();
            if (result.Succeeded) Snackbar.Add("Ticket closed", Severity.Success);
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
