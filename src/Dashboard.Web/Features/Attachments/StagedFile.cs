namespace Dashboard.Web.Features.Attachments;

/// <summary>A file chosen in the reply box and uploaded to temporary storage, waiting for Send.</summary>
public sealed record StagedFile(string StagingKey, string FileName, string ContentType, long Size, string Sha256 = "")
{
    /// <summary>What <see cref="Cases.CaseService"/> takes to attach it to a message.</summary>
    public AttachmentUpload ToUpload() => new(StagingKey, FileName);
}

/// <summary>
/// A file already validated and staged by <see cref="AttachmentVault.StageAsync"/> (picker or API
/// intake), handed to the case service with a message. The service checks the bytes again when it
/// commits them, so an upload never skips validation.
/// </summary>
public sealed record AttachmentUpload(string StagingKey, string FileName);

public static class AttachmentUploads
{
    public static IReadOnlyList<AttachmentUpload> ToUploads(this IEnumerable<StagedFile> files) => files.Select(f => f.ToUpload()).ToList();
}
