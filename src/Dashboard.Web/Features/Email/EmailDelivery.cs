using Dashboard.Data;
using Dashboard.Data.Entities;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dashboard.Web.Features.Email;

/// <summary>Delivers outbox emails. One instance per batch (an SMTP connection is reused within it).</summary>
public interface IEmailDelivery : IAsyncDisposable
{
    Task DeliverAsync(OutboxEmail email, CancellationToken ct);
}

public sealed class EmailDeliveryFactory(IOptions<SmtpOptions> smtp, IOptions<DataDirectoryOptions> data)
{
    public IEmailDelivery Create() => smtp.Value.Configured ? new SmtpDelivery(smtp.Value) : new EmlFileDelivery(smtp.Value, EmlDirectory);

    /// <summary>Where emails go with no SMTP configured: <c>{DataDirectory}/outbox-eml/</c>.</summary>
    public string EmlDirectory => Path.Combine(data.Value.FullPath, "outbox-eml");
}

public static class OutboxMime
{
    /// <summary>The real MIME message: multipart/alternative (text + HTML) with the threading headers.</summary>
    public static MimeMessage Build(OutboxEmail e, SmtpOptions smtp)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(e.FromName, smtp.From));
        message.To.Add(new MailboxAddress(e.ToName ?? "", e.ToAddress));
        message.Subject = e.Subject;
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(e.CreatedAt, DateTimeKind.Utc));
        message.MessageId = Bare(e.MessageIdHeader);
        if (!string.IsNullOrEmpty(e.InReplyTo)) message.InReplyTo = Bare(e.InReplyTo);
        if (!string.IsNullOrEmpty(e.References))
            foreach (var id in e.References.Split(' ', StringSplitOptions.RemoveEmptyEntries)) message.References.Add(Bare(id));
        // Answers go to the case's reply address (Features/InboundMail); without one, to From, matched by In-Reply-To.
        if (!string.IsNullOrEmpty(e.ReplyTo)) message.ReplyTo.Add(new MailboxAddress(e.FromName, e.ReplyTo));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (e.CaseId is not null) message.Headers.Add("X-Case-Id", e.CaseId);
        message.Body = new BodyBuilder { TextBody = e.TextBody, HtmlBody = e.HtmlBody }.ToMessageBody();
        return message;
    }

    private static string Bare(string id) => id.Trim().TrimStart('<').TrimEnd('>');
}

public sealed class SmtpDelivery(SmtpOptions options) : IEmailDelivery
{
    private SmtpClient? _client;

    public async Task DeliverAsync(OutboxEmail email, CancellationToken ct)
    {
        var client = _client ??= new SmtpClient { Timeout = 30_000 };
        if (!client.IsConnected)
        {
            await client.ConnectAsync(options.Host!, options.Port, options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(options.User)) await client.AuthenticateAsync(options.User, options.Password ?? "", ct);
        }
        await client.SendAsync(OutboxMime.Build(email, options), ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is null) return;
        try { if (_client.IsConnected) await _client.DisconnectAsync(quit: true); } catch (Exception) { /* the batch is done either way */ }
        _client.Dispose();
    }
}

/// <summary>No SMTP configured: each email becomes <c>{id}-{kind}.eml</c> (rewriting the same file on a retry).</summary>
public sealed class EmlFileDelivery(SmtpOptions options, string directory) : IEmailDelivery
{
    public async Task DeliverAsync(OutboxEmail email, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{email.Id:D8}-{email.Kind}.eml");
        var temp = path + ".tmp";
        await using (var file = File.Create(temp))
            await OutboxMime.Build(email, options).WriteToAsync(file, ct);
        File.Move(temp, path, overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
