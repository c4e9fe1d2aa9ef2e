using Dashboard.Domain;
using Dashboard.Domain.Tickets;

namespace Dashboard.Data.Entities;

/// <summary>One entry of a ticket's thread: a message (merchant or support) or a staff-only note.</summary>
public sealed class TicketMessage
{
    public Guid Id { get; set; }
    public Guid TicketId { get; set; }
    public string StoreId { get; set; } = "";
    public TicketEntryKind Kind { get; set; }

    /// <summary><see cref="AuthorKind.Merchant"/> or <see cref="AuthorKind.Support"/>.</summary>
    public AuthorKind AuthorKind { get; set; }

    /// <summary>As shown: the member's name, the API caller's label (default "API"), or "Pandabase Support".</summary>
    public string AuthorLabel { get; set; } = "";

    /// <summary>The dashboard user who wrote it (support staff are named only to each other); null for the API.</summary>
    public string? AuthorUserId { get; set; }
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>Orders entries written in the same instant.</summary>
    public long Sequence { get; set; }

    public List<TicketAttachment> Attachments { get; set; } = [];
}
