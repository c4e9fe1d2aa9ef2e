using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.InboundMail;

/// <summary>
/// Watches the IMAP mailbox customers' replies arrive in (<see cref="ImapMailboxOptions"/>): reads every
/// unseen message through <see cref="InboundMailProcessor"/>, then marks it \Seen (and moves it to
/// <see cref="ImapMailboxOptions.ProcessedFolder"/> when set) so it is never read twice; a message is
/// marked only after it was recorded, so a crash in between means it is read again, and the
/// Message-ID check makes that harmless. Between rounds it waits in IMAP IDLE when the server has
/// it (a new message wakes it at once) or polls. A lost connection or a refused login is retried
/// with a doubling backoff.
/// </summary>
public sealed class ImapMailboxWatcher(
    IOptions<ImapMailboxOptions> options, IOptions<InboundMailOptions> inbound, InboundMailProcessor processor,
    MailboxWatchStatus status, TimeProvider clock, ILogger<ImapMailboxWatcher> logger) : BackgroundService
{
    private ImapMailboxOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Configured) return;
        await Task.Yield();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = new ImapClient { Timeout = 60_000 };
                status.Set(MailboxState.Connecting, $"{Options.Host}:{Options.Port}");
                await client.ConnectAsync(Options.Host!, Options.Port, Options.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, stoppingToken);
                await client.AuthenticateAsync(Options.User ?? "", Options.Password ?? "", stoppingToken);
                await WatchAsync(client, () => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failures++;
                var wait = Backoff(failures);
                status.Set(MailboxState.Failed, $"{e.GetType().Name}: {e.Message} (retrying in {wait.TotalSeconds:0} s)");
                logger.LogWarning(e, "The reply mailbox {Host} failed (attempt {Attempt}); retrying in {Wait}", Options.Host, failures, wait);
                try { await Task.Delay(wait, clock, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        status.Set(MailboxState.Stopped);
    }

    /// <summary>InitialBackoff × 2^(failures−1), capped at MaxBackoff.</summary>
    public TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(Options.InitialBackoff.Ticks * factor, Options.MaxBackoff.Ticks));
    }

    private async Task WatchAsync(ImapClient client, Action connected, CancellationToken ct)
    {
        var folder = await client.GetFolderAsync(Options.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        var processed = await ProcessedFolderAsync(client, ct);
        connected();
        while (!ct.IsCancellationRequested)
        {
            var countBefore = folder.Count;
            status.Set(MailboxState.Checking);
            await ReadUnseenAsync(folder, processed, ct);
            if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
                await IdleAsync(client, folder, countBefore, ct);
            else
            {
                status.Set(MailboxState.Waiting, $"next check in {Options.PollInterval.TotalSeconds:0} s");
                await Task.Delay(Options.PollInterval, clock, ct);
            }
        }
    }

    private async Task ReadUnseenAsync(IMailFolder folder, IMailFolder? processed, CancellationToken ct)
    {
        var unseen = await folder.SearchAsync(SearchQuery.NotSeen, ct);
        if (unseen.Count == 0) return;
        var summaries = await folder.FetchAsync(unseen, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Envelope, ct);
        foreach (var summary in summaries.OrderBy(s => s.UniqueId.Id))
        {
            ct.ThrowIfCancellationRequested();
            var result = summary.Size > inbound.Value.MaxMessageBytes
                ? await processor.RecordTooLargeAsync(summary.Envelope?.MessageId ?? $"imap.{folder.UidValidity}.{summary.UniqueId.Id}@{Options.Host}",
                    summary.Envelope?.From.Mailboxes.FirstOrDefault(), summary.Envelope?.Subject, (long)summary.Size!, InboundChannel.Imap, ct)
                : await ReadOneAsync(folder, summary.UniqueId, ct);
            // Recorded first, marked second: never marked without a record.
            await folder.AddFlagsAsync(summary.UniqueId, MessageFlags.Seen, silent: true, ct);
            if (processed is not null && summary.Size <= inbound.Value.MaxMessageBytes) await folder.MoveToAsync(summary.UniqueId, processed, ct);
            logger.LogInformation("Mailbox message {Uid}: {Outcome} ({Reason})", summary.UniqueId, result.Outcome, result.Reason);
            status.MessageRead();
        }
    }

    private async Task<InboundMailResult> ReadOneAsync(IMailFolder folder, UniqueId uid, CancellationToken ct)
    {
        await using var stream = await folder.GetStreamAsync(uid, ct);
        if (stream.CanSeek) return await processor.ProcessAsync(stream, InboundChannel.Imap, ct);
        await using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return await processor.ProcessAsync(copy, InboundChannel.Imap, ct);
    }

    /// <summary>
    /// Waits in IDLE until the folder's message count changes (a new message), the IDLE is due for
    /// renewal, or the host stops. A message that arrived while we were reading is not waited for.
    /// </summary>
    private async Task IdleAsync(ImapClient client, IMailFolder folder, int countBefore, CancellationToken ct)
    {
        using var done = new CancellationTokenSource(Options.IdleRenewal, clock);
        void OnCountChanged(object? sender, EventArgs e) => done.Cancel();
        folder.CountChanged += OnCountChanged;
        try
        {
            if (folder.Count != countBefore) return;
            status.Set(MailboxState.Idle);
            await client.IdleAsync(done.Token, ct);
        }
        finally
        {
            folder.CountChanged -= OnCountChanged;
        }
    }

    private async Task<IMailFolder?> ProcessedFolderAsync(ImapClient client, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Options.ProcessedFolder)) return null;
        try
        {
            return await client.GetFolderAsync(Options.ProcessedFolder, ct);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(Options.ProcessedFolder, isMessageFolder: true, ct);
        }
    }
}
