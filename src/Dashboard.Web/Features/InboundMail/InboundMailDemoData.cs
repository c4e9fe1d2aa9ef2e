using Dashboard.Data;
using Dashboard.Domain;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Dashboard.Web.Features.InboundMail;

/// <summary>
/// A few emailed replies for the demo, sent through the real <see cref="InboundMailProcessor"/>: one
/// posted to a Northwind case, one from an address that is not the customer's (held), an
/// out-of-office (ignored) and one that answers no case (held, platform support only). Called once at
/// the end of the demo seed; needs a reply domain (Development sets <c>reply.localhost</c>).
/// </summary>
public sealed class InboundMailDemoData(InboundMailProcessor processor, ReplyAddress replyAddress, TimeProvider clock, ILogger<InboundMailDemoData> logger)
{
    public async Task SeedAsync(DashboardDbContext db, string storeId, CancellationToken ct = default)
    {
        var cases = await db.Cases.AsNoTracking().Include(c => c.Customer)
            .Where(c => c.StoreId == storeId && c.Status == CaseStatus.AwaitingCustomer)
            .OrderByDescending(c => c.LastMessageAt).ThenBy(c => c.Id).Take(2).ToListAsync(ct);
        if (cases.Count < 2 || replyAddress.For(cases[0]) is null) return;
        var (answered, other) = (cases[0], cases[1]);
        var now = clock.GetUtcNow();

        var reply = Email(answered.Customer.DisplayName, answered.Customer.Email, replyAddress.For(answered)!, $"Re: {answered.Subject} [{answered.Id}]", now.AddMinutes(-40),
            "Thanks, that did it: the key activated fine.\n\nOne more thing: can I move it to my other Steam account later?\n\nOn Monday, the store wrote:\n> Here is a fresh key for you.");
        var fromWork = Email(other.Customer.DisplayName, "it-desk@contoso-corp.example", replyAddress.For(other)!, $"Re: {other.Subject} [{other.Id}]", now.AddMinutes(-25),
            "Hello, I am writing from my work address: the download link still fails with error 403.\n\n-- \nSent from the IT desk");
        var outOfOffice = Email(answered.Customer.DisplayName, answered.Customer.Email, replyAddress.For(answered)!, $"Automatic reply: {answered.Subject}", now.AddMinutes(-20),
            "I am out of the office until Monday and will read your message when I am back.");
        outOfOffice.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        var stray = Email("Kim Lee", "kim.lee@example.net", "help@pandabase.example", "Do you sell gift cards?", now.AddMinutes(-10),
            "Hi, I would like to buy a gift card for a friend. Is that possible?");

        foreach (var message in new[] { reply, fromWork, outOfOffice, stray })
        {
            using var raw = new MemoryStream();
            await message.WriteToAsync(raw, ct);
            var result = await processor.ProcessAsync(raw, InboundChannel.Webhook, ct);
            logger.LogInformation("Demo email \"{Subject}\": {Outcome}", message.Subject, result.Outcome);
        }
    }

    private static MimeMessage Email(string fromName, string from, string to, string subject, DateTimeOffset date, string text)
    {
        var message = new MimeMessage { Subject = subject, Date = date, MessageId = $"demo.{Ids.New("", 16)}@mail.example" };
        message.From.Add(new MailboxAddress(fromName, from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}
