using Dashboard.Data.Entities;
using Dashboard.Domain;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Attachments;

/// <summary>
/// The outcome of staging one file: the staged file, or a refusal to show as is (<see cref="Error"/>,
/// naming the file) with its bare <see cref="Reason"/> ("executable files are not allowed").
/// </summary>
public sealed record StageResult(StagedFile? File, string? Error, bool TooLarge = false, string? Reason = null)
{
    public bool Succeeded => File is not null;
}

/// <summary>
/// The one path bytes take into storage. Staging: a picked or uploaded file streams through a
/// <see cref="ContentInspector"/> with a byte limit into a staging key (refused files are deleted at once).
/// Commit: the case service copies staged bytes, inspected again, to the attachment's final key before
/// its transaction and deletes them again if the transaction fails.
/// </summary>
public sealed class AttachmentVault(IAttachmentStorage storage, IOptions<AttachmentOptions> options, TimeProvider clock, ILogger<AttachmentVault> logger)
{
    public IAttachmentStorage Storage => storage;
    public long MaxFileBytes => options.Value.MaxFileBytes;

    public static string TooManyFiles => $"At most {Limits.AttachmentsPerMessageMax} files per message";

    public string TooLargeMessage(string fileName) => $"\"{fileName}\" is too large: the limit is {FormatSize(MaxFileBytes)} per file";

    /// <summary>Streams <paramref name="content"/> into staging, refusing it by content or size.</summary>
    public async Task<StageResult> StageAsync(string? fileName, Stream content, CancellationToken ct = default)
    {
        var name = FileNames.Sanitize(fileName);
        var key = StorageKeys.NewStaging(clock.GetUtcNow().UtcDateTime);
        var (inspection, tooLarge) = await WriteInspectedAsync(key, content, ct);
        if (tooLarge) return new StageResult(null, TooLargeMessage(name), TooLarge: true, Reason: $"larger than the {FormatSize(MaxFileBytes)} limit");
        if (!inspection!.Accepted) return new StageResult(null, Refusal(name, inspection.Refusal!), Reason: inspection.Refusal);
        return new StageResult(new StagedFile(key, name, inspection.Kind!.Value.ContentType(), inspection.Length, inspection.Sha256), null);
    }

    /// <summary>
    /// Copies a staged upload to the attachment's own key, re-inspecting it, and returns the row to
    /// insert (not yet saved), or a refusal.
    /// </summary>
    public async Task<(Attachment? Attachment, string? Error)> CommitAsync(AttachmentUpload upload, string storeId, string caseId, string messageId, DateTime now, CancellationToken ct = default)
    {
        var name = FileNames.Sanitize(upload.FileName);
        if (!StorageKeys.IsStaging(upload.StagingKey)) return (null, $"\"{name}\" was not uploaded; please attach it again");
        await using var source = await storage.OpenReadAsync(upload.StagingKey, ct);
        if (source is null) return (null, $"\"{name}\" has expired; please attach it again");

        var attachment = new Attachment { StoreId = storeId, CaseId = caseId, MessageId = messageId, FileName = name, CreatedAt = now };
        attachment.StorageKey = StorageKeys.ForAttachment(storeId, attachment.Id);
        var (inspection, tooLarge) = await WriteInspectedAsync(attachment.StorageKey, source, ct);
        if (tooLarge) return (null, TooLargeMessage(name));
        if (!inspection!.Accepted) return (null, Refusal(name, inspection.Refusal!));
        attachment.ContentType = inspection.Kind!.Value.ContentType();
        attachment.Size = inspection.Length;
        attachment.Sha256 = inspection.Sha256;
        return (attachment, null);
    }

    /// <summary>Best-effort delete (a leftover is removed later by the janitor).</summary>
    public async Task DeleteQuietlyAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            try { await storage.DeleteAsync(key, CancellationToken.None); }
            catch (Exception e) { logger.LogWarning(e, "Could not delete attachment object {Key}", key); }
        }
    }

    public Task<Stream?> OpenAsync(Attachment attachment, CancellationToken ct = default) => storage.OpenReadAsync(attachment.StorageKey, ct);

    private async Task<(Inspection? Inspection, bool TooLarge)> WriteInspectedAsync(string key, Stream content, CancellationToken ct)
    {
        using var inspector = new ContentInspector();
        var limited = new InspectingStream(content, inspector, MaxFileBytes);
        try
        {
            await storage.WriteAsync(key, limited, ct);
        }
        catch (FileTooLargeException)
        {
            await DeleteQuietlyAsync([key]);
            return (null, true);
        }
        catch
        {
            await DeleteQuietlyAsync([key]);
            throw;
        }
        var inspection = inspector.Finish();
        if (!inspection.Accepted) await DeleteQuietlyAsync([key]);
        return (inspection, false);
    }

    private static string Refusal(string name, string reason) =>
        $"\"{name}\" was refused: {reason}. Allowed: {AttachmentKinds.AllowedDescription}.";

    public static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };
}

/// <summary>Thrown by <see cref="InspectingStream"/> as soon as a file passes the limit.</summary>
public sealed class FileTooLargeException() : IOException("The file is larger than the limit");

/// <summary>
/// A read-only pass-through that feeds every byte to the inspector and never reads more than the
/// limit plus one byte from the source: an oversize file is refused without being read whole.
/// </summary>
public sealed class InspectingStream(Stream source, ContentInspector inspector, long limit) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = source.Read(buffer[..Allowed(buffer.Length)]);
        return Accept(buffer[..n]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var n = await source.ReadAsync(buffer[..Allowed(buffer.Length)], ct);
        return Accept(buffer.Span[..n]);
    }

    private int Allowed(int requested) => (int)Math.Min(requested, limit + 1 - _read);

    private int Accept(ReadOnlySpan<byte> data)
    {
        _read += data.Length;
        if (_read > limit) throw new FileTooLargeException();
        inspector.Append(data);
        return data.Length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
