using Dashboard.Data;
using Dashboard.Web.Features.Stores;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Team;

/// <summary>
/// The store's members (spec "Who may do what": every member reads the team, for assignment).
/// Access is decided here by policy (<see cref="StoreAccess"/>), never only by a hidden button.
/// </summary>
public sealed class TeamService(IDbContextFactory<DashboardDbContext> dbFactory, StoreAccess access)
{
    /// <summary>The store's members by name; nothing for someone who is not a member.</summary>
    public async Task<IReadOnlyList<TeamMember>> MembersAsync(string? userId, string storeId, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(userId, Policies.StoreMember, storeId, ct)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StoreMembers.AsNoTracking().Where(m => m.StoreId == storeId)
            .OrderBy(m => m.User.DisplayName).ThenBy(m => m.UserId)
            .Select(m => new TeamMember(m.UserId, m.User.DisplayName, m.User.Email ?? "", m.Role))
            .ToListAsync(ct);
    }
}
