using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Stores;

// The attachment half of the case service: the same rule path (ChangeAsync) with files on the message.
namespace Dashboard.Web.Features.Cases;

public sealed partial class CaseService
{
    /// <summary>A merchant answers with up to 5 staged files; message and attachments are saved together or not at all.</summary>
    public Task<CaseResult> ReplyAsync(string storeId, string caseId, Actor merchant, string? body, IReadOnlyList<AttachmentUpload> files, long? expectedVersion = null,
        CaseCommitHook? inTransaction = null, CancellationToken ct = default)
    {
        if (Limits.ValidateBody(body, out var text) is { } error) return Task.FromResult(CaseResult.Invalid(error));
        if (CheckFiles(files) is { } fileError) return Task.FromResult(CaseResult.Invalid(fileError));
        return ChangeAsync(storeId, caseId, new CaseTrigger.MerchantReplies(merchant.DisplayName), expectedVersion, merchant, text, ct, files, inTransaction);
    }

    /// <summary>The customer writes with files (portal).</summary>
    public Task<CaseResult> CustomerReplyAsync(string storeId, string caseId, string? body, IReadOnlyList<AttachmentUpload> files, CancellationToken ct = default)
    {
        if (Limits.ValidateBody(body, out var text) is { } error) return Task.FromResult(CaseResult.Invalid(error));
        if (CheckFiles(files) is { } fileError) return Task.FromResult(CaseResult.Invalid(fileError));
        return ChangeAsync(storeId, caseId, new CaseTrigger.CustomerReplies(), null, null, text, ct, files);
    }

    /// <summary>
    /// Platform support writes with files, on an escalated case only (posting never escalates). Refused
    /// unless the actor passes <see cref="Policies.PlatformSupport"/>; audited.
    /// </summary>
    public async Task<CaseResult> SupportPostAsync(string caseId, Actor support, string? body, IReadOnlyList<AttachmentUpload> files, CancellationToken ct = default)
    {
        if (!await IsSupportAsync(support, ct)) return CaseResult.Forbidden;
        if (Limits.ValidateBody(body, out var text) is { } error) return CaseResult.Invalid(error);
        if (CheckFiles(files) is { } fileError) return CaseResult.Invalid(fileError);
        return await SupportChangeAsync(caseId, support, new CaseTrigger.SupportPosts(), Support.Audit.StaffAuditAction.PostedMessage, null, null, null, ct, text, files);
    }

    private static string? CheckFiles(IReadOnlyList<AttachmentUpload> files)
    {
        if (files.Count > Limits.AttachmentsPerMessageMax) return AttachmentVault.TooManyFiles;
        if (files.Select(f => f.StagingKey).Distinct().Count() != files.Count) return "The same file is attached twice";
        return null;
    }

    private sealed record CommittedAttachments(IReadOnlyList<Attachment> Attachments, CaseResult? Failure);

    private async Task<CommittedAttachments> CommitAttachmentsAsync(IReadOnlyList<AttachmentUpload>? files, SupportCase supportCase, CaseMessage? message, DateTime now, CancellationToken ct)
    {
        if (files is not { Count: > 0 }) return new([], null);
        if (message is null) return new([], CaseResult.Invalid("Attachments need a message"));
        var done = new List<Attachment>(files.Count);
        try
        {
            foreach (var file in files)
            {
                var (attachment, error) = await attachments.CommitAsync(file, supportCase.StoreId, supportCase.Id, message.Id, now, ct);
                if (error is not null)
                {
                    await DiscardAttachmentsAsync(done);
                    return new([], CaseResult.Invalid(error));
                }
                done.Add(attachment!);
            }
        }
        catch (AttachmentStorageFullException)
        {
            await DiscardAttachmentsAsync(done);
            return new([], new CaseResult(CaseOutcome.StorageFull, AttachmentStorageFullException.Explanation));
        }
        catch
        {
            await DiscardAttachmentsAsync(done);
            throw;
        }
        message.Attachments.AddRange(done);
        return new(done, null);
    }

    private async Task DiscardAttachmentsAsync(IReadOnlyList<Attachment> committed)
    {
        if (committed.Count > 0)
            await attachments.DeleteQuietlyAsync(committed.Select(a => a.StorageKey));
    }

    private async Task ReleaseStagingAsync(IReadOnlyList<AttachmentUpload>? files)
    {
        if (files is { Count: > 0 })
            await attachments.DeleteQuietlyAsync(files.Select(f => f.StagingKey).Where(StorageKeys.IsStaging));
    }
}
