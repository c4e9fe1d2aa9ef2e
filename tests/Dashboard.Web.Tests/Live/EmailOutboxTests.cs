using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dashboard.Web.Tests.Live;

/// <summary>
/// Emails written to the Outbox in the case's own transaction, composed with both parts and the
/// threading headers, and delivered by the sender to a real SMTP server (aiosmtpd) or to .eml files.
/// </summary>
public class EmailOutboxTests : IAsyncLifetime
{
    private static readonly Actor Theo = Actor.Merchant("Theo Merchant", "user-theo");
    private TestDatabase _db = null!;
    private SmtpServer? _smtp;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        if (_smtp is not null) await _smtp.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static readonly PortalOptions Portal = new();
    private CaseService Service() => _db.CaseService();

    private async Task<List<OutboxEmail>> OutboxAsync()
    {
        await using var db = _db.NewContext();
        return await db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
    }

    private OutboxSender Sender(SmtpOptions smtp, OutboxOptions? outbox = null) => new(
        _db.Factory, _db.Clock,
        new EmailDeliveryFactory(Options.Create(smtp), Options.Create(new Dashboard.Data.DataDirectoryOptions { DataDirectory = _db.Directory })),
        Options.Create(outbox ?? new OutboxOptions()), new Dashboard.Web.Infrastructure.ProcessIdentity(Options.Create(new Dashboard.Web.Infrastructure.InstanceOptions())),
        NullLogger<OutboxSender>.Instance);

    [Fact]
    public async Task Opening_and_replying_write_the_promised_emails_in_the_same_transaction_with_threading()
    {
        var (store, customer, order) = await _db.AddStoreAsync("Northwind Keys");
        var opened = await Service().OpenAsync(store.Id, order.Id, "Key <missing>", "Where is my key?");
        var c = opened.Case!;
        (await Service().ReplyAsync(store.Id, c.Id, Theo, "Here: <script>alert(1)</script>\nSecond line")).Outcome.ShouldBe(CaseOutcome.Ok);
        (await Service().ReplyAsync(store.Id, c.Id, Theo, "And a follow-up")).Outcome.ShouldBe(CaseOutcome.Ok);

        var outbox = await OutboxAsync();
        outbox.Select(o => (o.Kind, o.ToAddress)).ShouldBe([
            (EmailKinds.CaseOpened, store.NotificationEmail),
            (EmailKinds.CaseReply, customer.Email),
            (EmailKinds.CaseReply, customer.Email),
        ]);
        outbox.ShouldAllBe(o => o.FromName == "Northwind Keys" && o.SentAt == null && o.CaseId == c.Id);

        var root = $"<case.{c.Id}@{Portal.MessageIdDomain}>";
        var (first, second) = (outbox[1], outbox[2]);
        first.InReplyTo.ShouldBe(root);
        first.References.ShouldBe(root);
        second.InReplyTo.ShouldBe(first.MessageIdHeader);
        second.References.ShouldBe($"{root} {first.MessageIdHeader}");
        outbox.Select(o => o.MessageIdHeader).Distinct().Count().ShouldBe(3);

        first.Subject.ShouldBe($"Re: Key <missing> [{c.Id}]");
        first.TextBody.ShouldContain("Theo Merchant replied to your case \"Key <missing>\"");
        first.TextBody.ShouldContain("<script>alert(1)</script>", Case.Sensitive, "plain text keeps the text as written");
        first.TextBody.ShouldContain($"{TestDatabase.HostAddress}/portal/cases/{c.Id}");
        first.HtmlBody.ShouldNotContain("<script>");
        first.HtmlBody.ShouldContain("Here: &lt;script&gt;alert(1)&lt;/script&gt;<br>");
        first.HtmlBody.ShouldContain("“Key &lt;missing&gt;”");
        first.HtmlBody.ShouldContain($"href=\"{TestDatabase.HostAddress}/portal/cases/{c.Id}\"");
        outbox[0].TextBody.ShouldContain("Where is my key?");
    }

    [Fact]
    public async Task Changes_that_promise_no_email_write_none_and_a_refused_reply_writes_nothing()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = (await Service().OpenAsync(store.Id, order.Id, "Hi", "Hello")).Case!;
        await using (var db = _db.NewContext()) await db.Outbox.ExecuteDeleteAsync();

        (await Service().UpdateAsync(store.Id, c.Id, Theo, CasePriority.High, null)).Outcome.ShouldBe(CaseOutcome.Ok);
        (await Service().MarkReadAsync(store.Id, c.Id)).Outcome.ShouldBe(CaseOutcome.Ok);
        (await Service().UpdateAsync(store.Id, c.Id, Theo, null, CaseStatus.Closed)).Outcome.ShouldBe(CaseOutcome.Ok);
        (await Service().ReplyAsync(store.Id, c.Id, Theo, "Too late")).Outcome.ShouldBe(CaseOutcome.Refused);
        (await Service().ReplyAsync(store.Id, c.Id, Theo, "Stale", expectedVersion: 0)).Outcome.ShouldBe(CaseOutcome.Conflict);

