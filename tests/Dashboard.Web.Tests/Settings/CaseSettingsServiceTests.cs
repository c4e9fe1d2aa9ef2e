using Dashboard.Domain;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Features.Settings;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Tests.Automation;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Settings;

/// <summary>Settings → Cases through its service: who may save, every rule in a merchant's words, and the conflict check.</summary>
public class CaseSettingsServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private CaseSettingsService _service = null!;
    private string _storeId = "";
    private string _ownerId = "";
    private string _agentId = "";

    private static readonly CaseSettings Valid = new(true, "Hi {{customer.first_name}}, we got your case about order {{order.number}}.", 10, 3, "help@northwind.example");

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _storeId = (await _db.AddStoreAsync("Northwind Keys")).Store.Id;
        await using (var ctx = _db.NewContext())
            await ctx.Stores.Where(s => s.Id == _storeId).ExecuteUpdateAsync(s => s.SetProperty(x => x.NotificationEmail, ""));
        _ownerId = (await _db.AddMemberAsync(_storeId, StoreRole.Owner, "Nadia Holm")).Id;
        _agentId = (await _db.AddMemberAsync(_storeId, StoreRole.Agent, "Theo Park")).Id;
        _service = new CaseSettingsService(_db.Factory, new StoreAccess(_db.Factory));
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private async Task<Data.Entities.Store> StoreAsync()
    {
        await using var ctx = _db.NewContext();
        return await ctx.Stores.AsNoTracking().SingleAsync(s => s.Id == _storeId);
    }

    [Fact]
    public async Task A_new_store_reads_the_defaults_with_the_owners_address_for_new_cases()
    {
        var view = await _service.GetAsync(_ownerId, _storeId);

        view.Settings.ShouldBe(new CaseSettings(false, "", 14, 2, "nadia.holm@members.test"));
        view.CanEdit.ShouldBeTrue();
        view.OwnerEmail.ShouldBe("nadia.holm@members.test");
    }

    [Fact]
    public async Task The_owner_saves_and_the_store_keeps_every_value()
    {
        var view = await _service.GetAsync(_ownerId, _storeId);

        var saved = await _service.SaveAsync(_ownerId, _storeId, Valid, view.Version);

        saved.Outcome.ShouldBe(SettingsSaveOutcome.Saved);
        saved.Version.ShouldBe(view.Version + 1);
        var store = await StoreAsync();
        (store.AutoReplyEnabled, store.AutoReplyText, store.AutoCloseDays, store.AutoCloseWarningDays, store.NotificationEmail)
            .ShouldBe((true, Valid.AutoReplyText, 10, 3, "help@northwind.example"));
    }

    [Fact]
    public async Task An_agent_sees_the_settings_read_only_and_the_service_refuses_an_agents_save()
    {
        var view = await _service.GetAsync(_agentId, _storeId);
        view.CanEdit.ShouldBeFalse();

        var refused = await _service.SaveAsync(_agentId, _storeId, Valid, view.Version);

        refused.Outcome.ShouldBe(SettingsSaveOutcome.Forbidden);
        refused.Message.ShouldBe("Only the store's owner can change these settings.");
        var store = await StoreAsync();
        (store.AutoReplyEnabled, store.AutoCloseDays, store.SettingsVersion).ShouldBe((false, 14, view.Version));
    }

    [Fact]
    public async Task Someone_outside_the_store_cannot_read_its_settings()
    {
        var stranger = await _db.AddMemberAsync((await _db.AddStoreAsync("Other Store")).Store.Id, StoreRole.Owner, "Olga Other");

        await Should.ThrowAsync<AccessDeniedException>(() => _service.GetAsync(stranger.Id, _storeId));
        (await _service.SaveAsync(stranger.Id, _storeId, Valid, 0)).Outcome.ShouldBe(SettingsSaveOutcome.Forbidden);
    }

    public static TheoryData<string, CaseSettings, string, string> OutOfRange => new()
    {
        { "idle 0", Valid with { IdleDays = 0 }, CaseSettingsRules.IdleDays, "Close after must be between 1 and 90 days" },
        { "idle 91", Valid with { IdleDays = 91 }, CaseSettingsRules.IdleDays, "Close after must be between 1 and 90 days" },
        { "warning = idle", Valid with { IdleDays = 10, WarningDays = 10 }, CaseSettingsRules.WarningDays,
            "The warning must be between 0 and 9 days (less than the 10 days before closing)" },
        { "warning negative", Valid with { WarningDays = -1 }, CaseSettingsRules.WarningDays,
            "The warning must be between 0 and 9 days (less than the 10 days before closing)" },
        { "text too long", Valid with { AutoReplyText = new string('x', 2001) }, CaseSettingsRules.AutoReplyText,
            "The auto-reply is too long: 2,001 characters, the limit is 2,000" },
        { "unknown placeholder", Valid with { AutoReplyText = "Hi {{customer.email}}" }, CaseSettingsRules.AutoReplyText,
            "Unknown placeholder {{customer.email}}. You can use: {{customer.first_name}}, {{order.number}}, {{store.name}}, {{case.subject}}" },
        { "on without text", Valid with { AutoReplyText = " " }, CaseSettingsRules.AutoReplyText, "Write the auto-reply text, or turn the auto-reply off" },
        { "not an address", Valid with { NotificationEmail = "help at northwind" }, CaseSettingsRules.NotificationEmail,
            "\"help at northwind\" is not an email address: write it like help@yourstore.com" },
        { "no address", Valid with { NotificationEmail = "" }, CaseSettingsRules.NotificationEmail, "Enter the address new cases are emailed to" },
    };

    [Theory, MemberData(nameof(OutOfRange))]
    public async Task Values_that_break_a_rule_are_refused_with_a_message_a_merchant_understands_and_nothing_is_saved(
        string rule, CaseSettings settings, string field, string message)
    {
        var before = await StoreAsync();

        var refused = await _service.SaveAsync(_ownerId, _storeId, settings, before.SettingsVersion);

        refused.Outcome.ShouldBe(SettingsSaveOutcome.Invalid, rule);
        refused.Errors.ShouldBe(new Dictionary<string, string> { [field] = message });
        (await StoreAsync()).SettingsVersion.ShouldBe(before.SettingsVersion);
    }

    [Fact]
    public async Task A_save_based_on_settings_someone_else_saved_since_is_refused_as_a_conflict()
    {
        var version = (await _service.GetAsync(_ownerId, _storeId)).Version;
        (await _service.SaveAsync(_ownerId, _storeId, Valid with { IdleDays = 20 }, version)).Outcome.ShouldBe(SettingsSaveOutcome.Saved);

        var stale = await _service.SaveAsync(_ownerId, _storeId, Valid with { IdleDays = 30 }, version);

        stale.Outcome.ShouldBe(SettingsSaveOutcome.Conflict);
        stale.Message.ShouldBe(SettingsSaveResult.ConflictMessage);
        (await StoreAsync()).AutoCloseDays.ShouldBe(20);
    }

    [Fact]
    public async Task The_preview_is_filled_from_the_stores_most_recent_case()
    {
        Data.Entities.Order order;
        await using (var ctx = _db.NewContext())
            order = await ctx.Orders.AsNoTracking().FirstAsync(o => o.StoreId == _storeId);
        await _db.OpenCaseAsync(_storeId, order.Id, "Older case");
        _db.Clock.Advance(TimeSpan.FromMinutes(5));
        var recent = await _db.OpenCaseAsync(_storeId, order.Id, "Activation fails");

        var sample = await _service.PreviewSampleAsync(_ownerId, _storeId);

        sample.IsSample.ShouldBeFalse();
        sample.CaseId.ShouldBe(recent.Id);
        sample.Values.ShouldBe(new AutoReplyValues("Bea", order.OrderNumber, "Northwind Keys", "Activation fails"));
    }

    [Fact]
    public async Task A_store_without_cases_previews_with_sample_values()
    {
        var sample = await _service.PreviewSampleAsync(_agentId, _storeId);

        sample.IsSample.ShouldBeTrue();
        sample.Values.StoreName.ShouldBe("Northwind Keys");
    }

    [Fact]
    public async Task New_cases_are_emailed_to_the_saved_address_or_by_default_to_the_owner()
    {
        var order = await FirstOrderAsync();
        var first = await _db.OpenCaseAsync(_storeId, order);
        (await _db.EmailsAsync(first.Id, EmailKinds.CaseOpened)).ShouldHaveSingleItem().ToAddress.ShouldBe("nadia.holm@members.test");

        (await _service.SaveAsync(_ownerId, _storeId, Valid, (await StoreAsync()).SettingsVersion)).Succeeded.ShouldBeTrue();
        var second = await _db.OpenCaseAsync(_storeId, order);
        (await _db.EmailsAsync(second.Id, EmailKinds.CaseOpened)).ShouldHaveSingleItem().ToAddress.ShouldBe("help@northwind.example");
    }

    [Fact]
    public async Task A_saved_auto_reply_is_written_with_its_placeholders_filled_when_a_case_opens()
    {
        (await _service.SaveAsync(_ownerId, _storeId, Valid with { AutoReplyText = "Hi {{customer.first_name}}, {{store.name}} got \"{{case.subject}}\" (order {{order.number}})." },
            (await StoreAsync()).SettingsVersion)).Succeeded.ShouldBeTrue();
        var orderId = await FirstOrderAsync();
        string orderNumber;
        await using (var ctx = _db.NewContext()) orderNumber = await ctx.Orders.Where(o => o.Id == orderId).Select(o => o.OrderNumber).SingleAsync();

        var opened = await _db.OpenCaseAsync(_storeId, orderId, "Key missing");

        var detail = (await _db.CaseQueries().GetAsync(_storeId, opened.Id, TimelineAudience.CustomerPortal))!;
        detail.Messages.Single(m => m.Kind == CaseEntryKind.AutoReply).Body.ShouldBe($"Hi Bea, Northwind Keys got \"Key missing\" (order {orderNumber}).");
        (await _db.EmailsAsync(opened.Id, EmailKinds.AutoReply)).ShouldHaveSingleItem().TextBody.ShouldStartWith($"Hi Bea, Northwind Keys got \"Key missing\" (order {orderNumber}).");
    }

    private async Task<string> FirstOrderAsync()
    {
        await using var ctx = _db.NewContext();
        return await ctx.Orders.Where(o => o.StoreId == _storeId).Select(o => o.Id).FirstAsync();
    }
}
