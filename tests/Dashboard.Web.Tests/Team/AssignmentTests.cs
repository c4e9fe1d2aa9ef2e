using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Team;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Team;

/// <summary>
/// Assignment (CaseService.AssignAsync): to a member of the same store or to nobody, a trail line the
/// team sees, the list's "Assigned" filter, and no status, counter or last-message change.
/// </summary>
public class AssignmentTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Assigning_writes_the_trail_line_and_changes_only_the_assignee_and_version()
    {
        var (store, _, order) = await _db.AddStoreAsync("Northwind Keys");
        var theo = await _db.AddMemberAsync(store.Id, "Theo Park", StoreRole.Owner);
        var nadia = await _db.AddMemberAsync(store.Id, "Nadia Holm");
        var opened = await _db.OpenCaseAsync(store.Id, order.Id);
        var counts = await _db.CaseQueries().CountsAsync(store.Id);

        var result = await _db.CaseService().AssignAsync(store.Id, opened.Id, theo, nadia.UserId);

        result.Outcome.ShouldBe(CaseOutcome.Ok, result.Error);
        var detail = (await _db.CaseQueries().GetAsync(store.Id, opened.Id, TimelineAudience.MerchantDashboard))!;
        detail.Case.AssigneeUserId.ShouldBe(nadia.UserId);
        detail.Case.Version.ShouldBe(opened.Version + 1);
        (detail.Case.Status, detail.Case.UnreadCount, detail.Case.LastMessageAt, detail.Case.LastMessageBy)
            .ShouldBe((opened.Status, opened.UnreadCount, opened.LastMessageAt, opened.LastMessageBy));
        var line = detail.Messages.Last();
        (line.Kind, line.AuthorKind, line.Body).ShouldBe((CaseEntryKind.Trail, AuthorKind.System, "Assigned to Nadia Holm by Theo Park"));
        (await _db.CaseQueries().CountsAsync(store.Id)).ShouldBe(counts);
        // The customer never sees who works on the case.
        (await _db.CaseQueries().GetAsync(store.Id, opened.Id, TimelineAudience.CustomerPortal))!.Messages.ShouldNotContain(m => m.Body.StartsWith("Assigned"));
    }

    [Fact]
    public async Task Unassigning_says_who_did_it_and_assigning_the_same_person_again_changes_nothing()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var theo = await _db.AddMemberAsync(store.Id, "Theo Park");
        var opened = await _db.OpenCaseAsync(store.Id, order.Id);
        (await _db.CaseService().AssignAsync(store.Id, opened.Id, theo, theo.UserId)).Outcome.ShouldBe(CaseOutcome.Ok);

        var again = await _db.CaseService().AssignAsync(store.Id, opened.Id, theo, theo.UserId);
        var version = again.Case!.Version;
        var cleared = await _db.CaseService().AssignAsync(store.Id, opened.Id, theo, null);

        cleared.Case!.Version.ShouldBe(version + 1);
        var bodies = (await _db.CaseQueries().GetAsync(store.Id, opened.Id, TimelineAudience.MerchantDashboard))!.Messages.Select(m => m.Body).ToList();
        bodies.Count(b => b == "Assigned to Theo Park by Theo Park").ShouldBe(1);
        bodies.Last().ShouldBe("Unassigned by Theo Park");
        cleared.Case.AssigneeUserId.ShouldBeNull();
    }

    [Fact]
    public async Task Assigning_to_someone_who_is_not_a_member_of_the_store_is_refused_and_nothing_changes()
    {
        var (store, _, order) = await _db.AddStoreAsync("Northwind Keys");
        var (other, _, _) = await _db.AddStoreAsync("Contoso Games");
        var theo = await _db.AddMemberAsync(store.Id, "Theo Park");
        var elsewhere = await _db.AddMemberAsync(other.Id, "Mia Chen");
        var opened = await _db.OpenCaseAsync(store.Id, order.Id);

        var result = await _db.CaseService().AssignAsync(store.Id, opened.Id, theo, elsewhere.UserId);

        result.Outcome.ShouldBe(CaseOutcome.Invalid);
        result.Error.ShouldBe(CaseService.NotAMember);
        var detail = (await _db.CaseQueries().GetAsync(store.Id, opened.Id, TimelineAudience.MerchantDashboard))!;
        detail.Case.AssigneeUserId.ShouldBeNull();
        detail.Case.Version.ShouldBe(opened.Version);
    }

    [Fact]
    public async Task Another_stores_case_is_not_found_and_an_outsider_may_not_assign()
    {
        var (store, _, _) = await _db.AddStoreAsync("Northwind Keys");
        var (other, _, otherOrder) = await _db.AddStoreAsync("Contoso Games");
        var theo = await _db.AddMemberAsync(store.Id, "Theo Park");
        var mia = await _db.AddMemberAsync(other.Id, "Mia Chen");
        var theirs = await _db.OpenCaseAsync(other.Id, otherOrder.Id);

        (await _db.CaseService().AssignAsync(store.Id, theirs.Id, theo, theo.UserId)).Outcome.ShouldBe(CaseOutcome.NotFound);
        (await _db.CaseService().AssignAsync(other.Id, theirs.Id, theo, mia.UserId)).Outcome.ShouldBe(CaseOutcome.Forbidden);
        (await _db.CaseQueries().GetAsync(other.Id, theirs.Id, TimelineAudience.MerchantDashboard))!.Case.AssigneeUserId.ShouldBeNull();
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var theo = await _db.AddMemberAsync(store.Id, "Theo Park");
        var opened = await _db.OpenCaseAsync(store.Id, order.Id);
        (await _db.CaseService().ReplyAsync(store.Id, opened.Id, theo, "On it.")).Outcome.ShouldBe(CaseOutcome.Ok);

        (await _db.CaseService().AssignAsync(store.Id, opened.Id, theo, theo.UserId, expectedVersion: opened.Version)).Outcome.ShouldBe(CaseOutcome.Conflict);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_list_filters_by_me_and_unassigned_and_names_the_assignee(bool withSearch)
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var theo = await _db.AddMemberAsync(store.Id, "Theo Park");
        var nadia = await _db.AddMemberAsync(store.Id, "Nadia Holm");
        var mine = await _db.OpenCaseAsync(store.Id, order.Id, "Refund for the licence");
        var hers = await _db.OpenCaseAsync(store.Id, (await _db.AddOrderAsync(store.Id, order.CustomerId)).Id, "Refund twice");
        var nobodys = await _db.OpenCaseAsync(store.Id, (await _db.AddOrderAsync(store.Id, order.CustomerId)).Id, "Refund please");
        await _db.CaseService().AssignAsync(store.Id, mine.Id, theo, theo.UserId);
        await _db.CaseService().AssignAsync(store.Id, hers.Id, theo, nadia.UserId);
        var search = withSearch ? "refund" : null;

        var assignedToMe = await _db.CaseQueries().ListAsync(store.Id, new CaseListQuery { AssigneeUserId = theo.UserId, Search = search });
        var unassigned = await _db.CaseQueries().ListAsync(store.Id, new CaseListQuery { Unassigned = true, Search = search });
        var anyone = await _db.CaseQueries().ListAsync(store.Id, new CaseListQuery { Search = search });

        assignedToMe.Rows.Select(r => (r.Id, r.AssigneeUserId)).ShouldBe([(mine.Id, theo.UserId)]);
        assignedToMe.Total.ShouldBe(1);
        unassigned.Rows.Select(r => r.Id).ShouldBe([nobodys.Id]);
        anyone.Rows.Select(r => (r.Id, r.AssigneeUserId)).ShouldBe([(nobodys.Id, null), (hers.Id, nadia.UserId), (mine.Id, theo.UserId)], ignoreOrder: true);
    }

    [Fact]
    public async Task Members_are_listed_for_members_only()
    {
        var (store, _, _) = await _db.AddStoreAsync();
        var (other, _, _) = await _db.AddStoreAsync("Contoso Games");
        var theo = await _db.AddMemberAsync(store.Id, "Theo Park", StoreRole.Owner);
        await _db.AddMemberAsync(store.Id, "Nadia Holm");
        var outsider = await _db.AddMemberAsync(other.Id, "Mia Chen");
        var team = new TeamService(_db.Factory, new Dashboard.Web.Features.Stores.StoreAccess(_db.Factory));

        (await team.MembersAsync(theo.UserId, store.Id)).Select(m => (m.DisplayName, m.Role)).ShouldBe([("Nadia Holm", StoreRole.Agent), ("Theo Park", StoreRole.Owner)]);
        (await team.MembersAsync(outsider.UserId, store.Id)).ShouldBeEmpty();
    }
}
