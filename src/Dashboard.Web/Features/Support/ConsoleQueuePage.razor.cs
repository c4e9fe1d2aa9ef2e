using Dashboard.Domain;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Support;

/// <summary>
/// Platform support's queue: escalated cases of every store, filters and the keyset cursor in the URL,
/// live on every store's changes. The page only hides; <see cref="SupportQueries"/> refuses anyone else.
/// </summary>
public sealed partial class ConsoleQueuePage
{
    [Inject] private SupportQueries Queries { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private CaseChangeFeed Feed { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "store")] public string? StoreParam { get; set; }
    [SupplyParameterFromQuery(Name = "signal")] public string? SignalParam { get; set; }
    [SupplyParameterFromQuery(Name = "priority")] public string? PriorityParam { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusParam { get; set; }
    [SupplyParameterFromQuery(Name = "assignee")] public string? AssigneeParam { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? SearchParam { get; set; }
    [SupplyParameterFromQuery(Name = "after")] public string? AfterParam { get; set; }

    private string? _userId;
    private bool _denied;
    private IReadOnlyList<(string Id, string Name)> _stores = [];
    private ConsoleQueueResult? _page;
    private int _searchKey;
    private LiveRefresh? _live;

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private AssigneeFilter View => AssigneeParam switch
    {
        "mine" => AssigneeFilter.Mine,
        "unassigned" => AssigneeFilter.Unassigned,
        _ => AssigneeFilter.Anyone,
    };

    private bool Filtered => !string.IsNullOrEmpty(StoreParam) || !string.IsNullOrEmpty(SignalParam) || !string.IsNullOrEmpty(PriorityParam)
        || !string.IsNullOrEmpty(StatusParam) || View != AssigneeFilter.Anyone || !string.IsNullOrWhiteSpace(SearchParam);

    private static string Href(ConsoleQueueRow row) => $"/support/cases/{row.Id}";

    protected override async Task OnInitializedAsync()
    {
        var scope = await Stores.GetAsync();
        if (scope?.TwoFactorSetupRequired == true)
        {
            // Back to this very address (with its filters) once two-factor sign-in is set up.
            Navigation.NavigateTo(AccountPaths.WithReturnUrl(AccountPaths.TwoFactorSetup, "/" + Navigation.ToBaseRelativePath(Navigation.Uri)), forceLoad: true);
            return;
        }
        if (scope?.Satisfies(Policies.PlatformSupport) != true)
        {
            _denied = true;
            return;
        }
        _userId = scope.UserId;
        _stores = await Queries.StoresAsync(_userId);
        if (RendererInfo.IsInteractive)
            _live = LiveRefresh.Follow(Feed, CaseChangeFeed.AllStores, _ => true, () => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }), Clock);
    }

    protected override async Task OnParametersSetAsync()
    {
        _searchKey++;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (_userId is null) return;
        var query = new ConsoleQuery(
            string.IsNullOrEmpty(StoreParam) ? null : StoreParam,
            Parse<EscalationSignalKind>(SignalParam), Parse<CasePriority>(PriorityParam), Parse<CaseStatus>(StatusParam),
            View, string.IsNullOrWhiteSpace(SearchParam) ? null : SearchParam.Trim(), AfterParam);
        _page = await Queries.QueueAsync(_userId, query);
    }

    private static T? Parse<T>(string? value) where T : struct, Enum => WireNames.TryParse<T>(value, out var parsed) ? parsed : null;

    private static string Text(ChangeEventArgs e) => e.Value as string ?? "";

    private void Go(string url) => Navigation.NavigateTo(url);

    private string ViewClass(AssigneeFilter view) => view == View ? "console-view active" : "console-view";

    private string? Current(AssigneeFilter view) => view == View ? "page" : null;

    /// <summary>The queue's URL with the given filters changed (empty string clears one); any change but paging starts at the first page.</summary>
    private string Url(string? store = null, string? signal = null, string? priority = null, string? status = null, string? assignee = null,
        string? search = null, string? after = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) parts.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
        }
        Add("store", store ?? StoreParam);
        Add("signal", signal ?? SignalParam);
        Add("priority", priority ?? PriorityParam);
        Add("status", status ?? StatusParam);
        Add("assignee", assignee ?? AssigneeParam);
        Add("q", search ?? SearchParam);
        Add("after", after);
        return parts.Count == 0 ? "/support" : "/support?" + string.Join('&', parts);
    }

    public void Dispose() => _live?.Dispose();
}
