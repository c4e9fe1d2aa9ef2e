namespace Dashboard.Domain.Tickets;

/// <summary>
/// The ticket contract's limits, enforced on the server and shown in the UI. Each check returns the
/// error (naming the wire field, so API clients and people read the same sentence) or null.
/// Lengths count characters after trimming, like case messages.
/// </summary>
public static class TicketLimits
{
    public const int BodyMin = 10;
    public const int BodyMax = 10_000;
    public const int ReplyMin = 1;
    public const int SubjectMin = 3;
    public const int SubjectMax = 200;
    public const int AuthorMin = 1;
    public const int AuthorMax = 120;
    public const int PageSizeDefault = 10;
    public const int PageSizeMax = 100;

    /// <summary>The label of messages written through the API when the caller gives none.</summary>
    public const string DefaultApiAuthor = "API";

    /// <summary>The body of a new ticket: 10–10,000 characters.</summary>
    public static string? ValidateOpeningBody(string? body, out string trimmed) => ValidateText("body", body, BodyMin, BodyMax, out trimmed);

    /// <summary>A reply, an answer or a staff note: 1–10,000 characters.</summary>
    public static string? ValidateReplyBody(string? body, out string trimmed) => ValidateText("body", body, ReplyMin, BodyMax, out trimmed);

    /// <summary>An optional subject: absent (null) is fine, anything given must be 3–200 characters.</summary>
    public static string? ValidateSubject(string? subject, out string? trimmed)
    {
        trimmed = null;
        if (subject is null) return null;
        var error = ValidateText("subject", subject, SubjectMin, SubjectMax, out var text);
        trimmed = text;
        return error;
    }

    /// <summary>An optional author label: absent (null) is fine, anything given must be 1–120 characters.</summary>
    public static string? ValidateAuthor(string? author, out string? trimmed)
    {
        trimmed = null;
        if (author is null) return null;
        var error = ValidateText("author", author, AuthorMin, AuthorMax, out var text);
        trimmed = text;
        return error;
    }

    private static string? ValidateText(string field, string? value, int min, int max, out string trimmed)
    {
        trimmed = (value ?? "").Trim();
        if (trimmed.Length == 0) return $"{field} is required ({min:N0}–{max:N0} characters)";
        if (trimmed.Length < min || trimmed.Length > max)
            return $"{field} must be {min:N0}–{max:N0} characters; it has {trimmed.Length:N0}";
        return null;
    }
}
