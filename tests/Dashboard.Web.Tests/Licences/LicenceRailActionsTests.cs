using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Dashboard.Web.Tests.Licences;

/// <summary>The rail's licence actions on the real case page: confirmation words, the rules shown, the page refreshed live.</summary>
public class LicenceRailActionsTests : CasePageTestBase
{
    private const string Product = "prd_testproduct01";
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private IRenderedComponent<CaseDetailPage> RenderCase(string caseId)
    {
        RenderProviders();
        _dialogs = Render<MudDialogProvider>();
        var page = Render<CaseDetailPage>(p => p.Add(x => x.CaseId, caseId));
        page.WaitForAssertion(() => page.Find("[data-testid=licence-fix]"));
        return page;
    }

    private AngleSharp.Dom.IElement DialogButton(string text)
    {
        _dialogs.WaitForAssertion(() => _dialogs.FindAll("button").ShouldContain(b => b.TextContent.Trim() == text));
        return _dialogs.FindAll("button").First(b => b.TextContent.Trim() == text);
    }

    [Fact]
    public async Task Replacing_from_the_rail_says_which_key_and_address_then_shows_the_new_key_and_the_trail_line()
    {
        await AddPoolKeysAsync("7TZ4W-NEWKEY-0001");
        var c = await OpenCaseAsync("The key says it is already used");
        var page = RenderCase(c.Id);
        page.Find("[data-testid=licence-fix-note]").TextContent.ShouldBe("1 key left in the pool");

        page.Find("[data-testid=licence-replace]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.Markup.ShouldContain("Replace licence key?"));
        _dialogs.Markup.ShouldContain("The key AAAA-BBBB-CCCC for Test Product will be revoked and stop working.");
        _dialogs.Markup.ShouldContain($"emailed to {Customer.Email}");
        DialogButton("Replace key").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=order-rail]").TextContent.ShouldContain("7TZ4W-NEWKEY-0001"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=timeline-entry]").ShouldContain(e => e.TextContent.Contains("Replaced key AAAA-… with 7TZ4W-… by Nadia Holm")));
        page.Find("[data-testid=licence-fix] code").TextContent.ShouldBe("7TZ4W-…"); // the revoked key is no longer offered
        await using var db = Db.NewContext();
        (await db.Outbox.CountAsync(o => o.ToAddress == Customer.Email && o.TextBody.Contains("7TZ4W-NEWKEY-0001"))).ShouldBe(1);
    }

    [Fact]
    public async Task Cancelling_the_confirmation_changes_nothing()
    {
        await AddPoolKeysAsync("7TZ4W-NEWKEY-0001");
        var c = await OpenCaseAsync();
        var page = RenderCase(c.Id);

        page.Find("[data-testid=licence-revoke]").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Markup.ShouldContain("will stop working at once; this cannot be undone"));
        DialogButton("Cancel").Click();

        _dialogs.WaitForAssertion(() => _dialogs.Markup.ShouldNotContain("Revoke licence key?"));
        await using var db = Db.NewContext();
        (await db.Licenses.SingleAsync(l => l.OrderId == Order.Id)).Status.ShouldBe(LicenseStatus.Claimed);
        (await db.CaseMessages.CountAsync(m => m.CaseId == c.Id && m.Kind == CaseEntryKind.Trail)).ShouldBe(0);
    }

    [Fact]
    public async Task With_an_empty_pool_replace_is_disabled_and_the_reason_names_the_product()
    {
        var c = await OpenCaseAsync();
        var page = RenderCase(c.Id);

        page.Find("[data-testid=licence-replace]").HasAttribute("disabled").ShouldBeTrue();
        page.Find("[data-testid=licence-fix-note]").TextContent.ShouldBe("No available keys left for Test Product. Add keys to its pool, then try again.");
        page.Find("[data-testid=licence-revoke]").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task An_agent_sees_replace_disabled_when_the_owner_restricted_it_and_can_still_resend()
    {
        await AddPoolKeysAsync("7TZ4W-NEWKEY-0001");
        var agent = await AddAgentAsync("Theo Park");
        await using (var db = Db.NewContext())
            await db.Stores.Where(s => s.Id == Store.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReplaceLicencesOwnersOnly, true));
        var c = await OpenCaseAsync();
        SignIn(agent);
        var page = RenderCase(c.Id);

        page.Find("[data-testid=licence-replace]").HasAttribute("disabled").ShouldBeTrue();
        page.Find("[data-testid=licence-fix-note]").TextContent.ShouldBe("Only the store's owner can replace licence keys in this store");

        page.Find("[data-testid=licence-resend]").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Markup.ShouldContain($"{Customer.Email} will get an email with the 1 working licence key of order {Order.OrderNumber} (AAAA-…)."));
        DialogButton("Send email").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=timeline-entry]").ShouldContain(e => e.TextContent.Contains($"Resent the delivery email to {Customer.Email} by Theo Park")));
    }

    private async Task AddPoolKeysAsync(params string[] keys)
    {
        await using var db = Db.NewContext();
        foreach (var key in keys)
            db.LicencePoolKeys.Add(new LicencePoolKey { StoreId = Store.Id, ProductId = Product, Key = key, Status = LicenseStatus.Available, AddedAt = Db.Clock.UtcNow });
        await db.SaveChangesAsync();
    }

    private async Task<AppUser> AddAgentAsync(string name)
    {
        var user = await AddUserAsync(name, null);
        await using var db = Db.NewContext();
        db.StoreMembers.Add(new StoreMember { StoreId = Store.Id, UserId = user.Id, Role = StoreRole.Agent });
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.CurrentStoreId, Store.Id));
        await db.SaveChangesAsync();
        return user;
    }
}
