using System.Text;
using Dashboard.Domain;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Features.Attachments;

/// <summary>
/// A multipart reply read by <see cref="AttachmentIntake"/>: the body text and the staged files, or the
/// status (400/413, 507 when the attachment store is full) and message to answer with. Nothing is staged when it failed.
/// </summary>
public sealed record IntakeResult(string? Body, IReadOnlyList<AttachmentUpload> Files, int Status = StatusCodes.Status200OK, string? Error = null)
{
    public bool Succeeded => Error is null;
    public static IntakeResult Fail(int status, string error) => new(null, [], status, error);
}

/// <summary>
/// Reads <c>multipart/form-data</c> (field <c>body</c>, up to 5 <c>files</c> parts) for the Store API,
/// streaming each file through <see cref="AttachmentVault.StageAsync"/> with the size limit, so an
/// oversize file is refused without being held in memory.
/// Usage in the endpoint:
/// <code>
/// var read = await intake.ReadMultipartAsync(http.Request, ct);
/// if (!read.Succeeded) return Error(read.Status, read.Error);           // 400 or 413
/// var result = await cases.ReplyAsync(storeId, caseId, author, read.Body, read.Files, ct: ct);
/// if (!result.Succeeded) await intake.DiscardAsync(read);               // staged bytes go at once
/// </code>
/// </summary>
public sealed class AttachmentIntake(AttachmentVault vault)
{
    // UTF-8 takes at most 3 bytes per UTF-16 unit (4 per surrogate pair).
    private const int BodyFieldMaxBytes = Limits.MessageBodyStorageMax * 3 + 1024;
    private const long EnvelopeAllowance = 1024 * 1024;

    public long MaxRequestBytes => vault.MaxFileBytes * Limits.AttachmentsPerMessageMax + EnvelopeAllowance;

    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    public async Task<IntakeResult> ReadMultipartAsync(HttpRequest request, CancellationToken ct = default)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return IntakeResult.Fail(StatusCodes.Status400BadRequest, "Expected multipart/form-data with a boundary");
        if (request.ContentLength > MaxRequestBytes)
            return IntakeResult.Fail(StatusCodes.Status413PayloadTooLarge, $"The request is too large: at most {Limits.AttachmentsPerMessageMax} files of {AttachmentVault.FormatSize(vault.MaxFileBytes)} each");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = MaxRequestBytes;

        var staged = new List<AttachmentUpload>();
        string? body = null;
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    return await FailAsync(staged, StatusCodes.Status400BadRequest, "Every part needs a form-data Content-Disposition");
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (disposition.IsFileDisposition() && name is "files" or "files[]" or "file")
                {
                    if (staged.Count == Limits.AttachmentsPerMessageMax)
                        return await FailAsync(staged, StatusCodes.Status400BadRequest, AttachmentVault.TooManyFiles);
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    if (long.TryParse(section.Headers?.GetValueOrDefault("Content-Length"), out var declared) && declared > vault.MaxFileBytes)
                        return await FailAsync(staged, StatusCodes.Status413PayloadTooLarge, vault.TooLargeMessage(FileNames.Sanitize(fileName)));
                    var result = await vault.StageAsync(fileName, section.Body, ct);
                    if (!result.Succeeded)
                        return await FailAsync(staged, result.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, result.Error!);
                    staged.Add(result.File!.ToUpload());
                }
                else if (name == "body" && !disposition.IsFileDisposition())
                {
                    body = await ReadFieldAsync(section.Body, ct);
                    if (body is null) return await FailAsync(staged, StatusCodes.Status400BadRequest, $"Message is too long: the limit is {Limits.MessageBodyMax:N0} characters");
                }
                else
                {
                    return await FailAsync(staged, StatusCodes.Status400BadRequest, $"Unknown form field \"{name}\": expected body and files");
                }
            }
        }
        catch (AttachmentStorageFullException)
        {
            return await FailAsync(staged, StatusCodes.Status507InsufficientStorage, AttachmentStorageFullException.Explanation);
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not FileTooLargeException)
        {
            var status = e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return await FailAsync(staged, status, status == 413 ? "The request is too large" : "The multipart body is malformed");
        }
        catch
        {
            await vault.DeleteQuietlyAsync(staged.Select(f => f.StagingKey));
            throw;
        }
        return new IntakeResult(body, staged);
    }

    /// <summary>Deletes what a read staged, when the reply that should have used it failed.</summary>
    public Task DiscardAsync(IntakeResult read) => vault.DeleteQuietlyAsync(read.Files.Select(f => f.StagingKey));

    private async Task<IntakeResult> FailAsync(List<AttachmentUpload> staged, int status, string error)
    {
        await vault.DeleteQuietlyAsync(staged.Select(f => f.StagingKey));
        return IntakeResult.Fail(status, error);
    }

    private static async Task<string?> ReadFieldAsync(Stream section, CancellationToken ct)
    {
        var buffer = new byte[BodyFieldMaxBytes + 1];
        var total = 0;
        int n;
        while (total < buffer.Length && (n = await section.ReadAsync(buffer.AsMemory(total), ct)) > 0) total += n;
        return total > BodyFieldMaxBytes ? null : Encoding.UTF8.GetString(buffer, 0, total);
    }
}
