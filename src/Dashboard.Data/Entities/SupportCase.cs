using System.Security.Cryptography;
using Dashboard.Domain;

namespace Dashboard.Data.Entities;

/// <summary>A support case opened by a customer against one of their orders.</summary>
public sealed class SupportCase
{
    public string Id { get; set; } = Ids.New(Ids.Case);
    public string StoreId { get; set; } = "";
    public string CustomerId { get; set; } = "";
    public string OrderId { get; set; } = "";
    public string Subject { get; set; } = "";
    public CaseStatus Status { get; set; }
    public CasePriority Priority { get; set; }
    public int UnreadCount { get; set; }
    public bool Escalated { get; set; }
    public DateTime LastMessageAt { get; set; }
    public AuthorKind LastMessageBy { get; set; }
    public DateTime? ClosedAt { get; set; }
    public AuthorKind? ClosedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The auto-close clock: the last message from anyone or status change (<see cref="CaseState.LastActivityAt"/>).</summary>
    public DateTime LastActivityAt { get; set; }

    /// <summary>When the auto-close warning email went out for the current idle stretch; activity clears it.</summary>
    public DateTime? AutoCloseWarnedAt { get; set; }

    /// <summary>
    /// The store member working on the case, or nobody; not part of the rules' state (assignment is no
    /// status change). No foreign key: on SQLite adding one rebuilds the Cases table, which would drop
    /// its search triggers and renumber the rowids the search index packs; removing a member unassigns
    /// their cases in the same transaction instead (TeamService).
    /// </summary>
    public string? AssigneeUserId { get; set; }

    /// <summary>
    /// Application-managed optimistic concurrency token (SQLite has no rowversion): every write
    /// bumps it, and a write based on an older value is refused as a conflict.
    /// </summary>
    public long Version { get; set; }

    /// <summary>
    /// The secret part of the case's reply address (<c>reply+{token}@{InboundMail:ReplyDomain}</c>):
    /// random, so the address cannot be derived from the case id. Lower-case hex, because some mail
    /// systems lower-case the local part of an address.
    /// </summary>
    public string ReplyToken { get; set; } = NewReplyToken();

    public Customer Customer { get; set; } = null!;
    public Order Order { get; set; } = null!;
    public List<CaseMessage> Messages { get; set; } = [];

    public static string NewReplyToken() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    public CaseState ToState() =>
        new(Status, Priority, UnreadCount, Escalated, LastMessageAt, LastMessageBy, ClosedAt, ClosedBy, UpdatedAt, LastActivityAt, AutoCloseWarnedAt);

    public void Apply(CaseState state)
    {
        Status = state.Status;
        Priority = state.Priority;
        UnreadCount = state.UnreadCount;
        Escalated = state.Escalated;
        LastMessageAt = state.LastMessageAt;
        LastMessageBy = state.LastMessageBy;
        ClosedAt = state.ClosedAt;
        ClosedBy = state.ClosedBy;
        UpdatedAt = state.UpdatedAt;
        LastActivityAt = state.LastActivityAt;
        AutoCloseWarnedAt = state.AutoCloseWarnedAt;
    }
}
