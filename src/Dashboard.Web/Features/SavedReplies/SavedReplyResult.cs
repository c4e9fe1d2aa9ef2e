namespace Dashboard.Web.Features.SavedReplies;

/// <summary>What saving or deleting a saved reply did: the row, or the error a person reads (and which field it concerns).</summary>
public sealed record SavedReplyResult(SavedReplyRow? Reply, string? Error, string? Field = null)
{
    public const string NameField = "name";
    public const string TextField = "text";

    public bool Succeeded => Error is null;
    public static SavedReplyResult Failed(string error, string? field = null) => new(null, error, field);
}
