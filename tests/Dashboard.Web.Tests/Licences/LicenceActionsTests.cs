using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Licences;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Licences;

/// <summary>Licence actions from a case, on a real SQLite file: the pool, the rules, the trail, the outbox, idempotency.</summary>
public class LicenceActionsTests : IAsyncLifetime
{
    private const string Owner = "user-owner";
    private const string Agent = "user-agent";
    private const string Product = "prd_testproduct01";

    private TestDatabase _db = null!;
    private LicenceActions _actions = null!;
    private Store _store = null!;
    private Customer _customer = null!;
    private Order _order = null!;
    private SupportCase _case = null!;
    private string _licenceId = "";

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _actions = new LicenceActions(_db.Factory, _db.Clock, _db.Feed, new LicenceEmails(_db.Emails));
        (_store, _customer, _order) = await _db.AddStoreAsync();
        _licenceId = _order.Licenses.Single().Id;
        await using var ctx = _db.NewContext();
        ctx.Users.AddRange(new AppUser { Id = Owner, UserName = "o@test", Email = "o@test", DisplayName = "Olga Owner" },
            new AppUser { Id = Agent, UserName = "a@test", Email = "a@test", DisplayName = "Nadia Holm" });
        ctx.StoreMembers.AddRange(new StoreMember { StoreId = _store.Id, UserId = Owner, Role = StoreRole.Owner },
            new StoreMember { StoreId = _store.Id, UserId = Agent, Role = StoreRole.Agent });
        await ctx.SaveChangesAsync();
        _case = await _db.OpenCaseAsync(_store.Id, _order.Id, "The key says it is already used");
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Replacing_revokes_the_old_key_gives_the_order_the_oldest_pool_key_and_tells_the_customer()
    {
        await AddPoolKeysAsync(Product, "7TZ4W-FIRST-00001", "8QQ2P-SECND-00002");
        var changed = NextChange();

        var result = await _actions.ReplaceAsync(_store.Id, _case.Id, _licenceId, Agent, "click-1");

        result.Succeeded.ShouldBeTrue(result.Error);
        result.Summary.ShouldBe("Replaced key AAAA-… with 7TZ4W-… by Nadia Holm");
        await using var ctx = _db.NewContext();
        var licences = await ctx.Licenses.Where(l => l.OrderId == _order.Id).ToListAsync();
        licences.Single(l => l.Id == _licenceId).Status.ShouldBe(LicenseStatus.Revoked);
        var fresh = licences.Single(l => l.Id != _licenceId);
        (fresh.Key, fresh.Status, fresh.ClaimedAt).ShouldBe(("7TZ4W-FIRST-00001", LicenseStatus.Claimed, _db.Clock.UtcNow));
        var poolKey = await ctx.LicencePoolKeys.SingleAsync(k => k.Key == "7TZ4W-FIRST-00001");
        (poolKey.Status, poolKey.OrderId, poolKey.LicenseId).ShouldBe((LicenseStatus.Claimed, _order.Id, fresh.Id));
        (await ctx.LicencePoolKeys.SingleAsync(k => k.Key == "8QQ2P-SECND-00002")).Status.ShouldBe(LicenseStatus.Available);

        var trail = await ctx.CaseMessages.Where(m => m.CaseId == _case.Id && m.Kind == CaseEntryKind.Trail).SingleAsync();
        (trail.Body, trail.AuthorKind).ShouldBe((result.Summary, AuthorKind.System));
        var email = await ctx.Outbox.SingleAsync(o => o.Kind == LicenceEmails.ReplacedKind);
        email.ToAddress.ShouldBe(_customer.Email);
        email.TextBody.ShouldContain("Your new key: 7TZ4W-FIRST-00001");
        email.TextBody.ShouldNotContain("AAAA-BBBB-CCCC");
        email.InReplyTo.ShouldNotBeNullOrEmpty(); // threaded after the case's earlier emails
        (await changed).Kind.ShouldBe(CaseChangeKind.Licences);
    }

