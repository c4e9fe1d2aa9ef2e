using Dashboard.Domain;

namespace Dashboard.Data.Entities;

/// <summary>
/// One entry of a case's timeline: a message, an auto-reply, a SYSTEM trail line or a note.
/// <see cref="Kind"/> decides who sees it (<see cref="TimelineVisibility"/>).
/// </summary>
public sealed class CaseMessage
{
    public string Id { get; set; } = Ids.New(Ids.Message);
    public string CaseId { get; set; } = "";
    public string StoreId { get; set; } = "";
    public CaseEntryKind Kind { get; set; }
    public AuthorKind AuthorKind { get; set; }

    /// <summary>As shown: the customer's name, the merchant's name, "Pandabase Support", "System", or the store's name on an auto-reply.</summary>
    public string AuthorName { get; set; } = "";
    public string? AuthorUserId { get; set; }
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>Orders entries written in the same instant (a reply and its trail line).</summary>
    public long Sequence { get; set; }

    public List<Attachment> Attachments { get; set; } = [];
}
