using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.InboundMail;
using Dashboard.Web.Tests.Attachments;
using Dashboard.Web.Tests.Infrastructure;
using Dashboard.Web.Tests.Live;
using MimeKit;

namespace Dashboard.Web.Tests.InboundMail;

/// <summary>
/// One email in, on a real SQLite file and real attachment storage: the three common clients' replies
/// are posted with exactly the customer's words and their attachment; everything else gets a clear
/// outcome (ignored or held, with the reason) and nothing is posted that should not be.
/// </summary>
public class InboundMailProcessorTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private InboundMailProcessor Processor() => InboundTestKit.Processor(_db);

    private static byte[] Raw(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return buffer.ToArray();
    }

    [Theory]
    [InlineData("gmail-reply.eml")]
    [InlineData("outlook-reply.eml")]
    [InlineData("apple-mail-reply.eml")]
    public async Task A_clients_reply_is_posted_as_the_customers_words_with_its_attachment(string file)
    {
        var fixture = MailFixture.Named(file);
        var c = await fixture.CaseAsync(_db);
        using var feed = new FeedRecorder(_db.Feed, c.StoreId);

        var result = await Processor().ProcessAsync(fixture.Bytes());

        result.Outcome.ShouldBe(InboundMailOutcome.Posted, result.Reason);
        var timeline = await _db.TimelineAsync(c.Id);
        var reply = timeline.Last(m => m.Kind == CaseEntryKind.Message);
        reply.AuthorKind.ShouldBe(AuthorKind.Customer);
        reply.Body.ShouldBe(fixture.ExpectedText);
        reply.Attachments.Select(a => a.FileName).ShouldBe([fixture.AttachmentName]);
        var stored = await _db.Vault.OpenAsync(reply.Attachments[0]);
        stored.ShouldNotBeNull();
        await stored.DisposeAsync();

        (await _db.CaseAsync(c.Id)).Status.ShouldBe(CaseStatus.AwaitingMerchant);
        feed.Seen.ShouldContain(change => change.CaseId == c.Id && change.Kind == CaseChangeKind.Message && change.By == AuthorKind.Customer);
        var record = (await _db.InboundAsync()).ShouldHaveSingleItem();
        (record.Status, record.CaseId, record.CaseMessageId, record.RawKey).ShouldBe((InboundEmailStatus.Posted, c.Id, reply.Id, null));
        record.Reason.ShouldBe(fixture.ReplyToken is null ? "Posted to the case (matched by In-Reply-To)" : "Posted to the case (matched by its reply address)");
        _db.HeldRawFiles().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("gmail-reply.eml")]
    [InlineData("outlook-reply.eml")]
    [InlineData("apple-mail-reply.eml")]
    public void Without_a_plain_text_part_the_HTML_gives_the_same_words(string file)
    {
        var fixture = MailFixture.Named(file);
        var message = fixture.Message();
        RemovePlainText(message.Body!);

        message.BodyParts.OfType<TextPart>().ShouldNotContain(p => p.IsPlain && !p.IsAttachment);
        ReplyText.Extract(message).ShouldBe(fixture.ExpectedText);
    }

    private static void RemovePlainText(MimeEntity entity)
    {
        if (entity is not Multipart multipart) return;
        foreach (var plain in multipart.OfType<TextPart>().Where(p => p.IsPlain && !p.IsAttachment).ToList()) multipart.Remove(plain);
        foreach (var child in multipart) RemovePlainText(child);
    }

    [Fact]
    public async Task Mail_from_someone_other_than_the_customer_is_held_with_the_reason_and_not_posted()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var message = MailFixture.Gmail.Message();
        message.From.Clear();
        message.From.Add(new MailboxAddress("Bea Buyer", "bea.buyer@evil.example"));
        var before = (await _db.TimelineAsync(c.Id)).Count;

        var result = await Processor().ProcessAsync(Raw(message));

        result.Outcome.ShouldBe(InboundMailOutcome.HeldForReview);
        result.Reason.ShouldBe("The sender bea.buyer@evil.example is not the case's customer (bea.buyer@gmail.com)");
        (await _db.TimelineAsync(c.Id)).Count.ShouldBe(before);
        (await _db.CaseAsync(c.Id)).Status.ShouldBe(CaseStatus.AwaitingCustomer);
        var record = (await _db.InboundAsync()).ShouldHaveSingleItem();
        (record.Status, record.CaseId, record.StoreId, record.FromAddress).ShouldBe((InboundEmailStatus.HeldForReview, c.Id, c.StoreId, "bea.buyer@evil.example"));
        record.Text.ShouldBe(MailFixture.Gmail.ExpectedText, "the review page shows what would be posted");
        record.RawKey.ShouldNotBeNull();
        _db.HeldRawFiles().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_sender_header_naming_someone_else_is_held()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var message = MailFixture.Gmail.Message();
        message.Sender = new MailboxAddress("Mass mailer", "bulk@mailer.example");

        var result = await Processor().ProcessAsync(Raw(message));

        result.Outcome.ShouldBe(InboundMailOutcome.HeldForReview);
        result.Reason.ShouldBe("Sent by bulk@mailer.example on behalf of the customer's address");
        (await _db.TimelineAsync(c.Id)).ShouldNotContain(m => m.Body == MailFixture.Gmail.ExpectedText);
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", "Automatic email (Auto-Submitted: auto-replied)")]
    [InlineData("Precedence", "bulk", "Bulk or list email (Precedence: bulk)")]
    [InlineData("X-Autoreply", "yes", "Automatic reply (X-Autoreply)")]
    [InlineData("X-Autorespond", "Out of office", "Automatic reply (X-Autorespond)")]
    [InlineData("List-Id", "<news.shop.example>", "Mailing list email (List-Id: <news.shop.example>)")]
    public async Task An_automatic_reply_is_ignored_with_the_reason_and_never_posted(string header, string value, string reason)
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var message = MailFixture.Gmail.Message();
        message.Headers.Add(header, value);
        var before = await _db.TimelineAsync(c.Id);

        var result = await Processor().ProcessAsync(Raw(message));

        (result.Outcome, result.Reason).ShouldBe((InboundMailOutcome.Ignored, reason));
        (await _db.TimelineAsync(c.Id)).Count.ShouldBe(before.Count);
        var record = (await _db.InboundAsync()).ShouldHaveSingleItem();
        (record.Status, record.Reason, record.RawKey).ShouldBe((InboundEmailStatus.Ignored, reason, null));
        (record.CaseId, record.StoreId).ShouldBe((c.Id, c.StoreId), "the store sees its own case's automatic replies");
        _db.HeldRawFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Auto_submitted_no_is_a_person_and_is_posted()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var message = MailFixture.Gmail.Message();
        message.Headers.Add("Auto-Submitted", "no");

        (await Processor().ProcessAsync(Raw(message))).Outcome.ShouldBe(InboundMailOutcome.Posted);
        (await _db.TimelineAsync(c.Id)).ShouldContain(m => m.Body == MailFixture.Gmail.ExpectedText);
    }

    [Fact]
    public async Task A_bounce_is_ignored_and_never_posted()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var before = await _db.TimelineAsync(c.Id);

        var result = await Processor().ProcessAsync(MailFixture.Bytes(MailFixture.Bounce));

        (result.Outcome, result.Reason).ShouldBe((InboundMailOutcome.Ignored, "Automatic email (Auto-Submitted: auto-replied)"));
        (await _db.TimelineAsync(c.Id)).Count.ShouldBe(before.Count);
    }

    [Fact]
    public async Task A_bounce_without_auto_submitted_is_still_recognised_by_its_report()
    {
        await MailFixture.Gmail.CaseAsync(_db);
        var bounce = MimeMessage.Load(MailFixture.PathOf(MailFixture.Bounce));
        bounce.Headers.Remove(HeaderId.AutoSubmitted);

        var result = await Processor().ProcessAsync(Raw(bounce));

        (result.Outcome, result.Reason).ShouldBe((InboundMailOutcome.Ignored, "Delivery failure report (bounce)"));
    }

    [Fact]
    public async Task Mail_from_our_own_address_is_a_loop_and_is_ignored()
    {
        await MailFixture.Gmail.CaseAsync(_db);
        var message = MailFixture.Gmail.Message();
        message.From.Clear();
        message.From.Add(new MailboxAddress("Northwind Keys", "no-reply@pandabase.example"));

        var result = await Processor().ProcessAsync(Raw(message));

        (result.Outcome, result.Reason).ShouldBe((InboundMailOutcome.Ignored, "Our own email came back (From: no-reply@pandabase.example)"));
    }

    [Fact]
    public async Task The_same_email_delivered_twice_is_posted_once()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var raw = MailFixture.Gmail.Bytes();

        (await Processor().ProcessAsync(raw)).Outcome.ShouldBe(InboundMailOutcome.Posted);
        var second = await Processor().ProcessAsync(raw, InboundChannel.Imap);

        second.Outcome.ShouldBe(InboundMailOutcome.Duplicate);
        second.Reason.ShouldBe("Already received: <CAJ8kz3vQ1x9Yt+Lm2wRz7o5Xg4pQ0e6bK1c=Hf2sW7uA@mail.gmail.com>");
        (await _db.TimelineAsync(c.Id)).Count(m => m.Body == MailFixture.Gmail.ExpectedText).ShouldBe(1);
        (await _db.InboundAsync()).ShouldHaveSingleItem();
        (await _db.CaseAsync(c.Id)).UnreadCount.ShouldBe(1, "the merchant's reply read the case; one new customer message");
    }

    [Fact]
    public async Task The_same_email_delivered_twice_at_once_is_posted_once()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var raw = MailFixture.Gmail.Bytes();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Processor().ProcessAsync(raw))));

        results.Count(r => r.Outcome == InboundMailOutcome.Posted).ShouldBe(1);
        results.Count(r => r.Outcome == InboundMailOutcome.Duplicate).ShouldBe(3);
        (await _db.TimelineAsync(c.Id)).Count(m => m.Body == MailFixture.Gmail.ExpectedText).ShouldBe(1);
        (await _db.InboundAsync()).ShouldHaveSingleItem();
        var staged = Path.Combine(_db.Directory, "attachments", "staging");
        (Directory.Exists(staged) ? Directory.GetFiles(staged, "*", SearchOption.AllDirectories) : []).ShouldBeEmpty("the losers' staged files are deleted");
    }

    [Fact]
    public async Task An_executable_named_pdf_is_refused_and_noted_on_the_case_and_the_words_are_posted()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var message = MailFixture.Gmail.Message();
        var pdf = message.BodyParts.OfType<MimePart>().Single(p => p.FileName == "receipt-NK-10482.pdf");
        pdf.FileName = "invoice.pdf";
        pdf.Content = new MimeContent(new MemoryStream(SampleFiles.WindowsExecutable()));

        var result = await Processor().ProcessAsync(Raw(message));

        result.Outcome.ShouldBe(InboundMailOutcome.Posted);
        var timeline = await _db.TimelineAsync(c.Id);
        var reply = timeline.Single(m => m.Body == MailFixture.Gmail.ExpectedText);
        reply.Attachments.ShouldBeEmpty();
        var note = timeline.Where(m => m.Kind == CaseEntryKind.Trail).ShouldHaveSingleItem();
        note.Body.ShouldBe("An attachment from the customer's email was refused: invoice.pdf — executable files are not allowed");
        note.AuthorKind.ShouldBe(AuthorKind.System);
        note.Sequence.ShouldBeGreaterThan(reply.Sequence);
        TimelineVisibility.IsVisibleTo(note.Kind, TimelineAudience.MerchantDashboard).ShouldBeTrue();
        Directory.GetFiles(Path.Combine(_db.Directory, "attachments"), "*", SearchOption.AllDirectories).ShouldBeEmpty("nothing of the executable is kept");
    }

    [Fact]
    public async Task More_than_five_attachments_keeps_the_first_five_and_notes_the_rest()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var message = MailFixture.Gmail.Message();
        var mixed = (Multipart)message.Body!;
        for (var i = 1; i <= 6; i++)
            mixed.Add(new MimePart("image", "png") { FileName = $"photo-{i}.png", Content = new MimeContent(new MemoryStream(SampleFiles.Png())), ContentTransferEncoding = ContentEncoding.Base64 });

        (await Processor().ProcessAsync(Raw(message))).Outcome.ShouldBe(InboundMailOutcome.Posted);

        var timeline = await _db.TimelineAsync(c.Id);
        timeline.Single(m => m.Body == MailFixture.Gmail.ExpectedText).Attachments.Select(a => a.FileName)
            .ShouldBe(["receipt-NK-10482.pdf", "photo-1.png", "photo-2.png", "photo-3.png", "photo-4.png"], ignoreOrder: true);
        timeline.Where(m => m.Kind == CaseEntryKind.Trail).ShouldHaveSingleItem().Body
            .ShouldBe("2 attachments from the customer's email were not kept: photo-5.png, photo-6.png — at most 5 files a message");
    }

    [Fact]
    public async Task A_reply_to_a_closed_case_reopens_it()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        (await _db.CaseService().UpdateAsync(c.StoreId, c.Id, Actor.Merchant("Ada Merchant", "user-ada"), null, CaseStatus.Closed)).Outcome.ShouldBe(CaseOutcome.Ok);

        (await Processor().ProcessAsync(MailFixture.Gmail.Bytes())).Outcome.ShouldBe(InboundMailOutcome.Posted);

        var reopened = await _db.CaseAsync(c.Id);
        (reopened.Status, reopened.ClosedAt, reopened.ClosedBy).ShouldBe((CaseStatus.AwaitingMerchant, null, null));
        (await _db.TimelineAsync(c.Id)).ShouldContain(m => m.Kind == CaseEntryKind.StatusTrail && m.Body == "Reopened by the customer");
        (await _db.CaseQueries().CountsAsync(c.StoreId)).ShouldBe(new TabCounts(1, 0, 0, 0));
    }

    [Fact]
    public async Task Mail_that_answers_no_case_email_is_held_with_the_reason()
    {
        await MailFixture.Gmail.CaseAsync(_db);
        var message = MailFixture.Gmail.Message();
        message.To.Clear();
        message.To.Add(new MailboxAddress("Support", "support@northwind.example"));
        message.Headers.Remove("Delivered-To");
        message.InReplyTo = null;
        message.References.Clear();

        var result = await Processor().ProcessAsync(Raw(message));

        result.Outcome.ShouldBe(InboundMailOutcome.HeldForReview);
        result.Reason.ShouldBe("No case matches: it is not an answer to a case email (no known reply address, In-Reply-To or References)");
        var record = (await _db.InboundAsync()).ShouldHaveSingleItem();
        (record.CaseId, record.StoreId).ShouldBe((null, null));
        _db.HeldRawFiles().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_case_root_id_alone_does_not_match_because_anyone_who_knows_the_case_id_can_write_it()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var message = MailFixture.Gmail.Message();
        message.To.Clear();
        message.To.Add(new MailboxAddress("Northwind Keys", "no-reply@pandabase.example"));
        message.Headers.Remove("Delivered-To");
        message.InReplyTo = $"case.{c.Id}@dashboard.pandabase.example";
        message.References.Clear();
        message.References.Add($"case.{c.Id}@dashboard.pandabase.example");

        (await Processor().ProcessAsync(Raw(message))).Outcome.ShouldBe(InboundMailOutcome.HeldForReview);
    }

    [Fact]
    public async Task A_reply_with_nothing_but_the_quote_is_held()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var message = MailFixture.Gmail.Message();
        var plain = message.BodyParts.OfType<TextPart>().Single(p => p.IsPlain);
        plain.Text = "On Mon, 23 Nov 2026 at 10:15, Northwind Keys <reply@reply.test> wrote:\n> Hi Bea,\n> Here is a fresh key.\n";

        var result = await Processor().ProcessAsync(Raw(message));

        (result.Outcome, result.Reason).ShouldBe((InboundMailOutcome.HeldForReview, "Nothing is left after removing the quoted text and signature"));
        (await _db.TimelineAsync(c.Id)).ShouldNotContain(m => m.Body.Contains("fresh key"));
    }

    [Fact]
    public async Task An_unreadable_email_is_held_not_dropped()
    {
        var raw = "This is not an email at all"u8.ToArray();

        var result = await Processor().ProcessAsync(raw);

        result.Outcome.ShouldBe(InboundMailOutcome.HeldForReview);
        var record = (await _db.InboundAsync()).ShouldHaveSingleItem();
        record.MessageId.ShouldStartWith("<sha256.");
        _db.HeldRawFiles().ShouldHaveSingleItem();
    }
}
