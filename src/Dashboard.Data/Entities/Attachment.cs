using Dashboard.Domain;

namespace Dashboard.Data.Entities;

/// <summary>A file on a message, stored under a server-generated key.</summary>
public sealed class Attachment
{
    public string Id { get; set; } = Ids.New(Ids.Attachment);
    public string MessageId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string StoreId { get; set; } = "";

    /// <summary>The sanitised name shown and offered on download; never used on disk.</summary>
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string StorageKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
