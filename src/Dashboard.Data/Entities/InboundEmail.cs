namespace Dashboard.Data.Entities;

/// <summary>
/// One email that arrived for a case, whatever became of it: posted, ignored (with the reason) or
/// held for review (with the reason and the raw message kept in storage under <see cref="RawKey"/>).
/// The unique <see cref="MessageId"/> makes a second delivery of the same email a no-op.
/// </summary>
public sealed class InboundEmail
{
    public long Id { get; set; }

    /// <summary>The email's Message-ID (angle brackets included), or <c>&lt;sha256:…&gt;</c> of its bytes when it has none.</summary>
    public string MessageId { get; set; } = "";
    public DateTime ReceivedAt { get; set; }

    /// <summary>How it arrived: <c>imap</c> or <c>webhook</c>.</summary>
    public string Channel { get; set; } = "";
    public string FromAddress { get; set; } = "";
    public string? FromName { get; set; }
    public string Subject { get; set; } = "";
    public InboundEmailStatus Status { get; set; }

    /// <summary>Why it was ignored or held, or how it was posted; shown to the people who review it.</summary>
    public string Reason { get; set; } = "";

    /// <summary>The case it was matched to (by reply address or threading headers), if any, and that case's store.</summary>
    public string? CaseId { get; set; }
    public string? StoreId { get; set; }

    /// <summary>The timeline message it became, once posted.</summary>
    public string? CaseMessageId { get; set; }

    /// <summary>The reply text after quoted history and signatures were removed (at most 4,000 characters).</summary>
    public string Text { get; set; } = "";
    public int AttachmentCount { get; set; }
    public long RawSize { get; set; }

    /// <summary>Where the raw .eml is kept while the email is held (attachment storage, <c>inbound/…</c>).</summary>
    public string? RawKey { get; set; }

    /// <summary>Who posted or discarded a held email, and when.</summary>
    public string? ResolvedBy { get; set; }
    public DateTime? ResolvedAt { get; set; }
}
