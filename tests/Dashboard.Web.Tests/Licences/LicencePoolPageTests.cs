using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Licences;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Licences;

/// <summary>Settings → Licence keys with the real pool service: counts, pasting, duplicates kept in the box, owner only.</summary>
public class LicencePoolPageTests : CasePageTestBase
{
    protected override void AddFeatureServices() =>
        Services.AddSingleton(new LicencePool(Db.Factory, Db.Clock, new StoreAccess(Db.Factory)));

    private IRenderedComponent<LicencePoolPage> RenderPage()
    {
        RenderProviders();
        var page = Render<LicencePoolPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=licence-pool-table], [data-testid=licence-pool-denied]"));
        return page;
    }

    [Fact]
    public async Task A_duplicate_paste_is_refused_naming_the_key_and_the_text_stays_in_the_box()
    {
        await using (var db = Db.NewContext())
        {
            db.LicencePoolKeys.Add(new LicencePoolKey { StoreId = Store.Id, ProductId = "prd_testproduct01", Key = "KEY-ONE", Status = LicenseStatus.Available, AddedAt = Db.Clock.UtcNow });
            await db.SaveChangesAsync();
        }
        var page = RenderPage();
        page.Find("[data-testid=licence-pool-available]").TextContent.ShouldContain("1");
        page.Find("[data-testid=licence-pool-low]").TextContent.ShouldBe("Running low");

        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudSelect<string>>().Instance.ValueChanged.InvokeAsync("prd_testproduct01"));
        page.Find("textarea[data-testid=licence-pool-keys]").Input("KEY-TWO\nKEY-ONE");
        page.Find("[data-testid=licence-pool-add]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=licence-pool-error]").TextContent
            .ShouldContain("The key KEY-ONE is already in the pool or pasted twice. Remove it and add the keys again; nothing was added."));
        page.Find("textarea[data-testid=licence-pool-keys]").GetAttribute("value").ShouldBe("KEY-TWO\nKEY-ONE");
        await using var check = Db.NewContext();
        (await check.LicencePoolKeys.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Adding_keys_updates_the_counts_and_clears_the_box()
    {
        var page = RenderPage();

        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudSelect<string>>().Instance.ValueChanged.InvokeAsync("prd_testproduct01"));
        page.Find("textarea[data-testid=licence-pool-keys]").Input("K-1\nK-2\nK-3");
        page.Find("[data-testid=licence-pool-add]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=licence-pool-available]").TextContent.Trim().ShouldBe("3"));
        page.FindAll("[data-testid=licence-pool-low]").ShouldBeEmpty();
        page.Find("textarea[data-testid=licence-pool-keys]").GetAttribute("value").ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task An_agent_is_told_the_page_is_for_owners()
    {
        var agent = await AddUserAsync("Theo Park", null);
        await using (var db = Db.NewContext())
        {
            db.StoreMembers.Add(new StoreMember { StoreId = Store.Id, UserId = agent.Id, Role = StoreRole.Agent });
            await db.Users.Where(u => u.Id == agent.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.CurrentStoreId, Store.Id));
            await db.SaveChangesAsync();
        }
        SignIn(agent);

        var page = RenderPage();

        page.Find("[data-testid=licence-pool-denied]").TextContent.ShouldContain("only the store's owner can manage licence keys");
        page.FindAll("[data-testid=licence-pool-add]").ShouldBeEmpty();
    }
}
