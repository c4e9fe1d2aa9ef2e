using System.Globalization;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Tickets;
using Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Support.Tickets;

/// <summary>Platform support's queue of every store's tickets: filters in the URL, oldest unanswered first, live.</summary>
public sealed partial class SupportTicketQueuePage
{
    public const int PageSize = 25;

    [Inject] private SupportTicketQueries Queries { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private TicketChangeFeed Feed { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "store")] public string? StoreParam { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusParam { get; set; }
    [SupplyParameterFromQuery(Name = "severity")] public string? SeverityParam { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public string? CategoryParam { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? SearchParam { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public string? PageParam { get; set; }

    private string? _userId;
    private bool _denied;
    private IReadOnlyList<(string Id, string Name)> _stores = [];
    private TicketPage<TicketQueueRow>? _page;
    private int _searchKey;
    private IDisposable? _live;

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;
    private int CurrentPage => PagingQuery.ParsePage(PageParam);
    /// <summary>The page on screen: the URL's, or the last one when the URL's is past the end.</summary>
    private int ShownPage => _page is { Limit: > 0 } p ? p.Offset / p.Limit + 1 : 1;

    private static string Href(TicketQueueRow row) => $"/support/tickets/{row.Id:D}";

    protected override async Task OnInitializedAsync()
    {
        var scope = await Stores.GetAsync();
        if (scope?.Satisfies(Policies.PlatformSupport) != true)
        {
            _denied = true;
            return;
        }
        _userId = scope.UserId;
        _stores = await Queries.StoresWithTicketsAsync(_userId);
        if (RendererInfo.IsInteractive)
            _live = TicketLive.FollowEveryStore(Feed, _ => true, () => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }), Clock);
    }

    protected override async Task OnParametersSetAsync()
    {
        _searchKey++;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (_userId is null) return;
        var query = new TicketQueueQuery(
            string.IsNullOrEmpty(StoreParam) ? null : StoreParam,
            Parse<TicketStatus>(StatusParam), Parse<TicketSeverity>(SeverityParam), Parse<TicketCategory>(CategoryParam),
            string.IsNullOrWhiteSpace(SearchParam) ? null : SearchParam.Trim(), PagingQuery.Offset(CurrentPage, PageSize), PageSize);
        _page = await Queries.QueueAsync(_userId, query);
        // A page past the end (an old link, a hand-edited URL) shows the last page.
        if (_page is { Rows.Count: 0, Total: > 0 })
            _page = await Queries.QueueAsync(_userId, query with { Offset = PagingQuery.LastPageOffset(_page.Total, PageSize) });
        _denied = _page is null;
    }

    private static T? Parse<T>(string? value) where T : struct, Enum => LowerWireNames.TryParse<T>(value, out var parsed) ? parsed : null;

    private static string Text(ChangeEventArgs e) => e.Value as string ?? "";

    private void OnSearchChanged(ChangeEventArgs e) => Go(search: Text(e));

    /// <summary>The queue's URL with one filter changed (empty string clears it) and paging back to 1.</summary>
    private void Go(string? store = null, string? status = null, string? severity = null, string? category = null, string? search = null, int page = 1) =>
        Navigation.NavigateTo(Url(store ?? StoreParam, status ?? StatusParam, severity ?? SeverityParam, category ?? CategoryParam, search ?? SearchParam, page));

    private string PageHref(int page) => Url(StoreParam, StatusParam, SeverityParam, CategoryParam, SearchParam, Math.Max(1, page));

    private static string Url(string? store, string? status, string? severity, string? category, string? search, int page)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) parts.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
        }
        Add("store", store);
        Add("status", status);
        Add("severity", severity);
        Add("category", category);
        Add("q", search);
        if (page > 1) parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "/support/tickets" : "/support/tickets?" + string.Join('&', parts);
    }

    public void Dispose()
    {
        _live?.Dispose();
    }
}
