namespace Dashboard.Domain;

/// <summary>Limits of the spec, enforced on the server and shown in the UI.</summary>
public static class Limits
{
    public const int MessageBodyMax = 4000;
    public const int AttachmentsPerMessageMax = 5;
    public const long AttachmentDefaultMaxBytes = 10 * 1024 * 1024;
    public const int SubjectMax = 200;
    public const int PageSizeMax = 100;
    public const int PageSizeDefault = 20;

    /// <summary>Validates a message body (1–4,000 characters after trimming); returns the error or null.</summary>
    public static string? ValidateBody(string? body, out string trimmed)
    {
        trimmed = (body ?? "").Trim();
        if (trimmed.Length == 0) return "Message cannot be empty";
        if (trimmed.Length > MessageBodyMax) return $"Message is too long: {trimmed.Length:N0} characters, the limit is {MessageBodyMax:N0}";
        return null;
    }

    /// <summary>Validates a case subject (1–200 characters after trimming); returns the error or null.</summary>
    public static string? ValidateSubject(string? subject, out string trimmed)
    {
        trimmed = (subject ?? "").Trim();
        if (trimmed.Length == 0) return "Subject cannot be empty";
        if (trimmed.Length > SubjectMax) return $"Subject is too long: {trimmed.Length:N0} characters, the limit is {SubjectMax:N0}";
        return null;
    }
}
