namespace Dashboard.Web.Features.Attachments;

/// <summary>
/// The attachment store has no room left (the disk is full). Nothing of the write is kept; callers
/// answer with a message a person understands instead of a generic failure.
/// </summary>
public sealed class AttachmentStorageFullException(Exception inner) : IOException(Explanation, inner)
{
    public const string Explanation = "Attachment storage is full, so nothing was saved. Try again later, or send the reply without files.";

    /// <summary>ENOSPC on Linux/macOS (28), ERROR_DISK_FULL (112) or ERROR_HANDLE_DISK_FULL (39) on Windows.</summary>
    public static bool IsDiskFull(IOException e) => (e.HResult & 0xFFFF) is 28 or 112 or 39;
}
