using System.Globalization;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases.List;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Team;
using Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Dashboard.Web.Features.Cases;

/// <summary>The case list: tabs, filters and paging all live in the query string.</summary>
public sealed partial class CaseListPage
{
    private static readonly TimeSpan SearchDebounce = TimeSpan.FromMilliseconds(300);

    [Inject] private CaseQueries Queries { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private CaseChangeFeed Feed { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TeamService Team { get; set; } = null!;
    [Inject] private ILogger<CaseListPage> Logger { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "tab")] public string? TabParam { get; set; }
    // Numbers arrive as text: a typed parameter would throw (500) on page=abc, page=1.5 or page=99999999999.
    [SupplyParameterFromQuery(Name = "page")] public string? PageParam { get; set; }
    [SupplyParameterFromQuery(Name = "size")] public string? SizeParam { get; set; }
    [SupplyParameterFromQuery(Name = "priority")] public string? PriorityParam { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? SearchParam { get; set; }
    [SupplyParameterFromQuery(Name = "assigned")] public string? AssignedParam { get; set; }

    private string? _storeId;
    private string? _userId;
    private IReadOnlyDictionary<string, string> _memberNames = new Dictionary<string, string>();
    private bool _noStore;
    private TabCounts _counts = TabCounts.Zero;
    private CaseListResult? _result;
    private bool _loading;
    private string? _announcement;
    private string? _announcedQuery;
    private string? _error;
    private string? _searchText;
    private string? _searchInitial;
    private int _searchKey;
    private string? _requestedSearch;
    private Debouncer? _debounce;
    private CancellationTokenSource? _loadCts;
    private LiveRefresh? _live;

    private CaseTab CurrentTab => CaseTabs.FromSlug(TabParam);
    private int CurrentPage => CaseListUrl.ParsePage(PageParam);
    private int PageSize => CaseListUrl.ParseSize(SizeParam);
    private CasePriority? Priority => CaseListUrl.ParsePriority(PriorityParam);
    private AssigneeFilter Assigned => CaseListUrl.ParseAssigned(AssignedParam);
    private string? Search => Normalize(SearchParam);
    private bool Filtered => Search is not null || Priority is not null || Assigned != AssigneeFilter.Anyone;

    private string Title => $"{CurrentTab.Label()} ({_counts.Of(CurrentTab).ToString("N0", CultureInfo.InvariantCulture)}) · Cases";

    private string RangeText => _result is null || _result.Total == 0 ? "0 cases"
        : $"{(_result.Page - 1) * _result.PageSize + 1:N0}–{(_result.Page - 1) * _result.PageSize + _result.Rows.Count:N0} of {_result.TotalText}";

    /// <summary>A capped search total is a lower bound: a full page means there may be more.</summary>
    private bool HasNextPage => _result is not null &&
        (CurrentPage < _result.TotalPages || (_result.TotalIsCapped && _result.Rows.Count == _result.PageSize));

    private string EmptyMessage => Filtered
        ? Search is { } q ? $"No cases match “{q}”{PriorityText}{AssignedText} in {CurrentTab.Label()}."
                          : $"No {CurrentTab.Label().ToLowerInvariant()} cases{PriorityText}{AssignedText}."
        : CaseTabs.Of(CurrentTab).Empty;

    private string PriorityText => Priority is { } p ? $" with priority {CaseWorkflow.Label(p)}" : "";
    private string AssignedText => Assigned switch
    {
        AssigneeFilter.Me => " assigned to you",
        AssigneeFilter.Unassigned => " without an assignee",
        _ => "",
    };

    protected override async Task OnInitializedAsync()
    {
        var scope = await Stores.GetAsync();
        if (scope?.StoreId is not { } storeId)
        {
            if (scope is not null && (scope.Satisfies(Policies.PlatformSupport) || scope.TwoFactorSetupRequired))
                Navigation.NavigateTo("/support/escalated", replace: true);
            _noStore = true;
            return;
        }
        _storeId = storeId;
        _userId = scope.UserId;
        _memberNames = (await Team.MembersAsync(scope.UserId, storeId)).ToDictionary(m => m.UserId, m => m.DisplayName);
        _live = LiveRefresh.Follow(Feed, storeId, _ => true, () => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }), Clock);
    }

