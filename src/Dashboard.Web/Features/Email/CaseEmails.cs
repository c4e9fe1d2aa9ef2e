using System.Net;
using System.Text;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.InboundMail;
using Microsoft.EntityFrameworkCore;
using Dashboard.Web.Infrastructure;

namespace Dashboard.Web.Features.Email;

/// <summary>Kinds of outbox email (the <c>Kind</c> column).</summary>
public static class EmailKinds
{
    public const string CaseReply = "case-reply";
    public const string CaseOpened = "case-opened";
    public const string AutoCloseWarning = "auto-close-warning";
    public const string AutoClosed = "auto-closed";
    public const string AutoReply = "auto-reply";
}

/// <summary>
/// Composes the emails a case promises and adds them to the <c>Outbox</c> on the caller's context
/// (the case effect handlers in <c>Features/Cases/Effects</c> call it),
/// so they are saved in the same transaction as the change (the caller's SaveChanges). Plain text
/// and HTML (every user-written text HTML-encoded), the store's name as the From display name, and
/// threading headers: every email of a case to one address replies to the previous one, and all
/// reference the case's root id <c>&lt;case.{caseId}@domain&gt;</c>. Emails to the customer carry the
/// case's reply address as Reply-To (<see cref="ReplyAddress"/>, when a reply domain is configured),
/// so an answer by email finds its case (<c>Features/InboundMail</c>).
/// </summary>
public sealed class CaseEmails(PublicUrls urls, ReplyAddress replyAddress)
{
    private PortalOptions Portal => urls.Options;

    /// <summary>Threads <paramref name="email"/> after earlier emails of its case to the same address, and adds it.</summary>
    public async Task AddAsync(DashboardDbContext db, OutboxEmail email, CancellationToken ct = default)
    {
        if (email.CaseId is { } caseId)
        {
            var root = RootId(caseId);
            var earlier = await db.Outbox.AsNoTracking()
                .Where(o => o.CaseId == caseId && o.ToAddress == email.ToAddress)
                .OrderByDescending(o => o.Id).Select(o => o.MessageIdHeader).Take(20).ToListAsync(ct);
            earlier.Reverse(); // oldest first; emails added earlier in this same transaction come after them
            earlier.AddRange(db.ChangeTracker.Entries<OutboxEmail>()
                .Where(e => e.State == EntityState.Added && e.Entity.CaseId == caseId && e.Entity.ToAddress == email.ToAddress)
                .Select(e => e.Entity.MessageIdHeader));
            email.InReplyTo = earlier.LastOrDefault() ?? root;
            var refs = new List<string> { root };
            refs.AddRange(earlier.Where(id => id != root));
            var references = string.Join(' ', refs);
            while (references.Length > 3900 && refs.Count > 2) { refs.RemoveAt(1); references = string.Join(' ', refs); }
            email.References = references;
        }
        if (email.NextAttemptAt == default) email.NextAttemptAt = email.CreatedAt;
        db.Outbox.Add(email);
    }

    /// <summary>The id every email of a case refers to (the case opened in the portal).</summary>
    public string RootId(string caseId) => $"<case.{caseId}@{Portal.MessageIdDomain}>";

    /// <summary>
    /// Unique per email, and stored on its outbox row, so a resend of the row carries the same id. The
    /// random part keeps it unguessable: an answer naming it in In-Reply-To is matched to the case.
    /// </summary>
    public string MessageId(string sourceId, string kind) => $"<{sourceId}.{kind}.{Ids.New("", 12)}@{Portal.MessageIdDomain}>";

    public OutboxEmail Reply(Store store, SupportCase c, Customer customer, CaseMessage message)
    {
        var link = urls.PortalCase(c.Id);
        var who = message.AuthorName;
        var text = new StringBuilder()
            .Append("Hi ").Append(customer.DisplayName).Append(",\n\n")
            .Append(who).Append(" replied to your case \"").Append(c.Subject).Append("\":\n\n")
            .Append(message.Body).Append("\n\n")
            .Append("Read the conversation and reply: ").Append(link).Append('\n')
            .Append("\n— ").Append(store.Name).Append('\n').ToString();
        var html = Html(
            $"<p>Hi {E(customer.DisplayName)},</p>" +
            $"<p>{E(who)} replied to your case “{E(c.Subject)}”:</p>" +
            $"<blockquote style=\"margin:0 0 16px;padding:8px 12px;border-left:3px solid #ccc\">{Paragraphs(message.Body)}</blockquote>" +
            $"<p><a href=\"{E(link)}\">Read the conversation and reply</a></p>" +
            $"<p>— {E(store.Name)}</p>");
        return New(store, c, EmailKinds.CaseReply, customer.Email, customer.DisplayName, $"Re: {c.Subject} [{c.Id}]", text, html, MessageId(message.Id, EmailKinds.CaseReply), message.CreatedAt, replyAddress.For(c));
    }

