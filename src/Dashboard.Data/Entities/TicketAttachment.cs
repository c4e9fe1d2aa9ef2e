using Dashboard.Domain;

namespace Dashboard.Data.Entities;

/// <summary>
/// A file on a ticket message. The same columns and checks as a case <see cref="Attachment"/> (bytes
/// inspected by content, server-made storage key, signed links); a table of its own because a ticket
/// message is not a case message.
/// </summary>
public sealed class TicketAttachment
{
    public string Id { get; set; } = Ids.New(Ids.Attachment);
    public Guid MessageId { get; set; }
    public Guid TicketId { get; set; }
    public string StoreId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string StorageKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>The shape the attachment components and signed links take (not tracked, never saved).</summary>
    public Attachment AsAttachment() => new()
    {
        Id = Id, MessageId = MessageId.ToString(), CaseId = TicketId.ToString(), StoreId = StoreId, FileName = FileName,
        ContentType = ContentType, Size = Size, Sha256 = Sha256, StorageKey = StorageKey, CreatedAt = CreatedAt,
    };
}
