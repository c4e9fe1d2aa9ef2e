using Dashboard.Web.Components.Account;
using Dashboard.Web.Features.Attachments;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Cases.Detail;
using Dashboard.Web.Features.Stores;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Support;

/// <summary>An escalated case of any store, seen and answered by platform support. Not escalated = not found.</summary>
public sealed partial class SupportCasePage
{
    [Inject] private CaseQueries Queries { get; set; } = null!;
    [Inject] private CaseService Cases { get; set; } = null!;
    [Inject] private SupportQueries Support { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private CaseChangeFeed Feed { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public string CaseId { get; set; } = "";

    private MerchantScope? _scope;
    private CaseDetail? _detail;
    private string? _storeName;
    private bool _denied;
    private bool _notFound;
    private string? _loadedId;
    private IDisposable? _subscription;
    private LiveRefresh? _live;

    private string Title => _denied ? "Access denied" : _notFound ? "Case not found · Support" : _detail is null ? "Case · Support" : $"{_detail.Case.Subject} · Case";

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == CaseId) return;
        _loadedId = CaseId;
        (_detail, _notFound) = (null, false);
        _scope ??= await Stores.GetAsync();
        if (_scope?.TwoFactorSetupRequired == true)
        {
            Navigation.NavigateTo(AccountPaths.WithReturnUrl(AccountPaths.TwoFactorSetup, $"/support/cases/{CaseId}"), forceLoad: true);
            return;
        }
        if (_scope?.IsPlatformSupport != true)
        {
            _denied = true;
            return;
        }
        await ReloadAsync();
        if (_detail is null) return;
        _storeName = await Support.StoreNameAsync(_detail.Case.StoreId);
        _subscription?.Dispose();
        _live ??= new LiveRefresh(() => InvokeAsync(async () => { await ReloadAsync(); StateHasChanged(); }), TimeSpan.FromMilliseconds(500));
        _subscription = Feed.Subscribe(_detail.Case.StoreId, change =>
        {
            if (change.CaseId == _detail?.Case.Id) _live.Request();
            return Task.CompletedTask;
        });
    }

    private async Task ReloadAsync()
    {
        var detail = Ids.IsValid(CaseId, Ids.Case) ? await Queries.GetAsync(null, CaseId) : null;
        // Support sees escalated cases only; any other case answers exactly like a missing one.
        _detail = detail is { Case.Escalated: true } ? detail : null;
        _notFound = _detail is null;
    }

    private async Task<CaseResult> PostAsync(ReplyDraft draft)
    {
        var result = await Cases.SupportPostAsync(_detail!.Case.Id, Author.Support(_scope!.UserId), draft.Body, draft.Files.ToUploads());
        if (result.Outcome is CaseOutcome.Ok or CaseOutcome.Conflict) await ReloadAsync();
        StateHasChanged();
        return result;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _live?.Dispose();
    }
}
