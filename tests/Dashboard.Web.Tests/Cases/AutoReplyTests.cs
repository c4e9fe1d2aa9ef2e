using System.Net;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Tests.Api;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Cases;

/// <summary>The store's auto-reply (CaseEffects.SendAutoReply): written and emailed with the opening, changing nothing else.</summary>
public class AutoReplyTests : IAsyncLifetime
{
    private const string AutoReplyText = "Thanks for writing! We answer within one business day.";
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private async Task<(Store Store, Customer Customer, Order Order)> StoreWithAutoReplyAsync(bool enabled = true)
    {
        var (store, customer, order) = await _db.AddStoreAsync("Keys & Co");
        await using var db = _db.NewContext();
        await db.Stores.Where(s => s.Id == store.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.AutoReplyEnabled, enabled).SetProperty(x => x.AutoReplyText, AutoReplyText));
        return (store, customer, order);
    }

    private async Task<List<OutboxEmail>> OutboxAsync()
    {
        await using var db = _db.NewContext();
        return await db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
    }

    [Fact]
    public async Task Opening_a_case_writes_the_auto_reply_as_the_stores_automatic_entry_after_the_customers_message()
    {
        var (store, _, order) = await StoreWithAutoReplyAsync();

        var opened = await _db.CaseService().OpenAsync(store.Id, order.Id, "Key missing", "Where is my key?");

        var detail = (await _db.CaseQueries().GetAsync(store.Id, opened.Case!.Id, TimelineAudience.MerchantDashboard))!;
        detail.Messages.Select(m => (m.Kind, m.AuthorKind, m.AuthorName, m.Body)).ShouldBe([
            (CaseEntryKind.Message, AuthorKind.Customer, "Bea Buyer", "Where is my key?"),
            (CaseEntryKind.AutoReply, AuthorKind.System, "Keys & Co", AutoReplyText),
        ]);
    }

    [Fact]
    public async Task The_auto_reply_leaves_status_unread_count_and_last_message_as_the_customer_left_them()
    {
        var (store, _, order) = await StoreWithAutoReplyAsync();

        var opened = (await _db.CaseService().OpenAsync(store.Id, order.Id, "Key missing", "Where is my key?")).Case!;

        await using var db = _db.NewContext();
        var saved = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == opened.Id);
        saved.Status.ShouldBe(CaseStatus.Open);
        saved.UnreadCount.ShouldBe(1);
        saved.LastMessageBy.ShouldBe(AuthorKind.Customer);
        saved.LastMessageAt.ShouldBe(_db.Clock.UtcNow);
        (await _db.CaseQueries().CountsAsync(store.Id)).ShouldBe(new TabCounts(0, 1, 0, 0));
    }

    [Fact]
    public async Task The_auto_reply_is_emailed_once_to_the_customer_beside_the_stores_new_case_notice()
    {
        var (store, customer, order) = await StoreWithAutoReplyAsync();

        await _db.CaseService().OpenAsync(store.Id, order.Id, "Key missing", "Where is my key?");

        var outbox = await OutboxAsync();
        var autoReply = outbox.Where(o => o.Kind == EmailKinds.AutoReply).ShouldHaveSingleItem();
        autoReply.ToAddress.ShouldBe(customer.Email);
        autoReply.FromName.ShouldBe("Keys & Co");
        autoReply.TextBody.ShouldContain(AutoReplyText);
        outbox.Where(o => o.Kind == EmailKinds.CaseOpened).ShouldHaveSingleItem().ToAddress.ShouldBe(store.NotificationEmail);
    }

    [Fact]
    public async Task A_store_without_an_auto_reply_writes_and_sends_none()
    {
        var (store, _, order) = await StoreWithAutoReplyAsync(enabled: false);

        var opened = (await _db.CaseService().OpenAsync(store.Id, order.Id, "Key missing", "Where is my key?")).Case!;

        (await _db.CaseQueries().GetAsync(store.Id, opened.Id, TimelineAudience.MerchantDashboard))!.Messages
            .ShouldNotContain(m => m.Kind == CaseEntryKind.AutoReply);
        (await OutboxAsync()).ShouldNotContain(o => o.Kind == EmailKinds.AutoReply);
    }

    [Fact]
    public async Task When_the_opening_fails_to_commit_neither_the_auto_reply_nor_its_email_is_kept()
    {
        var (store, _, order) = await StoreWithAutoReplyAsync();
        // The tab counters are updated last, inside the opening's transaction: make that step fail.
        await using (var db = _db.NewContext())
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER fail_counts BEFORE UPDATE ON CaseCounts BEGIN SELECT RAISE(ABORT, 'counters unavailable'); END;");

        await Should.ThrowAsync<Exception>(() => _db.CaseService().OpenAsync(store.Id, order.Id, "Key missing", "Where is my key?"));

        await using var check = _db.NewContext();
        (await check.Cases.CountAsync()).ShouldBe(0);
        (await check.CaseMessages.CountAsync()).ShouldBe(0);
        (await check.Outbox.CountAsync()).ShouldBe(0);
    }
}

