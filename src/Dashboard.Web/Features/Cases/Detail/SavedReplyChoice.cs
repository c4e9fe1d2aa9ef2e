namespace Dashboard.Web.Features.Cases.Detail;

/// <summary>A saved reply offered in the reply box: its name, and its text already filled for this case.</summary>
public sealed record SavedReplyChoice(string Name, string Text);
