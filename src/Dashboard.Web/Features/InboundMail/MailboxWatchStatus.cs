namespace Dashboard.Web.Features.InboundMail;

/// <summary>
/// The mailbox watcher's state, for people (the held-mail page shows it to platform support) and
/// for whoever needs to know when it is idling or has read a message (<see cref="Changed"/>).
/// </summary>
public sealed class MailboxWatchStatus(TimeProvider clock)
{
    private readonly Lock _gate = new();

    public MailboxState State { get; private set; } = MailboxState.Off;

    /// <summary>The error of a failed attempt, or what the state is about.</summary>
    public string? Detail { get; private set; }
    public DateTime? Since { get; private set; }
    public long MessagesRead { get; private set; }

    /// <summary>Raised after every change, on the watcher's thread: keep handlers short.</summary>
    public event Action<MailboxWatchStatus>? Changed;

    public void Set(MailboxState state, string? detail = null)
    {
        lock (_gate)
        {
            State = state;
            Detail = detail;
            Since = clock.GetUtcNow().UtcDateTime;
        }
        Changed?.Invoke(this);
    }

    public void MessageRead()
    {
        lock (_gate) MessagesRead++;
        Changed?.Invoke(this);
    }
}
