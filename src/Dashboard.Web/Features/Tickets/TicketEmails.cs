using System.Net;
using System.Text;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Email;
using Microsoft.EntityFrameworkCore;
using Dashboard.Web.Infrastructure;

namespace Dashboard.Web.Features.Tickets;

/// <summary>
/// The email a ticket promises: support's answer, to the store's notification address, added to the
/// <c>Outbox</c> on the caller's context so it commits with the answer. Only the answer's own text goes
/// out: staff notes never reach an email. Every email of a ticket threads under <c>&lt;ticket.{id}@domain&gt;</c>.
/// </summary>
public sealed class TicketEmails(PublicUrls urls)
{
    public const string AnsweredKind = "ticket-answered";

    private PortalOptions Portal => urls.Options;

    public string ThreadUrl(int number) => $"{urls.DashboardBase}/help/{number}";

    public string RootId(Guid ticketId) => $"<ticket.{ticketId:D}@{Portal.MessageIdDomain}>";

    /// <summary>Adds the "support answered" email, unless the store has no notification address.</summary>
    public async Task AddAnsweredAsync(DashboardDbContext db, SupportTicket ticket, TicketMessage answer, CancellationToken ct = default)
    {
        if (answer.Kind != TicketEntryKind.Message) throw new InvalidOperationException("Only a message is ever emailed, never a staff note");
        var store = await db.Stores.AsNoTracking().FirstAsync(s => s.Id == ticket.StoreId, ct);
        if (string.IsNullOrWhiteSpace(store.NotificationEmail)) return;
        db.Outbox.Add(Answered(store, ticket, answer));
    }

    public OutboxEmail Answered(Store store, SupportTicket ticket, TicketMessage answer)
    {
        var link = ThreadUrl(ticket.Number);
        var number = TicketNumber.Format(ticket.Number);
        var text = new StringBuilder()
            .Append("Hello ").Append(store.Name).Append(",\n\n")
            .Append(answer.AuthorLabel).Append(" answered your ticket ").Append(number).Append(" \"").Append(ticket.Subject).Append("\":\n\n")
            .Append(answer.Body).Append("\n\n")
            .Append("Read the thread and reply in your dashboard: ").Append(link).Append('\n')
            .Append("\n— ").Append(answer.AuthorLabel).Append('\n').ToString();
        var html =
            "<!DOCTYPE html><html><body style=\"font-family:-apple-system,Segoe UI,Roboto,sans-serif;font-size:14px;line-height:1.5;color:#222\">" +
            $"<p>Hello {E(store.Name)},</p>" +
            $"<p>{E(answer.AuthorLabel)} answered your ticket {E(number)} “{E(ticket.Subject)}”:</p>" +
            $"<blockquote style=\"margin:0 0 16px;padding:8px 12px;border-left:3px solid #ccc\">{E(answer.Body).Replace("\r\n", "\n").Replace("\n", "<br>\n")}</blockquote>" +
            $"<p><a href=\"{E(link)}\">Read the thread and reply in your dashboard</a></p>" +
            $"<p>— {E(answer.AuthorLabel)}</p></body></html>";
        var subject = $"Re: {ticket.Subject} [{number}]";
        var root = RootId(ticket.Id);
        return new OutboxEmail
        {
            StoreId = store.Id, Kind = AnsweredKind, ToAddress = store.NotificationEmail, ToName = store.Name,
            FromName = answer.AuthorLabel, Subject = subject.Length > 300 ? subject[..300] : subject,
            TextBody = text, HtmlBody = html, MessageIdHeader = $"<{answer.Id:D}.{AnsweredKind}@{Portal.MessageIdDomain}>",
            InReplyTo = root, References = root, CreatedAt = answer.CreatedAt, NextAttemptAt = answer.CreatedAt,
        };
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
