using Dashboard.Domain;

namespace Dashboard.Data.Entities;

/// <summary>
/// A store's ready-made answer (Settings → Saved replies): a name to find it by and a text with the
/// auto-reply's placeholders, filled from the case when a member inserts it in the reply box.
/// </summary>
public sealed class SavedReply
{
    public string Id { get; set; } = Ids.New(Ids.SavedReply);
    public string StoreId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
