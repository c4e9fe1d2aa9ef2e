namespace Dashboard.Domain;

/// <summary>
/// A saved reply's name and text (Settings → Saved replies): one validation for the page and the
/// service. The text takes the auto-reply's placeholders (<see cref="AutoReplyTemplate"/>).
/// </summary>
public static class SavedReplyRules
{
    public const int NameMax = 80;
    public const int TextMax = AutoReplyTemplate.TextMax;
    public const int PerStoreMax = 200;

    public static string? ValidateName(string? name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0) return "Give the saved reply a name";
        if (trimmed.Length > NameMax) return $"The name is too long: {trimmed.Length:N0} characters, the limit is {NameMax:N0}";
        return trimmed.Any(char.IsControl) ? "The name cannot contain control characters" : null;
    }

    public static string? ValidateText(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) return "Write the reply's text";
        if (trimmed.Length > TextMax) return $"The text is too long: {trimmed.Length:N0} characters, the limit is {TextMax:N0}";
        return AutoReplyTemplate.CheckPlaceholders(trimmed);
    }
}
