using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;

namespace Dashboard.Web.Features.Api;

/// <summary>The case object plus its timeline (GET one case).</summary>
public sealed record ApiCaseDetail(
    string Id, string Subject, string Status, string Priority, string OrderId, string CustomerId,
    DateTime LastMessageAt, string LastMessageBy, int UnreadCount, bool Escalated,
    DateTime? ClosedAt, string? ClosedBy, DateTime CreatedAt, DateTime UpdatedAt,
    ApiCustomerRef Customer, ApiOrderRef Order, IReadOnlyList<ApiMessage> Messages)
{
    public static ApiCaseDetail From(CaseDetail d, AttachmentLinks links, string baseUrl)
    {
        var c = ApiCase.From(d.Case, d.Customer, d.Order);
        return new(c.Id, c.Subject, c.Status, c.Priority, c.OrderId, c.CustomerId, c.LastMessageAt, c.LastMessageBy,
            c.UnreadCount, c.Escalated, c.ClosedAt, c.ClosedBy, c.CreatedAt, c.UpdatedAt, c.Customer, c.Order,
            d.Messages.Select(m => ApiMessage.From(m, links, baseUrl)).ToList());
    }
}
