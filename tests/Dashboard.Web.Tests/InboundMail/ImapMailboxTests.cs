using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.InboundMail;
using Dashboard.Web.Tests.Infrastructure;
using Dashboard.Web.Tests.Live;
using MailKit;
using MailKit.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.InboundMail;

/// <summary>
/// The mailbox watcher against a real IMAP server (dovecot, started per test on a free port): replies
/// put in the mailbox with IMAP APPEND are posted, marked and moved so they are never read twice,
/// picked up at once through IDLE, and the watcher finds its way back after the server goes away.
/// </summary>
public class ImapMailboxTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private TestDatabase _db = null!;
    private DovecotServer _imap = null!;
    private readonly List<ImapMailboxWatcher> _watchers = [];

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _imap = await DovecotServer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var watcher in _watchers)
        {
            await watcher.StopAsync(CancellationToken.None);
            watcher.Dispose();
        }
        await _imap.DisposeAsync();
        await _db.DisposeAsync();
    }

    private ImapMailboxOptions Mailbox(string user, string? processedFolder = "Processed", TimeSpan? pollInterval = null) => new()
    {
        Host = "127.0.0.1", Port = _imap.Port, User = user, Password = DovecotServer.Password, UseSsl = false,
        ProcessedFolder = processedFolder,
        PollInterval = pollInterval ?? TimeSpan.FromHours(1), IdleRenewal = TimeSpan.FromHours(1),
        InitialBackoff = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromSeconds(1),
    };

    /// <summary>Starts a watcher as the host would (a hosted service on the real clock).</summary>
    private async Task<MailboxWatchStatus> WatchAsync(ImapMailboxOptions mailbox)
    {
        var status = new MailboxWatchStatus(TimeProvider.System);
        var watcher = new ImapMailboxWatcher(Options.Create(mailbox), Options.Create(InboundTestKit.Options()), InboundTestKit.Processor(_db),
            status, TimeProvider.System, NullLogger<ImapMailboxWatcher>.Instance);
        _watchers.Add(watcher);
        await watcher.StartAsync(CancellationToken.None);
        return status;
    }

    [Fact]
    public async Task A_reply_in_the_mailbox_is_posted_then_marked_seen_and_moved_so_it_is_never_read_twice()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var user = _imap.AddUser();
        await _imap.AppendAsync(user, MailFixture.Gmail.Bytes());
        using var feed = new FeedRecorder(_db.Feed, c.StoreId);

        var status = await WatchAsync(Mailbox(user));

        (await feed.WaitForAsync(change => change.CaseId == c.Id && change.By == AuthorKind.Customer, Deadline)).ShouldNotBeNull(_imap.Log());
        (await _db.TimelineAsync(c.Id)).Last(m => m.Kind == CaseEntryKind.Message).Body.ShouldBe(MailFixture.Gmail.ExpectedText);
        await status.WaitForAsync(s => s.State == MailboxState.Idle && s.MessagesRead == 1, Deadline);

        using (var client = await _imap.ConnectAsync(user))
        {
            var inbox = client.Inbox;
            await inbox.OpenAsync(FolderAccess.ReadOnly);
            inbox.Count.ShouldBe(0, "moved out of the inbox");
            var processed = await client.GetFolderAsync("Processed");
            await processed.OpenAsync(FolderAccess.ReadOnly);
            (await processed.SearchAsync(SearchQuery.Seen)).Count.ShouldBe(1);
        }

        // A second watcher (a restart) reads the folder again: nothing is unseen, nothing is posted twice.
        var again = await WatchAsync(Mailbox(user));
        await again.WaitForAsync(s => s.State == MailboxState.Idle, Deadline);
        again.MessagesRead.ShouldBe(0);
        (await _db.TimelineAsync(c.Id)).Count(m => m.Body == MailFixture.Gmail.ExpectedText).ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_processed_folder_a_read_message_stays_in_the_inbox_marked_seen()
    {
        var c = await MailFixture.Outlook.CaseAsync(_db);
        var user = _imap.AddUser();
        await _imap.AppendAsync(user, MailFixture.Outlook.Bytes());

        var status = await WatchAsync(Mailbox(user, processedFolder: null));
        await status.WaitForAsync(s => s.MessagesRead == 1 && s.State == MailboxState.Idle, Deadline);

        (await _db.TimelineAsync(c.Id)).ShouldContain(m => m.Body == MailFixture.Outlook.ExpectedText);
        using var client = await _imap.ConnectAsync(user);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        (client.Inbox.Count, (await client.Inbox.SearchAsync(SearchQuery.NotSeen)).Count).ShouldBe((1, 0));
    }

    [Fact]
    public async Task Idle_picks_up_a_new_message_without_waiting_for_the_poll_interval()
    {
        var c = await MailFixture.AppleMail.CaseAsync(_db, "Contoso Games");
        var user = _imap.AddUser();
        using var feed = new FeedRecorder(_db.Feed, c.StoreId);
        // The next poll is an hour away: only IDLE can bring the message in within the deadline.
        var status = await WatchAsync(Mailbox(user, pollInterval: TimeSpan.FromHours(1)));
        await status.WaitForAsync(s => s.State == MailboxState.Idle, Deadline);

        await _imap.AppendAsync(user, MailFixture.AppleMail.Bytes());

        (await feed.WaitForAsync(change => change.CaseId == c.Id && change.By == AuthorKind.Customer, Deadline)).ShouldNotBeNull(_imap.Log());
        var reply = (await _db.TimelineAsync(c.Id)).Last(m => m.Kind == CaseEntryKind.Message);
        reply.Body.ShouldBe(MailFixture.AppleMail.ExpectedText);
        reply.Attachments.Select(a => a.FileName).ShouldBe([MailFixture.AppleMail.AttachmentName]);
    }

    [Fact]
    public async Task After_the_server_goes_away_the_watcher_reconnects_and_reads_what_arrived()
    {
        var c = await MailFixture.Gmail.CaseAsync(_db);
        var user = _imap.AddUser();
        using var feed = new FeedRecorder(_db.Feed, c.StoreId);
        var status = await WatchAsync(Mailbox(user));
        await status.WaitForAsync(s => s.State == MailboxState.Idle, Deadline);

        _imap.Stop();
        await status.WaitForAsync(s => s.State == MailboxState.Failed, Deadline);
        await _imap.StartProcessAsync();
        await _imap.AppendAsync(user, MailFixture.Gmail.Bytes());

        (await feed.WaitForAsync(change => change.CaseId == c.Id && change.By == AuthorKind.Customer, Deadline)).ShouldNotBeNull(_imap.Log());
        (await _db.TimelineAsync(c.Id)).Count(m => m.Body == MailFixture.Gmail.ExpectedText).ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_password_is_reported_and_retried_not_fatal()
    {
        var user = _imap.AddUser();
        var mailbox = Mailbox(user);
        mailbox.Password = "not-the-password";

        var status = await WatchAsync(mailbox);

        await status.WaitForAsync(s => s.State == MailboxState.Failed && s.Detail!.Contains("Authentication"), Deadline);
    }
}
