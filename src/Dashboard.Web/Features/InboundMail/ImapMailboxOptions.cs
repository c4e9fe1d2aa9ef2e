namespace Dashboard.Web.Features.InboundMail;

/// <summary>
/// The <c>InboundMail:Imap</c> section: a mailbox that receives customers' replies, watched by
/// <see cref="ImapMailboxWatcher"/>. Without <see cref="Host"/> nothing is watched.
/// </summary>
public sealed class ImapMailboxOptions
{
    public const string Section = "InboundMail:Imap";

    public string? Host { get; set; }
    public int Port { get; set; } = 993;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>TLS from the first byte (port 993). Off: plain IMAP, upgraded with STARTTLS when the server offers it.</summary>
    public bool UseSsl { get; set; } = true;

    /// <summary>The folder replies arrive in.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>
    /// Where processed messages are moved (created when missing). Empty: they stay in
    /// <see cref="Folder"/>, marked \Seen. Either way only unseen messages are read.
    /// </summary>
    public string? ProcessedFolder { get; set; }

    /// <summary>How often the folder is checked when the server has no IDLE.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>With IDLE: how long one IDLE lasts before it is renewed (servers drop it after 30 minutes).</summary>
    public TimeSpan IdleRenewal { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>After a failure (server down, wrong password): first wait, doubling up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}
