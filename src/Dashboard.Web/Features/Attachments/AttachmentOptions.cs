using System.ComponentModel.DataAnnotations;
using Dashboard.Domain;

namespace Dashboard.Web.Features.Attachments;

public enum AttachmentStorageKind { FileSystem, AzureBlob }

/// <summary>Section <c>Attachments</c>: limits, link lifetime and where the bytes live.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>Largest accepted file, in bytes (default 10 MB).</summary>
    [Range(1, 1L << 31)]
    public long MaxFileBytes { get; set; } = Limits.AttachmentDefaultMaxBytes;

    /// <summary>How long a signed download link stays valid (default 5 minutes).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public AttachmentStorageKind Storage { get; set; } = AttachmentStorageKind.FileSystem;

    /// <summary>File system storage: the folder; default <c>{Dashboard:DataDirectory}/attachments</c>.</summary>
    public string? Directory { get; set; }

    /// <summary>Azure Blob Storage: a connection string (account key or SAS) and the container.</summary>
    public string? AzureConnectionString { get; set; }
    public string Container { get; set; } = "attachments";

    /// <summary>
    /// Secret for signing download links (any string, at least 32 characters). When empty a random key is
    /// generated once and kept in the data directory, encrypted with Data Protection. Set it when several
    /// instances serve the same links.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Staged files (picked but never sent) older than this are deleted by the janitor.</summary>
    public TimeSpan StagingRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the janitor runs; zero disables it.</summary>
    public TimeSpan JanitorInterval { get; set; } = TimeSpan.FromHours(1);
}
