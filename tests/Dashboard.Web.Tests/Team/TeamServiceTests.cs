using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Team;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Team;

/// <summary>Settings → Team's rules (TeamService): owners change roles and remove members; agents and outsiders cannot; a store keeps an owner.</summary>
public class TeamServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TeamService _team = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _team = new TeamService(_db.Factory, new StoreAccess(_db.Factory));
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private async Task<StoreRole?> RoleAsync(string storeId, string userId)
    {
        await using var db = _db.NewContext();
        return await db.StoreMembers.Where(m => m.StoreId == storeId && m.UserId == userId).Select(m => (StoreRole?)m.Role).FirstOrDefaultAsync();
    }

    [Fact]
    public async Task An_owner_promotes_and_demotes_but_the_last_owner_cannot_be_demoted()
    {
        var (store, _, _) = await _db.AddStoreAsync();
        var theo = await _db.AddMemberAsync(store.Id, "Theo Park", StoreRole.Owner);
        var mia = await _db.AddMemberAsync(store.Id, "Mia Chen");

        var lastOwner = await _team.ChangeRoleAsync(theo.UserId!, store.Id, theo.UserId!, StoreRole.Agent);
        lastOwner.Error.ShouldBe(TeamService.LastOwner);
        (await RoleAsync(store.Id, theo.UserId!)).ShouldBe(StoreRole.Owner);

        (await _team.ChangeRoleAsync(theo.UserId!, store.Id, mia.UserId!, StoreRole.Owner)).Succeeded.ShouldBeTrue();
        (await _team.ChangeRoleAsync(theo.UserId!, store.Id, theo.UserId!, StoreRole.Agent)).Succeeded.ShouldBeTrue();

        (await RoleAsync(store.Id, mia.UserId!)).ShouldBe(StoreRole.Owner);
        (await RoleAsync(store.Id, theo.UserId!)).ShouldBe(StoreRole.Agent);
    }

    [Fact]
    public async Task Agents_and_outsiders_cannot_change_roles_or_remove_anyone()
    {
        var (store, _, _) = await _db.AddStoreAsync();
        var (other, _, _) = await _db.AddStoreAsync("Contoso Games");
        var theo = await _db.AddMemberAsync(store.Id, "Theo Park", StoreRole.Owner);
        var mia = await _db.AddMemberAsync(store.Id, "Mia Chen");
        var outsider = await _db.AddMemberAsync(other.Id, "Olga Owner", StoreRole.Owner);

        (await _team.ChangeRoleAsync(mia.UserId!, store.Id, mia.UserId!, StoreRole.Owner)).Error.ShouldBe(TeamService.OwnerOnly);
        (await _team.RemoveAsync(mia.UserId!, store.Id, theo.UserId!)).Error.ShouldBe(TeamService.OwnerOnly);
        (await _team.ChangeRoleAsync(outsider.UserId!, store.Id, mia.UserId!, StoreRole.Owner)).Error.ShouldBe(TeamService.OwnerOnly);
        (await _team.RemoveAsync(outsider.UserId!, store.Id, mia.UserId!)).Error.ShouldBe(TeamService.OwnerOnly);
        (await _team.ChangeRoleAsync(theo.UserId!, store.Id, outsider.UserId!, StoreRole.Owner)).Error.ShouldBe(TeamService.NotAMember);

        (await RoleAsync(store.Id, mia.UserId!)).ShouldBe(StoreRole.Agent);
        (await RoleAsync(store.Id, theo.UserId!)).ShouldBe(StoreRole.Owner);
        (await RoleAsync(store.Id, outsider.UserId!)).ShouldBeNull();
    }

    [Fact]
    public async Task Removing_a_member_ends_their_access_unassigns_their_cases_and_changes_their_security_stamp()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var theo = await _db.AddMemberAsync(store.Id, "Theo Park", StoreRole.Owner);
        var mia = await _db.AddMemberAsync(store.Id, "Mia Chen");
        var c = await _db.OpenCaseAsync(store.Id, order.Id);
        (await _db.CaseService().AssignAsync(store.Id, c.Id, theo, mia.UserId!)).Outcome.ShouldBe(CaseOutcome.Ok);
        string? stampBefore;
        await using (var db = _db.NewContext()) stampBefore = await db.Users.Where(u => u.Id == mia.UserId!).Select(u => u.SecurityStamp).FirstAsync();

        (await _team.RemoveAsync(theo.UserId!, store.Id, mia.UserId!)).Succeeded.ShouldBeTrue();

        (await RoleAsync(store.Id, mia.UserId!)).ShouldBeNull();
        (await new StoreAccess(_db.Factory).AllowsAsync(mia.UserId!, Policies.StoreMember, store.Id)).ShouldBeFalse();
        (await _db.CaseService().AddNoteAsync(store.Id, c.Id, mia, "Still here?")).Outcome.ShouldBe(CaseOutcome.Forbidden);
        (await _db.CaseQueries().GetAsync(store.Id, c.Id, TimelineAudience.MerchantDashboard))!.Case.AssigneeUserId.ShouldBeNull();
        await using var check = _db.NewContext();
        (await check.Users.Where(u => u.Id == mia.UserId!).Select(u => u.SecurityStamp).FirstAsync()).ShouldNotBe(stampBefore);
    }

    [Fact]
    public async Task The_last_owner_cannot_leave_but_an_owner_can_when_another_remains()
    {
        var (store, _, _) = await _db.AddStoreAsync();
        var theo = await _db.AddMemberAsync(store.Id, "Theo Park", StoreRole.Owner);

        (await _team.RemoveAsync(theo.UserId!, store.Id, theo.UserId!)).Error.ShouldBe(TeamService.LastOwner);
        (await RoleAsync(store.Id, theo.UserId!)).ShouldBe(StoreRole.Owner);

        var nadia = await _db.AddMemberAsync(store.Id, "Nadia Holm", StoreRole.Owner);
        (await _team.RemoveAsync(theo.UserId!, store.Id, theo.UserId!)).Succeeded.ShouldBeTrue();
        (await RoleAsync(store.Id, theo.UserId!)).ShouldBeNull();
        (await RoleAsync(store.Id, nadia.UserId!)).ShouldBe(StoreRole.Owner);
    }
}
