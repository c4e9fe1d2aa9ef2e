using Dashboard.Web.Features.Attachments;
using System.Text.Json;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;

namespace Dashboard.Web.Features.Api;

// The wire shapes of the Store API v2, property for property as the reference documents them.
// Enums travel as SCREAMING_SNAKE strings (WireNames), money as integers in minor units.

public sealed record ApiOk<T>(bool Ok, T Data);

public sealed record ApiFail(bool Ok, ApiError Error);

public sealed record ApiError(string Code, string Message);

public sealed record ApiCustomerRef(string Id, string Email, string? FirstName, string? LastName);

public sealed record ApiOrderRef(string Id, string OrderNumber, long Amount, string Currency);

public sealed record ApiCase(
    string Id, string Subject, string Status, string Priority, string OrderId, string CustomerId,
    DateTime LastMessageAt, string LastMessageBy, int UnreadCount, bool Escalated,
    DateTime? ClosedAt, string? ClosedBy, DateTime CreatedAt, DateTime UpdatedAt,
    ApiCustomerRef Customer, ApiOrderRef Order)
{
    public static ApiCase From(CaseListRow r) => new(
        r.Id, r.Subject, WireNames.ToWire(r.Status), WireNames.ToWire(r.Priority), r.OrderId, r.CustomerId,
        r.LastMessageAt, WireNames.ToWire(r.LastMessageBy), r.UnreadCount, r.Escalated,
        r.ClosedAt, r.ClosedBy is { } by ? WireNames.ToWire(by) : null, r.CreatedAt, r.UpdatedAt,
        new ApiCustomerRef(r.CustomerId, r.CustomerEmail, r.CustomerFirstName, r.CustomerLastName),
        new ApiOrderRef(r.OrderId, r.OrderNumber, r.OrderAmount, r.OrderCurrency));

    public static ApiCase From(SupportCase c, Customer customer, Order order) => new(
        c.Id, c.Subject, WireNames.ToWire(c.Status), WireNames.ToWire(c.Priority), c.OrderId, c.CustomerId,
        c.LastMessageAt, WireNames.ToWire(c.LastMessageBy), c.UnreadCount, c.Escalated,
        c.ClosedAt, c.ClosedBy is { } by ? WireNames.ToWire(by) : null, c.CreatedAt, c.UpdatedAt,
        new ApiCustomerRef(customer.Id, customer.Email, customer.FirstName, customer.LastName),
        new ApiOrderRef(order.Id, order.OrderNumber, order.Amount, order.Currency));
}

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

public sealed record ApiMessage(string Id, string AuthorKind, string AuthorName, string Body, IReadOnlyList<ApiAttachment> Attachments, DateTime CreatedAt)
{
    public static ApiMessage From(CaseMessage m, AttachmentLinks links, string baseUrl) => new(
        m.Id, WireNames.ToWire(m.AuthorKind), m.AuthorName, m.Body,
        m.Attachments.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => ApiAttachment.From(a, links, baseUrl)).ToList(), m.CreatedAt);
}

/// <summary>An attachment's metadata with a short-lived signed download link (default 5 minutes).</summary>
public sealed record ApiAttachment(string Id, string FileName, string ContentType, long Size, string Url, DateTime ExpiresAt)
{
    public static ApiAttachment From(Attachment a, AttachmentLinks links, string baseUrl)
    {
        var signed = links.ToApi(a, baseUrl);
        return new(signed.Id, signed.FileName, signed.ContentType, signed.Size, signed.Url, signed.ExpiresAt);
    }
}

public sealed record ApiPagination(int Page, int Limit, int Total, int TotalPages);

public sealed record ApiCaseList(IReadOnlyList<ApiCase> Items, ApiPagination Pagination);

/// <summary>The reply just posted and the case as it now stands (status AWAITING_CUSTOMER).</summary>
public sealed record ApiReplyResult(ApiMessage Message, ApiCase Case);

/// <summary>PATCH body: at least one of the two (LOW…URGENT; OPEN, AWAITING_CUSTOMER, CLOSED).</summary>
public sealed class PatchCaseRequest
{
    public string? Priority { get; init; }
    public string? Status { get; init; }
}

/// <summary>Reply body: plain text, 1–4,000 characters as a person counts them (Limits.CheckBody).</summary>
public sealed class PostMessageRequest
{
    public string? Body { get; init; }
}

public sealed record ApiOrderItem(string Id, string ProductId, string? VariantId, string Name, int Quantity, long Price);

public sealed record ApiOrderCustomer(string Id, string Email, string? FirstName, string? LastName, bool Guest);

public sealed record ApiBillingAddress(string Id, string? AddressLine1, string? AddressLine2, string? City, string? State, string? PostalCode, string? Country);

public sealed record ApiPayment(
    string Id, string? ReferenceId, long Amount, long DiscountAmount, long PlatformFeeAmount, long PspFeeAmount,
    long TaxAmount, long TotalAmount, long SettledAmount, string Status, string? PspProvider, string? CouponCode,
    string? TaxId, DateTime CreatedAt);

public sealed record ApiLicense(string Id, string Key, string Status, string ProductId, string? VariantId, DateTime? ClaimedAt);

public sealed record ApiOrder(
    string Id, string OrderNumber, string Status, long Amount, string Currency, string? Gateway, bool Discounted,
    string? DiscountCode, JsonElement CustomFields, string? ReturnUrl, IReadOnlyList<ApiOrderItem> Items,
    ApiOrderCustomer Customer, ApiBillingAddress? BillingAddress, ApiPayment? Payment, IReadOnlyList<ApiLicense> Licenses,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static ApiOrder From(Order o) => new(
        o.Id, o.OrderNumber, WireNames.ToWire(o.Status), o.Amount, o.Currency, o.Gateway, o.Discounted, o.DiscountCode,
        ParseObject(o.CustomFieldsJson), o.ReturnUrl,
        o.Items.OrderBy(i => i.Id).Select(i => new ApiOrderItem(i.Id, i.ProductId, i.VariantId, i.Name, i.Quantity, i.Price)).ToList(),
        new ApiOrderCustomer(o.Customer.Id, o.Customer.Email, o.Customer.FirstName, o.Customer.LastName, o.Customer.Guest),
        o.BillingAddress is { } a ? new ApiBillingAddress(a.Id, a.AddressLine1, a.AddressLine2, a.City, a.State, a.PostalCode, a.Country) : null,
        o.Payment is { } p ? new ApiPayment(p.Id, p.ReferenceId, p.Amount, p.DiscountAmount, p.PlatformFeeAmount, p.PspFeeAmount,
            p.TaxAmount, p.TotalAmount, p.SettledAmount, WireNames.ToWire(p.Status), p.PspProvider, p.CouponCode, p.TaxId, p.CreatedAt) : null,
        o.Licenses.OrderBy(l => l.Id).Select(l => new ApiLicense(l.Id, l.Key, WireNames.ToWire(l.Status), l.ProductId, l.VariantId, l.ClaimedAt)).ToList(),
        o.CreatedAt, o.UpdatedAt);

    /// <summary>Custom fields are stored as JSON text; anything but an object reads as <c>{}</c>.</summary>
    private static JsonElement ParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return EmptyObject;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : EmptyObject;
        }
        catch (JsonException)
        {
            return EmptyObject;
        }
    }
}