/// <summary>The auto-reply through the Store API: a SYSTEM message in the store's name.</summary>
public class AutoReplyApiTests(AutoReplyApiTests.App app) : IClassFixture<AutoReplyApiTests.App>
{
    public sealed class App : StoreApiApp;

    [Fact]
    public async Task The_auto_reply_is_in_the_cases_messages_in_the_store_api()
    {
        // Contoso Games (demo data) has its auto-reply on; open a case as a customer would.
        Order order;
        await using (var db = app.Db())
            order = await db.Orders.Include(o => o.Customer).FirstAsync(o => o.StoreId == StoreApiApp.Contoso && o.Status == OrderStatus.Completed);
        var opened = await app.Services.GetRequiredService<CaseService>().OpenAsync(StoreApiApp.Contoso, order.Id, "Activation fails", "Error 0x80 on activation");

        var body = await app.Api(StoreApiApp.ContosoAll).GetJsonAsync($"{StoreApiApp.Cases(StoreApiApp.Contoso)}/{opened.Case!.Id}", HttpStatusCode.OK);

        var messages = body.GetProperty("data").GetProperty("messages").EnumerateArray()
            .Select(m => (Kind: m.GetProperty("authorKind").GetString(), Name: m.GetProperty("authorName").GetString(), Body: m.GetProperty("body").GetString()))
            .ToList();
        messages.Count.ShouldBe(2);
        messages[1].ShouldBe(("SYSTEM", "Contoso Games",
            $"Hi {order.Customer.FirstName}, thanks for contacting Contoso Games about order {order.OrderNumber}. We answer within one business day."));
        body.GetProperty("data").GetProperty("lastMessageBy").GetString().ShouldBe("CUSTOMER");
        body.GetProperty("data").GetProperty("status").GetString().ShouldBe("OPEN");
    }
}

/// <summary>The auto-reply on the merchant's case page: the store's card, marked automatic.</summary>
public class AutoReplyPageTests : CasePageTestBase
{
    [Fact]
    public async Task The_case_page_shows_the_auto_reply_as_the_stores_automatic_reply()
    {
        await using (var db = Db.NewContext())
            await db.Stores.Where(s => s.Id == Store.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.AutoReplyEnabled, true).SetProperty(x => x.AutoReplyText, "We answer within a day."));
        var c = await OpenCaseAsync();

        RenderProviders();
        var page = Render<Features.Cases.CaseDetailPage>(p => p.Add(x => x.CaseId, c.Id));

        page.WaitForAssertion(() => page.FindAll("[data-testid=timeline-entry]").Count.ShouldBe(2));
        var auto = page.Find("[data-testid=timeline-entry][data-entry-kind=auto-reply]");
        auto.TextContent.ShouldContain("We answer within a day.");
        auto.TextContent.ShouldContain("Northwind Test");
        auto.TextContent.ShouldContain("Automatic reply");
    }
}
