namespace Dashboard.Web.Features.InboundMail;

/// <summary>What the mailbox watcher is doing.</summary>
public enum MailboxState
{
    /// <summary>No IMAP mailbox is configured.</summary>
    Off,
    Connecting,

    /// <summary>Reading the folder's unseen messages.</summary>
    Checking,

    /// <summary>In IMAP IDLE: the server tells us the moment a message arrives.</summary>
    Idle,

    /// <summary>The server has no IDLE: waiting for the next poll.</summary>
    Waiting,

    /// <summary>The last attempt failed; retrying after a backoff.</summary>
    Failed,
    Stopped,
}
