using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Cases.Detail;
using Dashboard.Web.Features.Stores;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Support;

/// <summary>
/// An escalated case of any store in the console: the timeline as staff see it (staff notes included),
/// signals, assignment, status and priority, staff notes, de-escalation. Not escalated = not found.
/// Opening it writes an audit row; live reloads do not.
/// </summary>
public sealed partial class SupportCasePage
{
    [Inject] private CaseService Cases { get; set; } = null!;
    [Inject] private SupportQueries Support { get; set; } = null!;
    [Inject] private StaffAssignments Assignments { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private CaseChangeFeed Feed { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    [Parameter] public string CaseId { get; set; } = "";

    private MerchantScope? _scope;
    private CaseDetail? _detail;
    private IReadOnlyList<CaseSignal> _signals = [];
    private (string Id, string Name)? _assignee;
    private IReadOnlyList<(string Id, string Name)> _staff = [];
    private string? _storeName;
    private bool _denied;
    private bool _notFound;
    private bool _busy;
    private string? _notice;
    private Severity _noticeSeverity = Severity.Error;
    private string? _loadedId;
    private LiveRefresh? _live;

    private string Title => _denied ? "Access denied" : _notFound ? "Case not found · Support" : _detail is null ? "Case · Support" : $"{_detail.Case.Subject} · Support";

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
        // The first render of an interactive page is prerendered: audit the open once, on the live render.
        _detail = RendererInfo.IsInteractive
            ? await Support.OpenCaseAsync(_scope.UserId, CaseId)
            : await Support.GetEscalatedAsync(_scope.UserId, CaseId);
        _notFound = _detail is null;
        if (_detail is null) return;
        await ReloadSideAsync();
        _storeName = await Support.StoreNameAsync(_scope.UserId, _detail.Case.StoreId);
        _staff = await Assignments.StaffAsync(_scope.UserId);
        _live?.Dispose();
        if (RendererInfo.IsInteractive)
            _live = LiveRefresh.Follow(Feed, _detail.Case.StoreId, change => change.Concerns(_detail?.Case.Id),
                () => InvokeAsync(async () => { await ReloadAsync(); StateHasChanged(); }), Clock);
    }

    private async Task ReloadAsync()
    {
        // Support sees escalated cases only; any other case (e.g. just handed back) answers exactly like a missing one.
        _detail = await Support.GetEscalatedAsync(_scope!.UserId, CaseId);
        _notFound = _detail is null;
        if (_detail is not null) await ReloadSideAsync();
    }

    private async Task ReloadSideAsync()
    {
        _signals = await Support.SignalsAsync(_scope!.UserId, CaseId);
        _assignee = await Support.AssigneeAsync(_scope.UserId, CaseId);
    }

    private Actor Staff => Actor.Support(_scope!.UserId);

    private async Task<CaseResult> PostAsync(ReplyDraft draft)
    {
        var result = await Cases.SupportPostAsync(_detail!.Case.Id, Staff, draft.Body, draft.Files.ToUploads());
        if (result.Outcome is CaseOutcome.Ok or CaseOutcome.Conflict) await ReloadAsync();
        StateHasChanged();
        return result;
    }

    private Task<CaseResult> NoteAsync(string body) => RunAsync(() => Cases.StaffNoteAsync(CaseId, Staff, body), "Staff note added");

    private Task<CaseResult> UpdateAsync(CasePriority? priority, CaseStatus? status) =>
        RunAsync(() => Cases.SupportUpdateAsync(CaseId, Staff, priority, status, _detail?.Case.Version), null);

    private async Task<CaseResult> DeescalateAsync(string reason)
    {
        var result = await Cases.SupportDeescalateAsync(CaseId, Staff, reason);
        // Handed back: the case leaves the console (and this page would now answer "not found").
        if (result.Succeeded) Navigation.NavigateTo("/support");
        else (_notice, _noticeSeverity) = (result.Error, Severity.Error);
        return result;
    }

    private Task<CaseResult> ClaimAsync() => RunAsync(() => Assignments.ClaimAsync(_scope!.UserId, CaseId), "You work this case now");

    private Task<CaseResult> ReleaseAsync() => RunAsync(() => Assignments.ReleaseAsync(_scope!.UserId, CaseId), "Released");

    private Task<CaseResult> AssignAsync(string toUserId) => RunAsync(() => Assignments.AssignAsync(_scope!.UserId, CaseId, toUserId), "Assigned");

    /// <summary>Runs a staff action, shows its outcome above the timeline, and reloads.</summary>
    private async Task<CaseResult> RunAsync(Func<Task<CaseResult>> action, string? success)
    {
        _busy = true;
        try
        {
            var result = await action();
            (_notice, _noticeSeverity) = result.Succeeded ? (success, Severity.Success) : (result.Error, Severity.Error);
            await ReloadAsync();
            return result;
        }
        finally
        {
            _busy = false;
            StateHasChanged();
        }
    }

    public void Dispose() => _live?.Dispose();
}