        (await OutboxAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_change_whose_transaction_fails_leaves_no_email_behind()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = (await Service().OpenAsync(store.Id, order.Id, "Hi", "Hello")).Case!;
        var before = (await OutboxAsync()).Count;
        // Make the counters update inside the transaction fail: the whole change (message, case, outbox) rolls back.
        await using (var db = _db.NewContext())
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER fail_counts BEFORE UPDATE ON CaseCounts BEGIN SELECT RAISE(ABORT, 'boom'); END;");

        await Should.ThrowAsync<Exception>(() => Service().ReplyAsync(store.Id, c.Id, Theo, "Will not stick"));

        (await OutboxAsync()).Count.ShouldBe(before);
        await using var check = _db.NewContext();
        (await check.CaseMessages.AnyAsync(m => m.Body == "Will not stick")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_sender_delivers_to_a_real_smtp_server_once_with_both_parts_and_threading_headers()
    {
        _smtp = await SmtpServer.StartAsync();
        var (store, customer, order) = await _db.AddStoreAsync("Northwind Keys");
        var c = (await Service().OpenAsync(store.Id, order.Id, "Key missing", "Where is my key?")).Case!;
        await Service().ReplyAsync(store.Id, c.Id, Theo, "Here: <b>AAAA</b>");
        await Service().ReplyAsync(store.Id, c.Id, Theo, "Anything else?");
        var smtp = new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, UseStartTls = false, From = "cases@pandabase.example" };

        (await Sender(smtp).SendDueAsync(CancellationToken.None)).ShouldBe(3);
        (await Sender(smtp).SendDueAsync(CancellationToken.None)).ShouldBe(0, "a second round finds nothing due");

        var messages = await _smtp.WaitForAsync(3, TimeSpan.FromSeconds(10));
        messages.Count.ShouldBe(3);
        var outbox = await OutboxAsync();
        outbox.ShouldAllBe(o => o.SentAt != null && o.Attempts == 1);

        var replies = messages.Where(m => m.To.Mailboxes.Single().Address == customer.Email).OrderBy(m => m.Date).ThenBy(m => m.MessageId).ToList();
        replies.Count.ShouldBe(2);
        var firstRow = outbox.First(o => o.Kind == EmailKinds.CaseReply);
        var first = replies.Single(m => "<" + m.MessageId + ">" == firstRow.MessageIdHeader);
        var second = replies.Single(m => m != first);
        first.From.Mailboxes.Single().Name.ShouldBe("Northwind Keys");
        first.From.Mailboxes.Single().Address.ShouldBe("cases@pandabase.example");
        first.InReplyTo.ShouldBe($"case.{c.Id}@{Portal.MessageIdDomain}");
        second.InReplyTo.ShouldBe(first.MessageId);
        second.References.ToArray().ShouldBe([$"case.{c.Id}@{Portal.MessageIdDomain}", first.MessageId!]);
        first.Headers["X-Case-Id"].ShouldBe(c.Id);

        first.Body.ShouldBeOfType<MultipartAlternative>();
        first.TextBody!.ShouldContain("Here: <b>AAAA</b>");
        first.HtmlBody!.ShouldContain("Here: &lt;b&gt;AAAA&lt;/b&gt;");
        first.HtmlBody!.ShouldContain($"{TestDatabase.HostAddress}/portal/cases/{c.Id}");

        var opened = messages.Single(m => m.To.Mailboxes.Single().Address == store.NotificationEmail);
        opened.Subject.ShouldBe($"New case: Key missing [{c.Id}]");
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_exponential_backoff_and_then_sent_once()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        await Service().OpenAsync(store.Id, order.Id, "Hi", "Hello");
        var down = new SmtpOptions { Host = "127.0.0.1", Port = FreePort.Next(), UseStartTls = false };
        var outbox = new OutboxOptions { InitialBackoff = TimeSpan.FromSeconds(10) };

        (await Sender(down, outbox).SendDueAsync(CancellationToken.None)).ShouldBe(0);
        var row = (await OutboxAsync()).Single();
        (row.Attempts, row.SentAt, row.NextAttemptAt).ShouldBe((1, (DateTime?)null, _db.Clock.UtcNow.AddSeconds(10)));
        row.LastError.ShouldNotBeNullOrEmpty();

        (await Sender(down, outbox).SendDueAsync(CancellationToken.None)).ShouldBe(0, "not due before the backoff");
        _db.Clock.Advance(TimeSpan.FromSeconds(10));
        await Sender(down, outbox).SendDueAsync(CancellationToken.None);
        row = (await OutboxAsync()).Single();
        (row.Attempts, row.NextAttemptAt).ShouldBe((2, _db.Clock.UtcNow.AddSeconds(20)), "the delay doubles");

        _smtp = await SmtpServer.StartAsync();
        _db.Clock.Advance(TimeSpan.FromSeconds(20));
        var up = new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, UseStartTls = false };
        (await Sender(up, outbox).SendDueAsync(CancellationToken.None)).ShouldBe(1);
        row = (await OutboxAsync()).Single();
        (row.Attempts, row.SentAt, row.LastError).ShouldBe((3, (DateTime?)_db.Clock.UtcNow, (string?)null));
        (await _smtp.WaitForAsync(1, TimeSpan.FromSeconds(60))).Count.ShouldBe(1);
    }

