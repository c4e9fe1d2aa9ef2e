namespace Dashboard.Domain;

/// <summary>Limits of the spec, enforced on the server and shown in the UI.</summary>
public static class Limits
{
    /// <summary>Characters a person sees (<see cref="MessageText.VisibleLength"/>), not UTF-16 units: an emoji is one.</summary>
    public const int MessageBodyMax = 4000;

    /// <summary>
    /// What the database column holds, in UTF-16 units: four per visible character on average. Only text
    /// made mostly of long emoji sequences or stacked accents reaches it before <see cref="MessageBodyMax"/>.
    /// </summary>
    public const int MessageBodyStorageMax = MessageBodyMax * 4;

    public const int AttachmentsPerMessageMax = 5;
    public const long AttachmentDefaultMaxBytes = 10 * 1024 * 1024;
    public const int SubjectMax = 200;
    public const int PageSizeMax = 100;
    public const int PageSizeDefault = 20;

    public const string EmptyBodyMessage = "Message cannot be empty";

    /// <summary>A body measured and checked as the server will store it; <see cref="Error"/> is null when it may be sent.</summary>
    public sealed record BodyCheck(string Text, int VisibleLength, string? Error);

    /// <summary>
    /// The one check of a message body, for the services (the server's word) and the reply box's counter:
    /// line breaks normalised, bidi controls removed and white space trimmed (<see cref="BodyCheck.Text"/>
    /// is what gets stored); refused when it holds a control character other than newline and tab, when
    /// nothing in it would show, or when it is longer than 4,000 visible characters.
    /// </summary>
    public static BodyCheck CheckBody(string? body)
    {
        var text = MessageText.Normalize(body ?? "").Trim();
        var length = MessageText.VisibleLength(text);
        if (MessageText.FirstControlCharacter(text) is { } control)
            return new(text, length, $"Message contains a control character ({MessageText.CodePoint(control)}) that cannot be sent; remove it and try again");
        if (MessageText.IsInvisible(text)) return new(text, length, EmptyBodyMessage);
        if (length > MessageBodyMax) return new(text, length, $"Message is too long: {length:N0} characters, the limit is {MessageBodyMax:N0}");
        if (text.Length > MessageBodyStorageMax)
            return new(text, length, $"Message is too long: its emoji and accents take more room than {MessageBodyMax:N0} ordinary characters; shorten it");
        return new(text, length, null);
    }

    /// <summary>Validates a message body (see <see cref="CheckBody"/>); returns the error or null, and the text to store.</summary>
    public static string? ValidateBody(string? body, out string trimmed)
    {
        var check = CheckBody(body);
        trimmed = check.Text;
        return check.Error;
    }

    /// <summary>
    /// Validates a case subject: one line without control characters, bidi controls removed, 1–200
    /// characters (UTF-16 units, as the column is sized); returns the error or null, and the text to store.
    /// </summary>
    public static string? ValidateSubject(string? subject, out string trimmed)
    {
        trimmed = MessageText.NeutralizeBidi(subject ?? "").Trim();
        if (trimmed.Any(char.IsControl)) return "Subject must be one line without control characters";
        if (trimmed.Length == 0 || MessageText.IsInvisible(trimmed)) return "Subject cannot be empty";
        if (trimmed.Length > SubjectMax) return $"Subject is too long: {trimmed.Length:N0} characters, the limit is {SubjectMax:N0}";
        return null;
    }
}
