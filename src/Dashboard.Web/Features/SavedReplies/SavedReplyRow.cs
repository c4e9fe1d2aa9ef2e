namespace Dashboard.Web.Features.SavedReplies;

/// <summary>A saved reply as the settings page and the reply box list it (text with its placeholders unfilled).</summary>
public sealed record SavedReplyRow(string Id, string Name, string Body, DateTime UpdatedAt);
