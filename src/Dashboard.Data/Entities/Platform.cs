namespace Dashboard.Data.Entities;

/// <summary>
/// [Flags] scopes of a store API token. Wire names CASES_READ, CASES_WRITE, ORDERS_READ (Store API v2),
/// TICKETS_READ, TICKETS_WRITE (the store's own platform support tickets, /api/v1/support-cases).
/// </summary>
[Flags]
public enum ApiScopes
{
    None = 0,
    CasesRead = 1,
    CasesWrite = 2,
    OrdersRead = 4,
    TicketsRead = 8,
    TicketsWrite = 16,
}

/// <summary>A Store API token. The sk_ secret is shown once; only its SHA-256 is stored.</summary>
public sealed class ApiToken
{
    public string Id { get; set; } = Dashboard.Domain.Ids.New(Dashboard.Domain.Ids.Token);
    public string StoreId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The first characters of the secret, to recognise it in the list (e.g. "sk_demo_nort").</summary>
    public string Prefix { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public ApiScopes Scopes { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>The first response to a POST with an Idempotency-Key, replayed for a retry.</summary>
public sealed class IdempotencyRecord
{
    public string TokenId { get; set; } = "";
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int StatusCode { get; set; }
    public string ResponseBody { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

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
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
