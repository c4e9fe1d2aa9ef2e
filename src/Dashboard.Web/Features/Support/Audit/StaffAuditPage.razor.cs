using System.Globalization;
using Dashboard.Data.Entities;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Features.Stores;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Support.Audit;

/// <summary>The staff audit log, filtered by staff member, action, store and dates (all in the URL); platform support only.</summary>
public sealed partial class StaffAuditPage
{
    public const int PageSize = 50;

    [Inject] private StaffAuditQueries Audit { get; set; } = null!;
    [Inject] private SupportQueries Support { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "staff")] public string? StaffParam { get; set; }
    [SupplyParameterFromQuery(Name = "action")] public string? ActionParam { get; set; }
    [SupplyParameterFromQuery(Name = "store")] public string? StoreParam { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? FromParam { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToParam { get; set; }
    [SupplyParameterFromQuery(Name = "before")] public string? BeforeParam { get; set; }

    /// <summary>The keyset position from the URL; text that is not a whole number starts from the newest entry.</summary>
    private long? Before => long.TryParse(BeforeParam, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var before) ? before : null;

    private string? _userId;
    private bool _denied;
    private IReadOnlyList<(string Id, string Name)> _staff = [];
    private IReadOnlyList<(string Id, string Name)> _stores = [];
    private IReadOnlyList<StaffAuditEntry>? _rows;

    protected override async Task OnInitializedAsync()
    {
        var scope = await Stores.GetAsync();
        if (scope?.TwoFactorSetupRequired == true)
        {
            Navigation.NavigateTo(AccountPaths.WithReturnUrl(AccountPaths.TwoFactorSetup, "/support/audit"), forceLoad: true);
            return;
        }
        if (scope?.Satisfies(Policies.PlatformSupport) != true)
        {
            _denied = true;
            return;
        }
        _userId = scope.UserId;
        _staff = await Audit.StaffAsync(_userId);
        _stores = await Support.StoresAsync(_userId);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_userId is null) return;
        _rows = await Audit.ListAsync(_userId, new StaffAuditQuery(
            Empty(StaffParam), Empty(ActionParam), Empty(StoreParam), Date(FromParam), Date(ToParam), Before, PageSize));
    }

    private string StoreName(string? storeId) => _stores.FirstOrDefault(s => s.Id == storeId).Name ?? "";

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Text(ChangeEventArgs e) => e.Value as string ?? "";

    private void Go(string url) => Navigation.NavigateTo(url);

    private string Url(string? staff = null, string? action = null, string? store = null, string? from = null, string? to = null, string? before = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) parts.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
        }
        Add("staff", staff ?? StaffParam);
        Add("action", action ?? ActionParam);
        Add("store", store ?? StoreParam);
        Add("from", from ?? FromParam);
        Add("to", to ?? ToParam);
        Add("before", before);
        return parts.Count == 0 ? "/support/audit" : "/support/audit?" + string.Join('&', parts);
    }
}
