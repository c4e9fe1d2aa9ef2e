using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases.Detail;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.SavedReplies;
using Dashboard.Web.Features.Team;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Cases;

/// <summary>One case of the current store: timeline, reply, status and priority, live.</summary>
public sealed partial class CaseDetailPage
{
    [Inject] private CaseQueries Queries { get; set; } = null!;
    [Inject] private CaseService Cases { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private CaseChangeFeed Feed { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TeamService Team { get; set; } = null!;
    [Inject] private SavedReplyService SavedReplyStore { get; set; } = null!;

    [Parameter] public string CaseId { get; set; } = "";

    private MerchantScope? _scope;
    private CaseDetail? _detail;
    private bool _notFound;
    private bool _busy;
    private string? _notice;
    private Severity _noticeSeverity = Severity.Error;
    private string? _loadedId;
    private LiveRefresh? _live;
    private IReadOnlyList<TeamMember>? _members;
    private IReadOnlyList<SavedReplyChoice>? _savedReplies;

    private string Title => _notFound ? "Case not found · Cases" : _detail is null ? "Case" : $"{_detail.Case.Subject} · Case";
    private string StoreId => _scope!.StoreId!;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == CaseId) return;
        _loadedId = CaseId;
        (_detail, _notFound, _notice) = (null, false, null);

        _scope ??= await Stores.GetAsync();
        // The store comes only from the signed-in user; a malformed id is "not found" before any lookup.
        if (_scope?.StoreId is not { } storeId || !Ids.IsValid(CaseId, Ids.Case))
        {
            _notFound = true;
            return;
        }
        _live ??= LiveRefresh.Follow(Feed, storeId, change => change.Concerns(_detail?.Case.Id),
            () => InvokeAsync(async () => { await ReloadAsync(); StateHasChanged(); }), Clock);

        await ReloadAsync();
        _members ??= await Team.MembersAsync(_scope.UserId, storeId);
        if (_detail is { } loaded)
            _savedReplies = [.. (await SavedReplyStore.ListAsync(_scope.UserId, storeId)).Select(r => new SavedReplyChoice(r.Name,
                SavedReplyService.Fill(r.Body, _scope.Current!.Name, loaded.Case, loaded.Customer, loaded.Order)))];
        if (_detail is { Case.UnreadCount: > 0 } opened)
        {
            var read = await Cases.MarkReadAsync(storeId, opened.Case.Id);
            if (read.Succeeded && read.Case is not null) opened.Case.UnreadCount = 0;
        }
    }

    private async Task ReloadAsync()
    {
        if (_scope?.StoreId is not { } storeId || !Ids.IsValid(CaseId, Ids.Case)) return;
        _detail = await Queries.GetAsync(storeId, CaseId, TimelineAudience.MerchantDashboard);
        _notFound = _detail is null;
    }

    private Actor Me => Actor.Merchant(_scope!.DisplayName, _scope.UserId);

    private async Task<CaseResult> SendReplyAsync(ReplyDraft draft)
    {
        var result = await Cases.ReplyAsync(StoreId, _detail!.Case.Id, Me, draft.Body, draft.Files.ToUploads(), expectedVersion: _detail.Case.Version);
        // The reply box shows its own error (and keeps the text); only reload here.
        if (result.Outcome is CaseOutcome.Ok or CaseOutcome.Conflict or CaseOutcome.NotFound) await ReloadAsync();
        if (result.Succeeded) _notice = null;
        // Send is a Func, not an EventCallback: Blazor re-renders only the reply box on its own.
        StateHasChanged();
        return result;
    }

    private async Task<CaseResult> AddNoteAsync(ReplyDraft draft)
    {
        // No expected version: a note does not depend on what changed meanwhile, so it is never a conflict.
        var result = await Cases.AddNoteAsync(StoreId, _detail!.Case.Id, Me, draft.Body);
        if (result.Outcome is CaseOutcome.Ok or CaseOutcome.Conflict or CaseOutcome.NotFound) await ReloadAsync();
        StateHasChanged();
        return result;
    }

    private async Task AssignAsync(string? assigneeUserId)
    {
        if (_detail is null || _busy) return;
        _busy = true;
        try
        {
            var result = await Cases.AssignAsync(StoreId, _detail.Case.Id, Me, assigneeUserId, expectedVersion: _detail.Case.Version);
            var name = _members?.FirstOrDefault(m => m.UserId == assigneeUserId)?.DisplayName;
            await AfterChangeAsync(result, name is null ? "Case unassigned" : $"Assigned to {name}");
            if (!result.Succeeded) Snackbar.Add(result.Error ?? "The assignment was not saved.", Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private Task ChangeStatusAsync(CaseStatus target) =>
        UpdateAsync(null, target, target switch
        {
            CaseStatus.Closed => "Case closed",
            CaseStatus.Open => "Case reopened",
            _ => "Status changed to " + CaseDisplay.StatusLabel(target),
        });

    private Task ChangePriorityAsync(CasePriority priority) =>
        UpdateAsync(priority, null, "Priority set to " + CaseWorkflow.Label(priority));

    private async Task UpdateAsync(CasePriority? priority, CaseStatus? status, string success)
    {
        if (_detail is null || _busy) return;
        _busy = true;
        try
        {
            var result = await Cases.UpdateAsync(StoreId, _detail.Case.Id, Me, priority, status, expectedVersion: _detail.Case.Version);
            await AfterChangeAsync(result, success);
            if (!result.Succeeded) Snackbar.Add(result.Error ?? "The change was not saved.", Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Reloads after success and after a conflict (so the user sees what changed); shows refusals as the spec words them.</summary>
    private async Task AfterChangeAsync(CaseResult result, string success)
    {
        _notice = result.Succeeded ? null : result.Error;
        _noticeSeverity = result.Outcome == CaseOutcome.Conflict ? Severity.Warning : Severity.Error;
        if (result.Outcome is CaseOutcome.Ok or CaseOutcome.Conflict or CaseOutcome.NotFound) await ReloadAsync();
        if (result.Succeeded) Snackbar.Add(success, Severity.Success);
    }

    /// <summary>Asks for a Pandabase review (the case is escalated to platform support), with the merchant's reason.</summary>
    private async Task<CaseResult> RequestReviewAsync(string reason)
    {
        _busy = true;
        try
        {
            var result = await Cases.RequestReviewAsync(StoreId, CaseId, Me, reason);
            await AfterChangeAsync(result, $"Sent to {CaseWorkflow.SupportBrand} for review");
            return result;
        }
        finally { _busy = false; }
    }

    public void Dispose() => _live?.Dispose();
}
