using System.Net;
using System.Text;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Email;

namespace Dashboard.Web.Features.Licences;

/// <summary>
/// The customer's emails of licence actions, threaded into the case's emails through
/// <see cref="CaseEmails"/>: the delivery email (every working key of the order), a replacement
/// (the new key in full; the old one shortened) and a revocation.
/// </summary>
public sealed class LicenceEmails(CaseEmails caseEmails)
{
    public const string DeliveryKind = "licence-delivery";
    public const string ReplacedKind = "licence-replaced";
    public const string RevokedKind = "licence-revoked";

    public CaseEmails Threading => caseEmails;

    public OutboxEmail Delivery(Store store, SupportCase c, Order order, Customer customer, IReadOnlyList<License> working, string sourceId, DateTime now)
    {
        var text = new StringBuilder().Append("Hi ").Append(customer.DisplayName).Append(",\n\nHere are the licence keys of your order ")
            .Append(order.OrderNumber).Append(" again:\n\n");
        var html = new StringBuilder().Append($"<p>Hi {E(customer.DisplayName)},</p><p>Here are the licence keys of your order {E(order.OrderNumber)} again:</p><ul>");
        foreach (var licence in working)
        {
            text.Append("  ").Append(ProductName(order, licence)).Append(": ").Append(licence.Key).Append('\n');
            html.Append($"<li>{E(ProductName(order, licence))}: <code>{E(licence.Key)}</code></li>");
        }
        text.Append("\n— ").Append(store.Name).Append('\n');
        html.Append($"</ul><p>— {E(store.Name)}</p>");
        return New(store, c, customer, DeliveryKind, text.ToString(), html.ToString(), sourceId, now);
    }

    public OutboxEmail Replaced(Store store, SupportCase c, Order order, Customer customer, License old, string newKey, string sourceId, DateTime now)
    {
        var product = ProductName(order, old);
        var text = $"Hi {customer.DisplayName},\n\nWe have replaced your licence key for {product} (order {order.OrderNumber}).\n\nYour new key: {newKey}\n\nThe previous key {LicenceWorkflow.Shorten(old.Key)} no longer works.\n\n— {store.Name}\n";
        var html = $"<p>Hi {E(customer.DisplayName)},</p><p>We have replaced your licence key for {E(product)} (order {E(order.OrderNumber)}).</p>" +
                   $"<p>Your new key: <code>{E(newKey)}</code></p><p>The previous key {E(LicenceWorkflow.Shorten(old.Key))} no longer works.</p><p>— {E(store.Name)}</p>";
        return New(store, c, customer, ReplacedKind, text, html, sourceId, now);
    }

    public OutboxEmail Revoked(Store store, SupportCase c, Order order, Customer customer, License old, string sourceId, DateTime now)
    {
        var product = ProductName(order, old);
        var text = $"Hi {customer.DisplayName},\n\nYour licence key {LicenceWorkflow.Shorten(old.Key)} for {product} (order {order.OrderNumber}) has been revoked and no longer works.\n\n— {store.Name}\n";
        var html = $"<p>Hi {E(customer.DisplayName)},</p><p>Your licence key {E(LicenceWorkflow.Shorten(old.Key))} for {E(product)} (order {E(order.OrderNumber)}) has been revoked and no longer works.</p><p>— {E(store.Name)}</p>";
        return New(store, c, customer, RevokedKind, text, html, sourceId, now);
    }

    /// <summary>The order item's name for a licence's product; the product id when the order has no such item.</summary>
    public static string ProductName(Order order, License licence) =>
        order.Items.FirstOrDefault(i => i.ProductId == licence.ProductId)?.Name ?? licence.ProductId;

    private OutboxEmail New(Store store, SupportCase c, Customer customer, string kind, string text, string html, string sourceId, DateTime now)
    {
        var subject = $"Re: {c.Subject} [{c.Id}]";
        return new OutboxEmail
        {
            StoreId = store.Id, CaseId = c.Id, Kind = kind, ToAddress = customer.Email, ToName = customer.DisplayName, FromName = store.Name,
            Subject = subject.Length > 300 ? subject[..300] : subject, TextBody = text,
            HtmlBody = "<!DOCTYPE html><html><body style=\"font-family:-apple-system,Segoe UI,Roboto,sans-serif;font-size:14px;line-height:1.5;color:#222\">" + html + "</body></html>",
            MessageIdHeader = caseEmails.MessageId(sourceId, kind), CreatedAt = now, NextAttemptAt = now,
        };
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
