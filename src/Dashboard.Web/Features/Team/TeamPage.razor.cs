using Dashboard.Domain;
using Dashboard.Web.Features.Stores;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Team;

/// <summary>
/// Settings → Team: the members and their roles; an owner changes roles and removes members (the
/// service decides, including "a store keeps an owner"); others see the list read-only.
/// </summary>
public sealed partial class TeamPage
{
    [Inject] private TeamService Team { get; set; } = null!;
    [Inject] private StoreContext Stores { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private bool _loading = true;
    private bool _busy;
    private bool _isOwner;
    private string? _userId;
    private string? _storeId;
    private string? _storeName;
    private string? _error;
    private string? _confirmRemove;
    private IReadOnlyList<TeamMember> _members = [];

    protected override async Task OnInitializedAsync()
    {
        var scope = await Stores.GetAsync();
        (_userId, _storeId, _storeName) = (scope?.UserId, scope?.StoreId, scope?.Current?.Name);
        _isOwner = scope?.Satisfies(Policies.StoreOwner) == true;
        await LoadAsync();
        _loading = false;
    }

    private async Task LoadAsync()
    {
        if (_storeId is not null) _members = await Team.MembersAsync(_userId, _storeId);
    }

    private async Task ChangeRoleAsync(TeamMember member, string? value)
    {
        if (_storeId is null || !Enum.TryParse<StoreRole>(value, out var role) || role == member.Role) return;
        await RunAsync(() => Team.ChangeRoleAsync(_userId, _storeId, member.UserId, role), $"{member.DisplayName} is now {(role == StoreRole.Owner ? "an owner" : "an agent")}");
    }

    private async Task RemoveAsync(TeamMember member)
    {
        if (_storeId is null) return;
        var leaving = member.UserId == _userId;
        await RunAsync(() => Team.RemoveAsync(_userId, _storeId, member.UserId), leaving ? "You left the store" : $"{member.DisplayName} was removed from the store");
        _confirmRemove = null;
        if (leaving && _error is null) Navigation.NavigateTo("/", forceLoad: true);
    }

    private async Task RunAsync(Func<Task<TeamChangeResult>> change, string success)
    {
        _busy = true;
        try
        {
            var result = await change();
            _error = result.Error;
            if (result.Succeeded) Snackbar.Add(success, Severity.Success);
            // Reload either way: a refused role change puts the menu back to the role that stands.
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