    [Fact]
    public void Backoff_doubles_from_the_initial_delay_and_is_capped()
    {
        var sender = Sender(new SmtpOptions(), new OutboxOptions { InitialBackoff = TimeSpan.FromSeconds(10), MaxBackoff = TimeSpan.FromMinutes(5) });
        Enumerable.Range(1, 7).Select(a => sender.Backoff(a).TotalSeconds).ShouldBe([10, 20, 40, 80, 160, 300, 300]);
    }

    [Fact]
    public async Task A_claimed_row_is_not_taken_by_a_second_sender_until_its_lease_runs_out()
    {
        _smtp = await SmtpServer.StartAsync();
        var (store, _, order) = await _db.AddStoreAsync();
        await Service().OpenAsync(store.Id, order.Id, "Hi", "Hello");
        // A sender claimed it and died (the lease is what a claim writes): simulate the claim.
        await using (var db = _db.NewContext())
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, _db.Clock.UtcNow.AddMinutes(2)).SetProperty(o => o.Attempts, 1));
        var smtp = new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, UseStartTls = false };

        (await Sender(smtp).SendDueAsync(CancellationToken.None)).ShouldBe(0, "leased to the other sender");
        _db.Clock.Advance(TimeSpan.FromMinutes(2));
        (await Sender(smtp).SendDueAsync(CancellationToken.None)).ShouldBe(1, "the lease ran out: taken over");
        (await _smtp.WaitForAsync(1, TimeSpan.FromSeconds(60))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Without_smtp_the_sender_writes_real_mime_eml_files_under_the_data_directory()
    {
        var (store, customer, order) = await _db.AddStoreAsync("Northwind Keys");
        var c = (await Service().OpenAsync(store.Id, order.Id, "Key missing", "Where?")).Case!;
        await Service().ReplyAsync(store.Id, c.Id, Theo, "Here & there");

        (await Sender(new SmtpOptions()).SendDueAsync(CancellationToken.None)).ShouldBe(2);

        var files = Directory.GetFiles(Path.Combine(_db.Directory, "outbox-eml"), "*.eml").Order().ToList();
        files.Count.ShouldBe(2);
        var reply = MimeMessage.Load(files.Single(f => f.EndsWith("-case-reply.eml")));
        reply.To.Mailboxes.Single().Address.ShouldBe(customer.Email);
        reply.From.Mailboxes.Single().Name.ShouldBe("Northwind Keys");
        reply.TextBody!.ShouldContain("Here & there");
        reply.HtmlBody!.ShouldContain("Here &amp; there");
        reply.InReplyTo.ShouldBe($"case.{c.Id}@{Portal.MessageIdDomain}");
    }

    [Fact]
    public async Task Automation_templates_encode_user_text_and_thread_on_the_case()
    {
        var emails = TestDatabase.NewCaseEmails(Portal);
        var (store, customer, order) = await _db.AddStoreAsync("Keys & Co");
        await using (var db = _db.NewContext())
            await db.Customers.Where(x => x.Id == customer.Id).ExecuteUpdateAsync(x => x.SetProperty(u => u.FirstName, "<Bea>"));
        var c = (await Service().OpenAsync(store.Id, order.Id, "a<b", "Where is my key?")).Case!;
        (await Service().ReplyAsync(store.Id, c.Id, Theo, "Here it is")).Outcome.ShouldBe(CaseOutcome.Ok);
        var reply = (await OutboxAsync()).Single(o => o.Kind == EmailKinds.CaseReply);
        var now = _db.Clock.UtcNow;

        // The auto-close job adds the warning and, later, the closing email; both in one context here,
        // so the second must also thread after the first before either is saved.
        await using (var db = _db.NewContext())
        {
            var s = await db.Stores.SingleAsync(x => x.Id == store.Id);
            var sc = await db.Cases.SingleAsync(x => x.Id == c.Id);
            var cu = await db.Customers.SingleAsync(x => x.Id == customer.Id);
            await emails.AddAsync(db, emails.AutoCloseWarning(s, sc, cu, now.AddDays(2), now));
            await emails.AddAsync(db, emails.AutoClosed(s, sc, cu, 14, now.AddDays(2)));
            await db.SaveChangesAsync();
        }
        var other = (await Service().OpenAsync(store.Id, order.Id, "Second", "Another question")).Case!;
        await using (var db = _db.NewContext())
        {
            await emails.AddAsync(db, emails.AutoReply(await db.Stores.SingleAsync(x => x.Id == store.Id), other,
                await db.Customers.SingleAsync(x => x.Id == customer.Id), "We answer <within> a day", now));
            await db.SaveChangesAsync();
        }

        var outbox = await OutboxAsync();
        var warning = outbox.Single(o => o.Kind == EmailKinds.AutoCloseWarning);
        var closed = outbox.Single(o => o.Kind == EmailKinds.AutoClosed);
        var auto = outbox.Single(o => o.Kind == EmailKinds.AutoReply);
        var root = $"<case.{c.Id}@{Portal.MessageIdDomain}>";
        reply.InReplyTo.ShouldBe(root);
        warning.InReplyTo.ShouldBe(reply.MessageIdHeader, "the warning answers the last email the customer got on this case");
        warning.References.ShouldBe($"{root} {reply.MessageIdHeader}");
        closed.InReplyTo.ShouldBe(warning.MessageIdHeader, "added in the same transaction, still after the warning");
        closed.References.ShouldBe($"{root} {reply.MessageIdHeader} {warning.MessageIdHeader}");
        var otherRoot = $"<case.{other.Id}@{Portal.MessageIdDomain}>";
        auto.InReplyTo.ShouldBe(otherRoot, "the first email to the customer on a case answers the case itself");
        auto.References.ShouldBe(otherRoot);
        new[] { reply, warning, closed, auto }.Select(e => e.MessageIdHeader).Distinct().Count().ShouldBe(4);
        new[] { warning, closed, auto }.ShouldAllBe(e => e.ToAddress == customer.Email && e.FromName == "Keys & Co");

        warning.TextBody.ShouldContain("22 November 2026");
        warning.HtmlBody.ShouldContain("&lt;Bea&gt;");
        warning.HtmlBody.ShouldContain("a&lt;b");
        warning.Subject.ShouldBe($"Re: a<b [{c.Id}]");
        closed.TextBody.ShouldContain("after 14 days");
        auto.HtmlBody.ShouldContain("We answer &lt;within&gt; a day");
    }

    [Fact]
    public async Task After_its_last_attempt_an_email_is_parked_and_never_sent_again()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        await Service().OpenAsync(store.Id, order.Id, "Hi", "Hello");
        var down = new SmtpOptions { Host = "127.0.0.1", Port = FreePort.Next(), UseStartTls = false };
        var outbox = new OutboxOptions { InitialBackoff = TimeSpan.FromSeconds(10), MaxAttempts = 3 };

        (await Sender(down, outbox).SendDueAsync(CancellationToken.None)).ShouldBe(0);
        _db.Clock.Advance(TimeSpan.FromSeconds(10));
        (await Sender(down, outbox).SendDueAsync(CancellationToken.None)).ShouldBe(0);
        var row = (await OutboxAsync()).Single();
        (row.Attempts, row.NextAttemptAt).ShouldBe((2, _db.Clock.UtcNow.AddSeconds(20)), "still retrying before the last attempt");
        row.LastError!.ShouldNotStartWith("Gave up");

        _db.Clock.Advance(TimeSpan.FromSeconds(20));
        (await Sender(down, outbox).SendDueAsync(CancellationToken.None)).ShouldBe(0);
        row = (await OutboxAsync()).Single();
        (row.Attempts, row.SentAt, row.NextAttemptAt).ShouldBe((3, (DateTime?)null, DateTime.MaxValue), "parked after attempt 3 of 3");
        row.LastError!.ShouldStartWith("Gave up: ");

        // Even with the server back and a month gone by, a parked email is not sent again.
        _smtp = await SmtpServer.StartAsync();
        _db.Clock.Advance(TimeSpan.FromDays(30));
        var up = new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, UseStartTls = false };
        (await Sender(up, outbox).SendDueAsync(CancellationToken.None)).ShouldBe(0);
        _smtp.Messages().ShouldBeEmpty("SendDueAsync returned: any delivery it made is in the maildir by now");
        (await OutboxAsync()).Single().Attempts.ShouldBe(3);
    }
}
