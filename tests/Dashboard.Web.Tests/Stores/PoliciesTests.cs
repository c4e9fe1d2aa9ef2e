using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Features.Support;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Stores;

/// <summary>The named policies are enforced by the services that act, not only by pages hiding buttons.</summary>
public class PoliciesTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Store _store = null!;
    private Order _order = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        (_store, _, _order) = await _db.AddStoreAsync("Northwind Test");
        await using var db = _db.NewContext();
        db.Users.AddRange(
            new AppUser { Id = "owner", UserName = "o@test", Email = "o@test", DisplayName = "Olga Owner", CurrentStoreId = _store.Id },
            new AppUser { Id = "agent", UserName = "a@test", Email = "a@test", DisplayName = "Abe Agent", CurrentStoreId = _store.Id });
        db.StoreMembers.AddRange(
            new StoreMember { StoreId = _store.Id, UserId = "owner", Role = StoreRole.Owner },
            new StoreMember { StoreId = _store.Id, UserId = "agent", Role = StoreRole.Agent });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private StoreAccess Access => new(_db.Factory);

    [Fact]
    public async Task An_agent_cannot_create_or_revoke_api_tokens_and_nothing_is_written()
    {
        var tokens = new ApiTokenService(_db.Factory, _db.Clock, Access);
        var created = await tokens.CreateAsync("owner", _store.Id, "Owner's token", ApiScopes.CasesRead, null);
        created.Succeeded.ShouldBeTrue(created.Error);

        var byAgent = await tokens.CreateAsync("agent", _store.Id, "Agent's token", ApiScopes.CasesRead, null);
        var revokeByAgent = await tokens.RevokeAsync("agent", _store.Id, created.Value!.Token.Id);

        byAgent.Error.ShouldBe(ApiTokenService.OwnerOnly);
        revokeByAgent.Error.ShouldBe(ApiTokenService.OwnerOnly);
        (await tokens.ListAsync("agent", _store.Id)).ShouldBeEmpty();
        await using var db = _db.NewContext();
        (await db.ApiTokens.SingleAsync()).RevokedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_merchant_cannot_read_the_support_console()
    {
        var c = await _db.OpenCaseAsync(_store.Id, _order.Id);
        await _db.EscalateAsync(c.Id);
        var support = _db.SupportQueries();

        await Should.ThrowAsync<AccessDeniedException>(() => support.QueueAsync("owner", new ConsoleQuery()));
        await Should.ThrowAsync<AccessDeniedException>(() => support.GetEscalatedAsync("owner", c.Id));
        await Should.ThrowAsync<AccessDeniedException>(() => support.StoreNameAsync("owner", _store.Id));

        var staff = await _db.AddSupportUserAsync();
        (await support.QueueAsync(staff.UserId!, new ConsoleQuery())).Rows.ShouldHaveSingleItem().Id.ShouldBe(c.Id);
    }

    [Fact]
    public async Task A_merchant_cannot_post_as_platform_support_and_nothing_is_written()
    {
        var c = await _db.OpenCaseAsync(_store.Id, _order.Id);

        var asOwner = await _db.CaseService().SupportPostAsync(c.Id, Actor.Support("owner"), "We are Pandabase, honest");
        var unknown = await _db.CaseService().SupportPostAsync(c.Id, Actor.Support(), "No user at all");

        asOwner.Outcome.ShouldBe(CaseOutcome.Forbidden);
        unknown.Outcome.ShouldBe(CaseOutcome.Forbidden);
        var detail = (await _db.CaseQueries().GetAsync(_store.Id, c.Id, TimelineAudience.MerchantDashboard))!;
        detail.Case.Escalated.ShouldBeFalse();
        detail.Messages.ShouldNotContain(m => m.AuthorKind == AuthorKind.Support);

        var staff = await _db.AddSupportUserAsync();
        await _db.EscalateAsync(c.Id);
        (await _db.CaseService().SupportPostAsync(c.Id, staff, "Pandabase Support here")).Outcome.ShouldBe(CaseOutcome.Ok);
    }

    [Fact]
    public async Task Support_without_two_factor_sign_in_is_refused_by_the_services_and_nothing_is_written()
    {
        var c = await _db.OpenCaseAsync(_store.Id, _order.Id);
        await _db.EscalateAsync(c.Id);
        var support = _db.SupportQueries();
        var notSetUp = await _db.AddSupportUserAsync("Sam Newcomer", twoFactor: false);

        await Should.ThrowAsync<AccessDeniedException>(() => support.QueueAsync(notSetUp.UserId!, new ConsoleQuery()));
        (await _db.CaseService().SupportPostAsync(c.Id, notSetUp, "Support without a second factor")).Outcome.ShouldBe(CaseOutcome.Forbidden);

        var detail = (await _db.CaseQueries().GetAsync(_store.Id, c.Id, TimelineAudience.MerchantDashboard))!;
        detail.Messages.ShouldNotContain(m => m.AuthorKind == AuthorKind.Support);
    }

    [Theory]
    [InlineData("owner", Policies.StoreMember, true)]
    [InlineData("owner", Policies.StoreOwner, true)]
    [InlineData("owner", Policies.PlatformSupport, false)]
    [InlineData("agent", Policies.StoreMember, true)]
    [InlineData("agent", Policies.StoreOwner, false)]
    [InlineData("agent", Policies.PlatformSupport, false)]
    [InlineData(null, Policies.StoreMember, false)]
    public async Task Each_role_passes_the_policies_the_spec_gives_it(string? userId, string policy, bool allowed) =>
        (await Access.AllowsAsync(userId, policy, _store.Id)).ShouldBe(allowed);

    [Fact]
    public async Task Membership_of_one_store_grants_nothing_in_another()
    {
        var (other, _, _) = await _db.AddStoreAsync("Contoso Test");

        (await Access.AllowsAsync("owner", Policies.StoreMember, other.Id)).ShouldBeFalse();
        (await Access.AllowsAsync("owner", Policies.StoreOwner, other.Id)).ShouldBeFalse();
    }
}