    public OutboxEmail Opened(Store store, SupportCase c, Customer customer, CaseMessage? first)
    {
        var link = urls.DashboardCase(c.Id);
        var body = first?.Body ?? "";
        var text = new StringBuilder()
            .Append(customer.DisplayName).Append(" <").Append(customer.Email).Append("> opened a case at ").Append(store.Name).Append(":\n\n")
            .Append("Subject: ").Append(c.Subject).Append("\nPriority: ").Append(c.Priority).Append("\n\n")
            .Append(body).Append("\n\nOpen it in the dashboard: ").Append(link).Append('\n').ToString();
        var html = Html(
            $"<p>{E(customer.DisplayName)} &lt;{E(customer.Email)}&gt; opened a case at {E(store.Name)}:</p>" +
            $"<p><b>{E(c.Subject)}</b><br>Priority: {E(c.Priority.ToString())}</p>" +
            $"<blockquote style=\"margin:0 0 16px;padding:8px 12px;border-left:3px solid #ccc\">{Paragraphs(body)}</blockquote>" +
            $"<p><a href=\"{E(link)}\">Open it in the dashboard</a></p>");
        return New(store, c, EmailKinds.CaseOpened, store.NotificationEmail, store.Name, $"New case: {c.Subject} [{c.Id}]", text, html, MessageId(c.Id, EmailKinds.CaseOpened), c.CreatedAt);
    }

    /// <summary>For the auto-close job: sent <see cref="Store.AutoCloseWarningDays"/> before the close (<paramref name="closesAt"/>).</summary>
    public OutboxEmail AutoCloseWarning(Store store, SupportCase c, Customer customer, DateTime closesAt, DateTime now)
    {
        var link = urls.PortalCase(c.Id);
        var when = closesAt.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var text = $"Hi {customer.DisplayName},\n\nWe haven't heard from you about \"{c.Subject}\". The case will close automatically on {when} (UTC) unless you reply.\n\nReply here: {link}\n\n— {store.Name}\n";
        var html = Html($"<p>Hi {E(customer.DisplayName)},</p><p>We haven't heard from you about “{E(c.Subject)}”. The case will close automatically on {E(when)} (UTC) unless you reply.</p><p><a href=\"{E(link)}\">Reply to keep it open</a></p><p>— {E(store.Name)}</p>");
        return New(store, c, EmailKinds.AutoCloseWarning, customer.Email, customer.DisplayName, $"Re: {c.Subject} [{c.Id}]", text, html, MessageId($"{c.Id}.{now.Ticks}", EmailKinds.AutoCloseWarning), now, replyAddress.For(c));
    }

    /// <summary>For the auto-close job: the case was closed after the idle period.</summary>
    public OutboxEmail AutoClosed(Store store, SupportCase c, Customer customer, int idleDays, DateTime now)
    {
        var link = urls.PortalCase(c.Id);
        var days = idleDays == 1 ? "1 day" : $"{idleDays} days";
        var text = $"Hi {customer.DisplayName},\n\nYour case \"{c.Subject}\" was closed automatically after {days} without a reply. If you still need help, reply and it reopens.\n\n{link}\n\n— {store.Name}\n";
        var html = Html($"<p>Hi {E(customer.DisplayName)},</p><p>Your case “{E(c.Subject)}” was closed automatically after {days} without a reply. If you still need help, reply and it reopens.</p><p><a href=\"{E(link)}\">View the case</a></p><p>— {E(store.Name)}</p>");
        return New(store, c, EmailKinds.AutoClosed, customer.Email, customer.DisplayName, $"Re: {c.Subject} [{c.Id}]", text, html, MessageId($"{c.Id}.{now.Ticks}", EmailKinds.AutoClosed), now, replyAddress.For(c));
    }

    /// <summary>For the auto-reply: the store's text, sent to the customer who opened the case.</summary>
    public OutboxEmail AutoReply(Store store, SupportCase c, Customer customer, string replyText, DateTime now)
    {
        var link = urls.PortalCase(c.Id);
        var text = $"{replyText}\n\nYour case: {link}\n\n— {store.Name}\n";
        var html = Html($"<p>{Paragraphs(replyText)}</p><p><a href=\"{E(link)}\">Your case</a></p><p>— {E(store.Name)}</p>");
        return New(store, c, EmailKinds.AutoReply, customer.Email, customer.DisplayName, $"Re: {c.Subject} [{c.Id}]", text, html, MessageId(c.Id, EmailKinds.AutoReply), now, replyAddress.For(c));
    }

    private static OutboxEmail New(Store store, SupportCase c, string kind, string to, string? toName, string subject, string text, string html, string messageId, DateTime now,
        string? replyTo = null) => new()
    {
        StoreId = store.Id, CaseId = c.Id, Kind = kind, ToAddress = to, ToName = toName, FromName = store.Name,
        Subject = subject.Length > 300 ? subject[..300] : subject, TextBody = text, HtmlBody = html,
        MessageIdHeader = messageId, CreatedAt = now, NextAttemptAt = now, ReplyTo = replyTo,
    };

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Paragraphs(string s) => E(s).Replace("\r\n", "\n").Replace("\n", "<br>\n");

    private static string Html(string inner) =>
        "<!DOCTYPE html><html><body style=\"font-family:-apple-system,Segoe UI,Roboto,sans-serif;font-size:14px;line-height:1.5;color:#222\">" + inner + "</body></html>";
}