    protected override async Task OnParametersSetAsync()
    {
        // Take the URL's search into the box only when someone else put it there (back/forward, a link,
        // Clear): while typing, the URL trails the box by the debounce and must not overwrite it.
        var q = Normalize(SearchParam);
        if (q != _requestedSearch)
        {
            // A new element with the URL's text; the box is otherwise never written while typing.
            _searchText = _searchInitial = SearchParam;
            _searchKey++;
        }
        _requestedSearch = q;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (_storeId is null) return;
        _loadCts?.Cancel();
        var cts = _loadCts = new CancellationTokenSource();
        _loading = true;
        try
        {
            Task<CaseListResult> Page(int page) => Queries.ListAsync(_storeId, new CaseListQuery
            {
                Status = CurrentTab.Status(), Priority = Priority, Search = Search, Page = page, PageSize = PageSize,
                AssigneeUserId = Assigned == AssigneeFilter.Me ? _userId : null, Unassigned = Assigned == AssigneeFilter.Unassigned,
            }, cts.Token);
            var result = await Page(CurrentPage);
            if (result.Page > result.TotalPages && result.TotalPages > 0)
            {
                // A page past the end (an old link, a hand-edited URL) shows the last page, and once the
                // page is interactive the address follows (a prerender cannot redirect).
                result = await Page(result.TotalPages);
                if (RendererInfo.IsInteractive) Navigation.NavigateTo(PageHref(result.Page), replace: true);
            }
            if (cts.IsCancellationRequested) return;
            (_counts, _result, _error) = (result.Counts, result, null);
            Announce();
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // A newer load replaced this one.
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Loading the case list failed");
            _error = "The cases could not be loaded. Check your connection and try again.";
        }
        finally
        {
            if (ReferenceEquals(_loadCts, cts)) _loading = false;
        }
    }

    private Task RetryAsync() => LoadAsync();

    /// <summary>
    /// Puts the result in the status region when what is asked changed (tab, filter, search, page), so a
    /// screen reader says it once; not on opening the page (it reads the page) nor on a live refresh of the same list.
    /// </summary>
    private void Announce()
    {
        var query = $"{CurrentTab}|{Priority}|{Search}|{Assigned}|{CurrentPage}|{PageSize}";
        if (query == _announcedQuery) return;
        var first = _announcedQuery is null;
        _announcedQuery = query;
        if (first || _result is null) return;
        _announcement = _result.Rows.Count == 0 ? EmptyMessage : $"{CurrentTab.Label()}: {RangeText} cases";
    }

    private void OpenCase(string caseId) => Navigation.NavigateTo($"/cases/{caseId}");

    private string TabHref(CaseTab tab) => CaseListUrl.Build(tab, 1, PageSize, Priority, Search, Assigned);
    private string PageHref(int page) => CaseListUrl.Build(CurrentTab, Math.Max(1, page), PageSize, Priority, Search, Assigned);

    private void Go(CasePriority? priority, string? search, int? size = null, bool replace = false, AssigneeFilter? assigned = null) =>
        Navigation.NavigateTo(CaseListUrl.Build(CurrentTab, 1, size ?? PageSize, priority, search, assigned ?? Assigned), replace: replace);

    /// <summary>Every keystroke: search once typing pauses for 300 ms.</summary>
    private void OnSearchInput(ChangeEventArgs e)
    {
        _searchText = e.Value as string;
        (_debounce ??= new Debouncer(SearchDebounce, Clock)).Schedule(() => _ = InvokeAsync(SubmitSearch));
    }

    private void OnSearchKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Enter") SubmitSearch();
    }

    private void SubmitSearch()
    {
        _debounce?.Cancel();
        var q = Normalize(_searchText);
        if (q == Search) return;
        _requestedSearch = q;
        Go(Priority, q, replace: true);
    }

    private static string? Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void ClearFilters() => Go(null, null, assigned: AssigneeFilter.Anyone);
    private void OnAssignedChanged(ChangeEventArgs e) => Go(Priority, Search, assigned: CaseListUrl.ParseAssigned(e.Value as string));
    private void OnPriorityChanged(ChangeEventArgs e) => Go(CaseListUrl.ParsePriority(e.Value as string), Search);
    private void OnSizeChanged(ChangeEventArgs e) => Go(Priority, Search, CaseListUrl.ParseSize(e.Value as string));

    public void Dispose()
    {
        _live?.Dispose();
        _loadCts?.Cancel();
        _loadCts?.Dispose();
        _debounce?.Dispose();
    }
}
