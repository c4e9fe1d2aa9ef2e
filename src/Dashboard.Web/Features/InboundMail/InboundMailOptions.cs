namespace Dashboard.Web.Features.InboundMail;

/// <summary>The <c>InboundMail</c> section: customers answering case emails by email.</summary>
public sealed class InboundMailOptions
{
    public const string Section = "InboundMail";

    /// <summary>
    /// The domain of per-case reply addresses (<c>reply+{token}@{ReplyDomain}</c>), set as Reply-To on
    /// every email to a customer. Empty: no reply address; replies are matched by their threading
    /// headers alone (In-Reply-To / References naming an email we sent).
    /// </summary>
    public string? ReplyDomain { get; set; }

    /// <summary>The part before the <c>+</c> of reply addresses.</summary>
    public string ReplyLocalPart { get; set; } = "reply";

    /// <summary>
    /// Shared secret of <c>POST /inbound/email</c> (at least 32 characters). Empty: the endpoint answers 404.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How far a webhook's timestamp may be from now (replays older than this are refused).</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Largest email accepted, in bytes (default 40 MB: five 10 MB attachments are ~68 MB once
    /// base64-encoded, more than most providers deliver; larger mail is refused with 413 or, from the
    /// mailbox, held for review without its content).
    /// </summary>
    public long MaxMessageBytes { get; set; } = 40L * 1024 * 1024;

    public bool ReplyAddressesEnabled => !string.IsNullOrWhiteSpace(ReplyDomain);
    public bool WebhookEnabled => !string.IsNullOrEmpty(WebhookSecret);
}
