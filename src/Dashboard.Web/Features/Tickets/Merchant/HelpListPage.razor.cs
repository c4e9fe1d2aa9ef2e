using Dashboard.Data.Entities;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Dashboard.Web.Features.Tickets.Merchant;

/// <summary>The store's tickets to platform support: filters, search and paging in the URL, newest activity first, live.</summary>
public sealed partial class HelpListPage
{
    private static readonly TimeSpan SearchDebounce = TimeSpan.FromMilliseconds(300);

    [Inject] private TicketQueries Queries { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private TicketChangeFeed Feed { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private ILogger<HelpListPage> Logger { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "status")] public string? StatusParam { get; set; }
    [SupplyParameterFromQuery(Name = "severity")] public string? SeverityParam { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? SearchParam { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public string? PageParam { get; set; }
    [SupplyParameterFromQuery(Name = "size")] public string? SizeParam { get; set; }

    private string? _storeId;
    private bool _noStore;
    private TicketPage<SupportTicket>? _page;
    private bool _loading;
    private string? _error;
    private string? _searchText;
    private string? _searchInitial;
    private int _searchKey;
    private string? _requestedSearch;
    private Debouncer? _debounce;
    private IDisposable? _live;

    private TicketStatus? StatusFilter => HelpListUrl.Parse<TicketStatus>(StatusParam);
    private TicketSeverity? SeverityFilter => HelpListUrl.Parse<TicketSeverity>(SeverityParam);
    private string? Search => Normalize(SearchParam);
    private int CurrentPage => PagingQuery.ParsePage(PageParam);
    /// <summary>The page on screen: the URL's, or the last one when the URL's is past the end.</summary>
    private int ShownPage => _page is { Limit: > 0 } p ? p.Offset / p.Limit + 1 : 1;
    private int PageSize => PagingQuery.ParseSize(SizeParam, HelpListUrl.PageSizes, TicketLimits.PageSizeDefault);
    private bool Filtered => StatusFilter is not null || SeverityFilter is not null || Search is not null;

    private string RangeText => _page is null || _page.Total == 0 ? "0 tickets"
        : $"{_page.Offset + 1:N0}–{Math.Min(_page.Offset + _page.Limit, _page.Total):N0} of {_page.Total:N0}";

    protected override async Task OnInitializedAsync()
    {
        var scope = await Stores.GetAsync();
        if (scope?.StoreId is not { } storeId)
        {
            if (scope?.Satisfies(Policies.PlatformSupport) == true) Navigation.NavigateTo("/support/tickets", replace: true);
            _noStore = true;
            return;
        }
        _storeId = storeId;
        if (RendererInfo.IsInteractive)
            _live = TicketLive.FollowStore(Feed, storeId, _ => true, () => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }), Clock);
    }

    protected override async Task OnParametersSetAsync()
    {
        // Take the URL's search into the box only when someone else put it there (back/forward, a link, Clear).
        var q = Normalize(SearchParam);
        if (q != _requestedSearch)
        {
            _searchText = _searchInitial = SearchParam;
            _searchKey++;
        }
        _requestedSearch = q;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (_storeId is null) return;
        _loading = true;
        try
        {
            Task<TicketPage<SupportTicket>> Page(int offset) =>
                Queries.ListAsync(_storeId, new TicketListQuery(StatusFilter, SeverityFilter, Search, offset, PageSize));
            _page = await Page(PagingQuery.Offset(CurrentPage, PageSize));
            // A page past the end (an old link, a hand-edited URL) shows the last page.
            if (_page.Rows.Count == 0 && _page.Total > 0) _page = await Page(PagingQuery.LastPageOffset(_page.Total, PageSize));
            _error = null;
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Loading the tickets failed");
            _error = "The tickets could not be loaded. Check your connection and try again.";
        }
        finally
        {
            _loading = false;
        }
    }

    private void Open(int number) => Navigation.NavigateTo($"/help/{number}");

    private string PageHref(int page) => HelpListUrl.Build(StatusFilter, SeverityFilter, Search, Math.Max(1, page), PageSize);

    private void Go(TicketStatus? status, TicketSeverity? severity, string? search, int? size = null, bool replace = false) =>
        Navigation.NavigateTo(HelpListUrl.Build(status, severity, search, 1, size ?? PageSize), replace: replace);

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
        Go(StatusFilter, SeverityFilter, q, replace: true);
    }

    private static string? Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public void Dispose()
    {
        _live?.Dispose();
        _debounce?.Dispose();
    }
}
