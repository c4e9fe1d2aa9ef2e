namespace Dashboard.Data.Entities;

/// <summary>An email written in the same transaction as the change that caused it; a sender delivers it.</summary>
public sealed class OutboxEmail
{
    public long Id { get; set; }
    public string? StoreId { get; set; }
    public string? CaseId { get; set; }

    /// <summary>What the email is: case-reply, case-opened, auto-close-warning, …</summary>
    public string Kind { get; set; } = "";
    public string ToAddress { get; set; } = "";
    public string? ToName { get; set; }
    public string FromName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public string MessageIdHeader { get; set; } = "";
    public string? InReplyTo { get; set; }
    public string? References { get; set; }

    /// <summary>The case's reply address on emails to its customer (when a reply domain is configured).</summary>
    public string? ReplyTo { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>
    /// The sender process holding the lease until <see cref="NextAttemptAt"/> (host, process id and start
    /// time); null when no one holds it. A restarted instance releases the leases of dead owners at once.
    /// </summary>
    public string? LeaseOwner { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
