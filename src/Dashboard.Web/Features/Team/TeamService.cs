using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Web.Features.Stores;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Team;

/// <summary>
/// The store's members and roles (spec "Who may do what": every member reads the team, for
/// assignment; only an owner changes roles or removes someone). Access is decided here by policy
/// (<see cref="StoreAccess"/>), never only by a hidden button. A store always keeps an owner: the
/// check and the write are one statement, so two owners demoting each other cannot both succeed.
/// </summary>
public sealed class TeamService(IDbContextFactory<DashboardDbContext> dbFactory, StoreAccess access)
{
    public const string OwnerOnly = "Only the store's owner can change the team";
    public const string NotAMember = "This person is not a member of the store";
    public const string LastOwner = "A store needs at least one owner: make someone else owner first";

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

    /// <summary>An owner makes a member an owner or an agent; the last owner cannot be made an agent.</summary>
    public async Task<TeamChangeResult> ChangeRoleAsync(string? ownerUserId, string storeId, string memberUserId, StoreRole role, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(ownerUserId, Policies.StoreOwner, storeId, ct)) return new(OwnerOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = db.StoreMembers.Where(m => m.StoreId == storeId && m.UserId == memberUserId);
        if (!await member.AnyAsync(ct)) return new(NotAMember);
        var changed = await KeepingAnOwner(db, storeId, memberUserId, role == StoreRole.Owner)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, role), ct);
        return changed == 1 ? TeamChangeResult.Ok : new(LastOwner);
    }

    /// <summary>
    /// An owner removes a member (themselves included, unless they are the last owner). Their cases in
    /// this store become unassigned, and their security stamp changes, so their open sessions end at the
    /// next sign-in check (within a minute); all in one transaction.
    /// </summary>
    public async Task<TeamChangeResult> RemoveAsync(string? ownerUserId, string storeId, string memberUserId, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(ownerUserId, Policies.StoreOwner, storeId, ct)) return new(OwnerOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.StoreMembers.AnyAsync(m => m.StoreId == storeId && m.UserId == memberUserId, ct)) return new(NotAMember);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await KeepingAnOwner(db, storeId, memberUserId, stillOwner: false).ExecuteDeleteAsync(ct) != 1) return new(LastOwner);
        await db.Cases.Where(c => c.StoreId == storeId && c.AssigneeUserId == memberUserId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssigneeUserId, (string?)null).SetProperty(c => c.Version, c => c.Version + 1), ct);
        await db.Users.Where(u => u.Id == memberUserId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N").ToUpperInvariant())
            .SetProperty(u => u.CurrentStoreId, u => u.CurrentStoreId == storeId ? null : u.CurrentStoreId), ct);
        await tx.CommitAsync(ct);
        return TeamChangeResult.Ok;
    }

    /// <summary>
    /// The member's row, only while the store keeps an owner afterwards: always when they stay an owner
    /// (<paramref name="stillOwner"/>), else only when another owner exists. One statement with its check.
    /// </summary>
    private static IQueryable<Dashboard.Data.Entities.StoreMember> KeepingAnOwner(DashboardDbContext db, string storeId, string memberUserId, bool stillOwner) =>
        db.StoreMembers.Where(m => m.StoreId == storeId && m.UserId == memberUserId
            && (stillOwner || db.StoreMembers.Any(o => o.StoreId == storeId && o.Role == StoreRole.Owner && o.UserId != memberUserId)));
}
