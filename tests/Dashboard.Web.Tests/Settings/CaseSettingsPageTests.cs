using System.Security.Claims;
using Dashboard.Domain;
using Dashboard.Web.Features.Settings;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Tests.Automation;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Settings;

/// <summary>Settings → Cases as the owner and an agent see it (bUnit, real service on a real SQLite file).</summary>
public class CaseSettingsPageTests : DashboardTestContext, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private string _storeId = "";
    private string _ownerId = "";
    private string _agentId = "";
    private string _orderId = "";

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var (store, _, order) = await _db.AddStoreAsync("Northwind Keys");
        (_storeId, _orderId) = (store.Id, order.Id);
        _ownerId = (await _db.AddMemberAsync(_storeId, StoreRole.Owner, "Nadia Holm")).Id;
        _agentId = (await _db.AddMemberAsync(_storeId, StoreRole.Agent, "Theo Park")).Id;
        Services.AddLogging();
        Services.AddSingleton(_db.Factory);
        Services.AddSingleton<StoreAccess>();
        Services.AddScoped<StoreContext>();
        Services.AddSettings(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<CaseSettingsPage> RenderAs(string userId)
    {
        AddAuthorization().SetAuthorized(userId).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        RenderProviders();
        var page = Render<CaseSettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=settings-auto-reply]"));
        return page;
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<CaseSettingsPage> page, string testId)
    {
        var element = page.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input, textarea")!;
    }

    /// <summary>MudSwitch puts the test id on its checkbox input.</summary>
    private static AngleSharp.Dom.IElement AutoReplySwitch(IRenderedComponent<CaseSettingsPage> page) =>
        page.Find("input[data-testid=auto-reply-enabled], [data-testid=auto-reply-enabled] input");

    [Fact]
    public async Task The_preview_fills_the_placeholders_from_the_stores_most_recent_case_as_the_owner_types()
    {
        var recent = await _db.OpenCaseAsync(_storeId, _orderId, "Activation fails");
        var page = RenderAs(_ownerId);
        page.Find("[data-testid=auto-reply-preview-source]").TextContent.ShouldContain($"“Activation fails” ({recent.Id})");

        Input(page, "auto-reply-text").Input("Hi {{customer.first_name}}, {{store.name}} is on \"{{case.subject}}\".");

        page.WaitForAssertion(() => page.Find("[data-testid=auto-reply-preview-body]").TextContent
            .ShouldBe("Hi Bea, Northwind Keys is on \"Activation fails\"."));
    }

    [Fact]
    public void A_store_without_cases_previews_with_sample_values_and_says_so()
    {
        var page = RenderAs(_ownerId);

        page.Find("[data-testid=auto-reply-preview-source]").TextContent.ShouldBe("Filled with sample values: your store has no cases yet.");
        Input(page, "auto-reply-text").Input("Hi {{customer.first_name}}");
        page.WaitForAssertion(() => page.Find("[data-testid=auto-reply-preview-body]").TextContent.ShouldBe("Hi Alex"));
    }

    [Fact]
    public async Task The_owner_saves_and_the_store_has_the_new_settings()
    {
        var page = RenderAs(_ownerId);
        AutoReplySwitch(page).Change(true);
        Input(page, "auto-reply-text").Input("We are on it, {{customer.first_name}}.");
        Input(page, "idle-days").Change("21");
        Input(page, "warning-days").Change("3");

        await page.Find("[data-testid=settings-save]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=settings-message]").TextContent.ShouldBe("Settings saved"));
        await using var db = _db.NewContext();
        var store = await db.Stores.AsNoTracking().SingleAsync(s => s.Id == _storeId);
        (store.AutoReplyEnabled, store.AutoReplyText, store.AutoCloseDays, store.AutoCloseWarningDays)
            .ShouldBe((true, "We are on it, {{customer.first_name}}.", 21, 3));
    }

    [Fact]
    public async Task A_refused_save_shows_each_rule_by_its_field_and_keeps_what_was_typed()
    {
        var page = RenderAs(_ownerId);
        Input(page, "auto-reply-text").Input("Hi {{customer.name}}");
        Input(page, "idle-days").Change("120");

        await page.Find("[data-testid=settings-save]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=settings-message]").TextContent.ShouldBe(SettingsSaveResult.InvalidMessage));
        page.Find("[data-testid=settings-auto-reply]").TextContent.ShouldContain(
            "Unknown placeholder {{customer.name}}. You can use: {{customer.first_name}}, {{order.number}}, {{store.name}}, {{case.subject}}");
        page.Find("[data-testid=settings-auto-close]").TextContent.ShouldContain("Close after must be between 1 and 90 days");
        Input(page, "auto-reply-text").GetAttribute("value").ShouldBe("Hi {{customer.name}}");
        Input(page, "idle-days").GetAttribute("value").ShouldBe("120");
        await using var db = _db.NewContext();
        (await db.Stores.SingleAsync(s => s.Id == _storeId)).AutoCloseDays.ShouldBe(14);
    }

    [Fact]
    public async Task A_save_after_someone_else_saved_is_refused_with_a_clear_message_and_the_form_keeps_the_input()
    {
        var page = RenderAs(_ownerId);
        var service = Services.GetRequiredService<CaseSettingsService>();
        var other = await service.GetAsync(_ownerId, _storeId);
        (await service.SaveAsync(_ownerId, _storeId, other.Settings with { IdleDays = 30 }, other.Version)).Succeeded.ShouldBeTrue();
        Input(page, "idle-days").Change("45");

        await page.Find("[data-testid=settings-save]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=settings-message]").TextContent.ShouldContain(SettingsSaveResult.ConflictMessage));
        Input(page, "idle-days").GetAttribute("value").ShouldBe("45");
        await using (var db = _db.NewContext())
            (await db.Stores.SingleAsync(s => s.Id == _storeId)).AutoCloseDays.ShouldBe(30);

        page.Find("[data-testid=settings-load-latest]").Click();
        page.WaitForAssertion(() => Input(page, "idle-days").GetAttribute("value").ShouldBe("30"));
    }

    [Fact]
    public void An_agent_sees_the_settings_read_only_without_a_save_button()
    {
        var page = RenderAs(_agentId);

        page.Find("[data-testid=settings-read-only]").TextContent.ShouldContain("Only the store's owner can change these settings");
        page.FindAll("[data-testid=settings-save]").ShouldBeEmpty();
        Input(page, "auto-reply-text").HasAttribute("readonly").ShouldBeTrue();
        Input(page, "idle-days").HasAttribute("readonly").ShouldBeTrue();
        AutoReplySwitch(page).HasAttribute("disabled").ShouldBeTrue();
    }
}
