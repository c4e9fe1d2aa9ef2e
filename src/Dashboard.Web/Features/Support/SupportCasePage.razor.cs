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
    [Inject] private CaseService Cases { get; set; } = null!;
    [Inject] private SupportQueries Support { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private CaseChangeFeed Feed { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    [Parameter] public string CaseId { get; set; } = "";

    private MerchantScope? _scope;
    private CaseDetail? _detail;
    private string? _storeName;
    private bool _denied;
    private bool _notFound;
    private string? _loadedId;
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
        // The page only hides; SupportQueries and CaseService refuse anyone the policy refuses.
        if (_scope?.Satisfies(Policies.PlatformSupport) != true)
        {
            _denied = true;
            return;
        }
        await ReloadAsync();
        if (_detail is null) return;
        _storeName = await Support.StoreNameAsync(_scope.UserId, _detail.Case.StoreId);
        _live?.Dispose();
        _live = LiveRefresh.Follow(Feed, _detail.Case.StoreId, change => change.Concerns(_detail?.Case.Id),
            () => InvokeAsync(async () => { await ReloadAsync(); StateHasChanged(); }), Clock);
    }

    private async Task ReloadAsync()
    {
        // Support sees escalated cases only; any other case answers exactly like a missing one.
        _detail = await Support.GetEscalatedAsync(_scope!.UserId, CaseId);
        _notFound = _detail is null;
    }

    private async Task<CaseResult> PostAsync(ReplyDraft draft)
    {
        var result = await Cases.SupportPostAsync(_detail!.Case.Id, Actor.Support(_scope!.UserId), draft.Body, draft.Files.ToUploads());
        if (result.Outcome is CaseOutcome.Ok or CaseOutcome.Conflict) await ReloadAsync();
        StateHasChanged();
        return result;
    }

    public void Dispose() => _live?.Dispose();
}
