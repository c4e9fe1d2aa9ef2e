namespace Dashboard.Web.Features.Attachments;

/// <summary>A file chosen in the reply box and uploaded to temporary storage, waiting for Send.</summary>
public sealed record StagedFile(string StagingKey, string FileName, string ContentType, long Size);