    [Fact]
    public async Task Replacing_with_an_empty_pool_is_refused_naming_the_product_and_changes_nothing()
    {
        await AddPoolKeysAsync("prd_otherproduct1", "OTHER-PRODUCT-KEY"); // another product's key is never handed out

        var result = await _actions.ReplaceAsync(_store.Id, _case.Id, _licenceId, Owner, "click-1");

        result.Outcome.ShouldBe(CaseOutcome.Refused);
        result.Error.ShouldBe("No available keys left for Test Product. Add keys to its pool, then try again.");
        await using var ctx = _db.NewContext();
        (await ctx.Licenses.Where(l => l.OrderId == _order.Id).Select(l => l.Status).ToListAsync()).ShouldBe([LicenseStatus.Claimed]);
        (await ctx.CaseMessages.CountAsync(m => m.CaseId == _case.Id && m.Kind == CaseEntryKind.Trail)).ShouldBe(0);
        (await ctx.Outbox.CountAsync(o => o.Kind == LicenceEmails.ReplacedKind)).ShouldBe(0);
        (await ctx.LicenceActions.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Two_replacements_at_once_for_the_same_order_get_one_distinct_key_each()
    {
        var second = await AddOrderLicenceAsync("ZZZZ-YYYY-XXXX");
        await AddPoolKeysAsync(Product, "POOL1-AAAAA", "POOL2-BBBBB", "POOL3-CCCCC");
        var other = new LicenceActions(_db.Factory, _db.Clock, _db.Feed, new LicenceEmails(_db.Emails));

        var results = await Task.WhenAll(
            Task.Run(() => _actions.ReplaceAsync(_store.Id, _case.Id, _licenceId, Agent, "agent-click")),
            Task.Run(() => other.ReplaceAsync(_store.Id, _case.Id, second, Owner, "owner-click")));

        results.ShouldAllBe(r => r.Succeeded);
        await using var ctx = _db.NewContext();
        var claimed = await ctx.LicencePoolKeys.Where(k => k.Status == LicenseStatus.Claimed).ToListAsync();
        claimed.Count.ShouldBe(2);
        claimed.Select(k => k.LicenseId).Distinct().Count().ShouldBe(2);
        var working = await ctx.Licenses.Where(l => l.OrderId == _order.Id && l.Status == LicenseStatus.Claimed).Select(l => l.Key).ToListAsync();
        working.OrderBy(k => k).ShouldBe(claimed.Select(k => k.Key).OrderBy(k => k));
        (await ctx.CaseMessages.CountAsync(m => m.CaseId == _case.Id && m.Kind == CaseEntryKind.Trail)).ShouldBe(2);
    }

    [Fact]
    public async Task Two_replacements_of_the_same_key_at_once_hand_out_one_key_and_refuse_the_other()
    {
        await AddPoolKeysAsync(Product, "POOL1-AAAAA", "POOL2-BBBBB");
        var other = new LicenceActions(_db.Factory, _db.Clock, _db.Feed, new LicenceEmails(_db.Emails));

        var results = await Task.WhenAll(
            Task.Run(() => _actions.ReplaceAsync(_store.Id, _case.Id, _licenceId, Agent, "agent-click")),
            Task.Run(() => other.ReplaceAsync(_store.Id, _case.Id, _licenceId, Owner, "owner-click")));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Single(r => !r.Succeeded).Error.ShouldBe(LicenceWorkflow.Messages.RevokedCannotBeReplaced);
        await using var ctx = _db.NewContext();
        (await ctx.LicencePoolKeys.CountAsync(k => k.Status == LicenseStatus.Claimed)).ShouldBe(1);
    }

    [Fact]
    public async Task A_double_click_with_the_same_idempotency_key_acts_once()
    {
        await AddPoolKeysAsync(Product, "POOL1-AAAAA", "POOL2-BBBBB");

        var results = await Task.WhenAll(
            Task.Run(() => _actions.ReplaceAsync(_store.Id, _case.Id, _licenceId, Agent, "dialog-42")),
            Task.Run(() => _actions.ReplaceAsync(_store.Id, _case.Id, _licenceId, Agent, "dialog-42")));
        var retry = await _actions.ReplaceAsync(_store.Id, _case.Id, _licenceId, Agent, "dialog-42");

        results.ShouldAllBe(r => r.Succeeded);
        retry.Summary.ShouldBe(results[0].Summary);
        results[1].Summary.ShouldBe(results[0].Summary);
        await using var ctx = _db.NewContext();
        (await ctx.LicencePoolKeys.CountAsync(k => k.Status == LicenseStatus.Claimed)).ShouldBe(1);
        (await ctx.CaseMessages.CountAsync(m => m.CaseId == _case.Id && m.Kind == CaseEntryKind.Trail)).ShouldBe(1);
        (await ctx.Outbox.CountAsync(o => o.Kind == LicenceEmails.ReplacedKind)).ShouldBe(1);
    }

    [Fact]
    public async Task Revoking_a_revoked_key_is_refused_with_the_rules_message()
    {
        var first = await _actions.RevokeAsync(_store.Id, _case.Id, _licenceId, Agent, "revoke-1");
        first.Summary.ShouldBe("Revoked key AAAA-… by Nadia Holm");

        var again = await _actions.RevokeAsync(_store.Id, _case.Id, _licenceId, Agent, "revoke-2");

        again.Outcome.ShouldBe(CaseOutcome.Refused);
        again.Error.ShouldBe("This licence key is already revoked");
        await using var ctx = _db.NewContext();
        (await ctx.CaseMessages.CountAsync(m => m.CaseId == _case.Id && m.Kind == CaseEntryKind.Trail)).ShouldBe(1);
        (await ctx.Outbox.CountAsync(o => o.Kind == LicenceEmails.RevokedKind)).ShouldBe(1);
    }

    [Fact]
    public async Task An_agent_is_refused_a_replacement_when_the_owner_restricted_them_and_the_owner_is_not()
    {
        await AddPoolKeysAsync(Product, "POOL1-AAAAA");
        await using (var ctx = _db.NewContext())
            await ctx.Stores.Where(s => s.Id == _store.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReplaceLicencesOwnersOnly, true));

        var agent = await _actions.ReplaceAsync(_store.Id, _case.Id, _licenceId, Agent, "agent-click");
        var owner = await _actions.ReplaceAsync(_store.Id, _case.Id, _licenceId, Owner, "owner-click");

        agent.Outcome.ShouldBe(CaseOutcome.Refused);
        agent.Error.ShouldBe("Only the store's owner can replace licence keys in this store");
        owner.Succeeded.ShouldBeTrue(owner.Error);
    }

    [Fact]
    public async Task Another_stores_case_is_not_found_and_a_non_member_is_forbidden()
    {
        var (otherStore, _, otherOrder) = await _db.AddStoreAsync("Other Store");
        var otherCase = await _db.OpenCaseAsync(otherStore.Id, otherOrder.Id);
        var otherLicence = otherOrder.Licenses.Single().Id;

        var viaOwnStore = await _actions.RevokeAsync(_store.Id, otherCase.Id, otherLicence, Agent, "k1");
        var viaOtherStore = await _actions.RevokeAsync(otherStore.Id, otherCase.Id, otherLicence, Agent, "k2");
        var otherLicenceOnOwnCase = await _actions.RevokeAsync(_store.Id, _case.Id, otherLicence, Agent, "k3");

        viaOwnStore.Outcome.ShouldBe(CaseOutcome.NotFound);
        viaOtherStore.Outcome.ShouldBe(CaseOutcome.Forbidden);
        otherLicenceOnOwnCase.Outcome.ShouldBe(CaseOutcome.NotFound);
        await using var ctx = _db.NewContext();
        (await ctx.Licenses.SingleAsync(l => l.Id == otherLicence)).Status.ShouldBe(LicenseStatus.Claimed);
    }

    [Fact]
    public async Task Resending_the_delivery_email_lists_the_working_keys_only()
    {
        await AddOrderLicenceAsync("DEAD-KEY-0000", LicenseStatus.Revoked);

        var result = await _actions.ResendDeliveryAsync(_store.Id, _case.Id, Agent, "resend-1");

        result.Summary.ShouldBe($"Resent the delivery email to {_customer.Email} by Nadia Holm");
        await using var ctx = _db.NewContext();
        var email = await ctx.Outbox.SingleAsync(o => o.Kind == LicenceEmails.DeliveryKind);
        email.ToAddress.ShouldBe(_customer.Email);
        email.TextBody.ShouldContain("Test Product: AAAA-BBBB-CCCC");
        email.TextBody.ShouldNotContain("DEAD-KEY-0000");
    }

    private Task<CaseChange> NextChange()
    {
        var seen = new TaskCompletionSource<CaseChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = _db.Feed.Subscribe(_store.Id, change =>
        {
            if (change.Kind == CaseChangeKind.Licences) seen.TrySetResult(change);
            return Task.CompletedTask;
        });
        return seen.Task.WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(t => { subscription.Dispose(); return t.Result; });
    }

    private async Task AddPoolKeysAsync(string productId, params string[] keys)
    {
        await using var ctx = _db.NewContext();
        for (var i = 0; i < keys.Length; i++)
            ctx.LicencePoolKeys.Add(new LicencePoolKey
            {
                StoreId = _store.Id, ProductId = productId, Key = keys[i], Status = LicenseStatus.Available, AddedAt = _db.Clock.UtcNow.AddMinutes(i),
            });
        await ctx.SaveChangesAsync();
    }

    private async Task<string> AddOrderLicenceAsync(string key, LicenseStatus status = LicenseStatus.Claimed)
    {
        await using var ctx = _db.NewContext();
        var licence = new License { OrderId = _order.Id, ProductId = Product, Key = key, Status = status };
        ctx.Licenses.Add(licence);
        await ctx.SaveChangesAsync();
        return licence.Id;
    }
}
