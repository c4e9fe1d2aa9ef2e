using Dashboard.Data.Entities;

namespace Dashboard.Web.Features.InboundMail;

/// <summary>One received email as the review page shows it.</summary>
public sealed record InboundMailRow(
    long Id, DateTime ReceivedAt, string Channel, string FromAddress, string? FromName, string Subject,
    InboundEmailStatus Status, string Reason, string? CaseId, string? CaseSubject, string? StoreId, string? StoreName,
    string Text, int AttachmentCount, long RawSize, bool HasRaw, string? ResolvedBy, DateTime? ResolvedAt);
