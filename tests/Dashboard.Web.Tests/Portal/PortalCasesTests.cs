using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Features.Portal;
using Dashboard.Web.Tests.Attachments;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Portal;

/// <summary>
/// The customer's side: their orders at every store, opening a case (with files) only on their own
/// completed orders, their cases only (another's is "not found"), the timeline they may see, reply and close.
/// </summary>
public class PortalCasesTests : IAsyncLifetime
{
    private const string AutoReplyText = "Thanks! We answer within a day.";
    private const string Email = "cleo.customer@example.com";
    private TestDatabase _db = null!;
    private Store _northwind = null!;
    private Store _contoso = null!;
    private Order _completed = null!;
    private Order _processing = null!;
    private Order _atContoso = null!;
    private Order _someoneElses = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        (_northwind, _, _someoneElses) = await _db.AddStoreAsync("Northwind Keys");
        (_contoso, _, _) = await _db.AddStoreAsync("Contoso Games");
        await using (var db = _db.NewContext())
            await db.Stores.Where(s => s.Id == _contoso.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.AutoReplyEnabled, true).SetProperty(x => x.AutoReplyText, AutoReplyText));
        Customer atNorthwind;
        (atNorthwind, _completed) = await _db.AddCustomerWithOrderAsync(_northwind.Id, Email, OrderStatus.Completed, _db.Clock.UtcNow.AddDays(-3));
        _processing = await _db.AddOrderAsync(_northwind.Id, atNorthwind.Id, OrderStatus.Processing, _db.Clock.UtcNow.AddHours(-1));
        // The same person at another store, the address typed differently there.
        (_, _atContoso) = await _db.AddCustomerWithOrderAsync(_contoso.Id, "  Cleo.Customer@EXAMPLE.com", OrderStatus.Completed, _db.Clock.UtcNow.AddDays(-10));
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private PortalCases Cases => _db.PortalCases();
    private PortalQueries Queries => _db.PortalQueries();

    private async Task<StagedFile> StageAsync(string name, byte[] bytes) =>
        (await _db.Vault.StageAsync(name, new MemoryStream(bytes))).File.ShouldNotBeNull();

    private async Task<SupportCase> OpenAsync(Order? order = null, string subject = "Key missing") =>
        (await Cases.OpenAsync(Email, (order ?? _completed).Id, subject, "Where is my key?", CasePriority.Normal, [])).Case.ShouldNotBeNull();

    /// <summary>Cases, timeline entries, attachments and emails: what a refused request must leave as it was.</summary>
    private async Task<(int Cases, int Entries, int Attachments, int Emails)> CountsAsync()
    {
        await using var db = _db.NewContext();
        return (await db.Cases.CountAsync(), await db.CaseMessages.CountAsync(), await db.Attachments.CountAsync(), await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task Orders_of_every_store_bought_with_the_email_come_newest_first_with_store_items_and_amount()
    {
        var orders = await Queries.OrdersAsync(Email);

        orders.Select(o => (o.Id, o.StoreName)).ShouldBe([
            (_processing.Id, "Northwind Keys"), (_completed.Id, "Northwind Keys"), (_atContoso.Id, "Contoso Games"),
        ]);
        orders.ShouldNotContain(o => o.Id == _someoneElses.Id);
        var first = orders[0];
        (first.Amount, first.Currency, first.Status).ShouldBe((1999L, "EUR", OrderStatus.Processing));
        first.Items.ShouldHaveSingleItem().ShouldBe(new PortalOrderItem("Second Product", 2, 999));
        first.HelpUnavailable.ShouldBe("Available once the order is completed");
        orders[1].HelpUnavailable.ShouldBeNull();
        (await Queries.OrdersAsync("someone.else@example.com")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Opening_a_case_with_a_file_saves_case_message_and_attachment_and_fires_the_stores_auto_reply()
    {
        var changes = new List<CaseChange>();
        using var _ = _db.Feed.Subscribe(_contoso.Id, c => { changes.Add(c); return Task.CompletedTask; });
        var receipt = await StageAsync("receipt.pdf", SampleFiles.Pdf());

        var result = await Cases.OpenAsync(Email, _atContoso.Id, "  Download keeps failing  ", "It stops at 80%.", CasePriority.High, [receipt.ToUpload()]);

        result.Outcome.ShouldBe(CaseOutcome.Ok, result.Error);
        var detail = (await Queries.CaseAsync(Email, result.Case!.Id)).ShouldNotBeNull();
        detail.StoreName.ShouldBe("Contoso Games");
        var c = detail.Detail.Case;
        (c.Subject, c.Status, c.Priority, c.StoreId, c.UnreadCount).ShouldBe(("Download keeps failing", CaseStatus.Open, CasePriority.High, _contoso.Id, 1));
        detail.Detail.Messages.Select(m => (m.Kind, m.Body)).ShouldBe([(CaseEntryKind.Message, "It stops at 80%."), (CaseEntryKind.AutoReply, AutoReplyText)]);
        var attachment = detail.Detail.Messages[0].Attachments.ShouldHaveSingleItem();
        (attachment.FileName, attachment.ContentType).ShouldBe(("receipt.pdf", "application/pdf"));
        (await _db.Vault.OpenAsync(attachment)).ShouldNotBeNull();
        (await _db.Vault.Storage.OpenReadAsync(receipt.StagingKey)).ShouldBeNull("the staged copy is released");

        await using var db = _db.NewContext();
        (await db.Outbox.Where(o => o.CaseId == c.Id).Select(o => o.Kind).ToListAsync()).ShouldBe([EmailKinds.CaseOpened, EmailKinds.AutoReply], ignoreOrder: true);
        changes.ShouldHaveSingleItem().Kind.ShouldBe(CaseChangeKind.Opened);
    }

    [Fact]
    public async Task A_case_on_an_order_that_is_not_completed_is_refused_and_nothing_is_stored()
    {
        var before = await CountsAsync();

        var result = await Cases.OpenAsync(Email, _processing.Id, "Where is it?", "Still processing", CasePriority.Normal, [(await StageAsync("a.txt", SampleFiles.Text())).ToUpload()]);

        result.Outcome.ShouldBe(CaseOutcome.Invalid);
        result.Error.ShouldBe(CaseService.OrderNotCompleted);
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_case_on_another_customers_order_is_refused_like_a_missing_order_and_nothing_is_stored()
    {
        var before = await CountsAsync();

        var theirs = await Cases.OpenAsync(Email, _someoneElses.Id, "Mine now", "Give me their key", CasePriority.Urgent, []);
        var madeUp = await Cases.OpenAsync(Email, "ord_doesnotexist000000", "Nope", "Nothing", CasePriority.Normal, []);
        var malformed = await Cases.OpenAsync(Email, "../../etc/passwd", "Nope", "Nothing", CasePriority.Normal, []);

        foreach (var result in new[] { theirs, madeUp, malformed })
        {
            result.Outcome.ShouldBe(CaseOutcome.Invalid);
            result.Error.ShouldBe(PortalCases.NotYourOrder);
        }
        (await Queries.OrderAsync(Email, _someoneElses.Id)).ShouldBeNull();
        (await CountsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(0, "Subject cannot be empty")]
    [InlineData(201, "Subject is too long: 201 characters, the limit is 200")]
    public async Task A_subject_outside_1_to_200_characters_is_refused_and_nothing_is_stored(int length, string error)
    {
        var before = await CountsAsync();

        var result = await Cases.OpenAsync(Email, _completed.Id, new string('s', length), "Body", CasePriority.Normal, []);

        result.Outcome.ShouldBe(CaseOutcome.Invalid);
        result.Error.ShouldBe(error);
        (await CountsAsync()).ShouldBe(before);
        (await Cases.OpenAsync(Email, _completed.Id, new string('s', 200), "Body", CasePriority.Normal, [])).Succeeded.ShouldBeTrue("200 is allowed");
    }

    [Theory]
    [InlineData(0, "Message cannot be empty")]
    [InlineData(4001, "Message is too long: 4,001 characters, the limit is 4,000")]
    public async Task A_message_outside_1_to_4000_characters_is_refused_on_open_and_on_reply_and_nothing_is_stored(int length, string error)
    {
        var c = await OpenAsync();
        var before = await CountsAsync();
        var body = length == 0 ? "   \n  " : new string('m', length);

        var open = await Cases.OpenAsync(Email, _completed.Id, "Subject", body, CasePriority.Normal, []);
        var reply = await Cases.ReplyAsync(Email, c.Id, body, []);

        open.Error.ShouldBe(error);
        reply.Error.ShouldBe(error);
        (await CountsAsync()).ShouldBe(before);
        (await Cases.ReplyAsync(Email, c.Id, new string('m', 4000), [])).Succeeded.ShouldBeTrue("4,000 is allowed");
    }

    [Fact]
    public async Task More_than_five_files_are_refused_on_open_and_on_reply_and_nothing_is_stored()
    {
        var c = await OpenAsync();
        var files = new List<AttachmentUpload>();
        for (var i = 0; i < 6; i++) files.Add((await StageAsync($"log{i}.txt", SampleFiles.Text())).ToUpload());
        var before = await CountsAsync();

        var open = await Cases.OpenAsync(Email, _completed.Id, "Logs", "Six logs", CasePriority.Normal, files);
        var reply = await Cases.ReplyAsync(Email, c.Id, "Six logs", files);

        open.Error.ShouldBe(AttachmentVault.TooManyFiles);
        reply.Error.ShouldBe(AttachmentVault.TooManyFiles);
        (await CountsAsync()).ShouldBe(before);
        (await Cases.OpenAsync(Email, _completed.Id, "Logs", "Five logs", CasePriority.Normal, files.Take(5).ToList())).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task A_file_refused_by_its_content_keeps_the_case_from_opening()
    {
        var disguised = await _db.Vault.StageAsync("photo.png", new MemoryStream(SampleFiles.HtmlRenamedPng()));
        var before = await CountsAsync();

        disguised.Succeeded.ShouldBeFalse("the picker refuses it before the case is ever sent");
        disguised.Error.ShouldNotBeNullOrWhiteSpace();
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Another_customers_case_is_not_found_for_reading_replying_and_closing_and_nothing_changes()
    {
        var theirs = (await _db.CaseService().OpenAsync(_northwind.Id, _someoneElses.Id, "Their case", "Private")).Case!;
        var before = await CountsAsync();

        (await Queries.CaseAsync(Email, theirs.Id)).ShouldBeNull();
        (await Cases.ReplyAsync(Email, theirs.Id, "Let me in", [])).Outcome.ShouldBe(CaseOutcome.NotFound);
        (await Cases.CloseAsync(Email, theirs.Id)).Outcome.ShouldBe(CaseOutcome.NotFound);
        (await Queries.CaseAsync(Email, "cs_doesnotexist000000")).ShouldBeNull();
        (await Queries.CaseAsync(Email, "not-a-case-id")).ShouldBeNull();

        (await CountsAsync()).ShouldBe(before);
        (await _db.CaseQueries().GetAsync(null, theirs.Id, TimelineAudience.MerchantDashboard))!.Case.Status.ShouldBe(CaseStatus.Open);
    }

    [Fact]
    public async Task The_customers_cases_of_every_store_are_listed_and_nobody_elses()
    {
        var older = await OpenAsync(_completed, "At Northwind");
        _db.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await OpenAsync(_atContoso, "At Contoso");
        await _db.CaseService().OpenAsync(_northwind.Id, _someoneElses.Id, "Someone else's", "Private");

        var rows = await Queries.CasesAsync(Email);

        rows.Select(r => (r.Id, r.StoreName, r.Status)).ShouldBe([
            (newer.Id, "Contoso Games", CaseStatus.Open), (older.Id, "Northwind Keys", CaseStatus.Open),
        ]);
    }

    [Fact]
    public async Task The_customer_sees_messages_auto_replies_support_posts_and_status_changes_but_never_notes_or_other_trail()
    {
        var c = await OpenAsync(_atContoso);
        await _db.CaseService().ReplyAsync(_contoso.Id, c.Id, Actor.Merchant("Clara Diaz", "clara"), "Try the mirror.");
        await _db.EscalateAsync(c.Id);
        await _db.CaseService().SupportPostAsync(c.Id, await _db.AddSupportUserAsync(), "Pandabase here, looking into it.");
        await using (var db = _db.NewContext())
        {
            foreach (var (kind, body) in new[] { (CaseEntryKind.TeamNote, "team note: refund if it fails again"), (CaseEntryKind.StaffNote, "staff note: fraud check"), (CaseEntryKind.Trail, "Escalated: dispute risk") })
                db.CaseMessages.Add(new CaseMessage { CaseId = c.Id, StoreId = c.StoreId, Kind = kind, AuthorKind = AuthorKind.System, AuthorName = "x", Body = body, CreatedAt = _db.Clock.UtcNow, Sequence = 9000 });
            await db.SaveChangesAsync();
        }

        var detail = (await Queries.CaseAsync(Email, c.Id))!;

        detail.Detail.Messages.Select(m => m.Kind).Distinct().ShouldBe(
            [CaseEntryKind.Message, CaseEntryKind.AutoReply, CaseEntryKind.StatusTrail], ignoreOrder: true);
        detail.Detail.Messages.ShouldContain(m => m.AuthorKind == AuthorKind.Support && m.AuthorName == CaseWorkflow.SupportBrand);
        detail.Detail.Messages.ShouldNotContain(m => m.Body.Contains("note") || m.Body.StartsWith("Escalated"));
    }

    [Fact]
    public async Task The_customer_closes_and_a_reply_reopens_the_case_for_the_merchant()
    {
        var c = await OpenAsync();

        (await Cases.CloseAsync(Email, c.Id)).Case!.Status.ShouldBe(CaseStatus.Closed);
        var closedTwice = await Cases.CloseAsync(Email, c.Id);
        var reply = await Cases.ReplyAsync(Email, c.Id, "It broke again", []);

        closedTwice.Outcome.ShouldBe(CaseOutcome.Refused);
        closedTwice.Error.ShouldBe(CaseWorkflow.Messages.AlreadyClosed);
        reply.Case!.Status.ShouldBe(CaseStatus.AwaitingMerchant);
        reply.Case.ClosedAt.ShouldBeNull();
        var detail = (await Queries.CaseAsync(Email, c.Id))!;
        detail.Detail.Messages.Select(m => m.Body).ShouldContain("Closed by the customer");
        detail.Detail.Messages.Select(m => m.Body).ShouldContain("Reopened by the customer");
        (await _db.CaseQueries().CountsAsync(_northwind.Id)).AwaitingYou.ShouldBe(1);
    }

    [Fact]
    public async Task A_customer_gets_attachments_of_their_own_case_only()
    {
        var mine = await OpenAsync();
        var theirs = (await _db.CaseService().OpenAsync(_northwind.Id, _someoneElses.Id, "Theirs", "Private")).Case!;
        await _db.CaseService().CustomerReplyAsync(_northwind.Id, theirs.Id, "My passport scan", [(await StageAsync("passport.png", SampleFiles.Png())).ToUpload()]);
        await Cases.ReplyAsync(Email, mine.Id, "My log", [(await StageAsync("log.txt", SampleFiles.Text())).ToUpload()]);

        var detail = (await Queries.CaseAsync(Email, mine.Id))!;

        detail.Detail.Messages.SelectMany(m => m.Attachments).ShouldHaveSingleItem().FileName.ShouldBe("log.txt");
        (await Queries.CaseAsync(Email, theirs.Id)).ShouldBeNull("no way to reach the other case's files");
    }
}
