using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Cases.Detail;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Portal;

/// <summary>
/// One of the customer's cases: the thread they may see, reply (reopens a closed case), close, live.
/// Another customer's case id reads exactly like no case (and answers 404 when the page is requested).
/// </summary>
public sealed partial class PortalCasePage
{
    [Inject] private PortalQueries Queries { get; set; } = null!;
    [Inject] private PortalCases Cases { get; set; } = null!;
    [Inject] private PortalSession Session { get; set; } = null!;
    [Inject] private CaseChangeFeed Feed { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Parameter] public string CaseId { get; set; } = "";

    /// <summary>Present while the page is rendered for an HTTP request (prerendering): lets a missing case answer 404.</summary>
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    private string? _email;
    private PortalCaseDetail? _case;
    private bool _notFound;
    private bool _busy;
    private string? _notice;
    private string? _loadedId;
    private LiveRefresh? _live;

    private string Title => _notFound ? $"Case not found · {PortalBrand.Name}" : _case is null ? PortalBrand.Name : $"{_case.Detail.Case.Subject} · {PortalBrand.Name}";
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;
    private bool IsClosed => _case is not null && !CaseWorkflow.CanApply(_case.Detail.Case.ToState(), new CaseTrigger.CustomerCloses(), Now);
    private bool CanClose => _case is not null && !IsClosed;

    private PortalOrder OrderCard
    {
        get
        {
            var o = _case!.Detail.Order;
            return new PortalOrder(o.Id, o.StoreId, _case.StoreName, o.OrderNumber, o.Status, o.Amount, o.Currency, o.CreatedAt,
                o.Items.Select(i => new PortalOrderItem(i.Name, i.Quantity, i.Price)).ToList(), CaseCount: 0);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == CaseId) return;
        _loadedId = CaseId;
        (_case, _notFound, _notice) = (null, false, null);
        _live?.Dispose();
        _live = null;

        _email ??= await Session.CustomerEmailAsync();
        await ReloadAsync();
        if (_case is null)
        {
            // The host re-executes /not-found for a 404, which answers a portal address in the customer's words.
            if (HttpContext is { Response.HasStarted: false } http) http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        _live = LiveRefresh.Follow(Feed, _case.Detail.Case.StoreId, change => change.CaseId == CaseId,
            () => InvokeAsync(async () => { await ReloadAsync(); StateHasChanged(); }), Clock);
    }

    private async Task ReloadAsync()
    {
        _case = _email is null ? null : await Queries.CaseAsync(_email, CaseId);
        _notFound = _case is null;
    }

    private async Task<CaseResult> ReplyAsync(ReplyDraft draft)
    {
        var result = await Cases.ReplyAsync(_email!, CaseId, draft.Body, draft.Files.ToUploads());
        if (result.Outcome is CaseOutcome.Ok or CaseOutcome.NotFound) await ReloadAsync();
        StateHasChanged();
        return result;
    }

    private async Task CloseAsync()
    {
        if (_busy) return;
        _busy = true;
        try
        {
            var result = await Cases.CloseAsync(_email!, CaseId);
            _notice = result.Succeeded ? null : result.Error;
            await ReloadAsync();
            if (result.Succeeded) Snackbar.Add("Case closed. Write again any time to open it again.", Severity.Success);
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose() => _live?.Dispose();
}
