using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Dashboard.Web.Tests.InboundMail;

/// <summary>
/// The raw emails under <c>InboundMail/Fixtures</c> (real clients' replies to a case email), and the
/// case each one answers: a store, its customer with the fixture's sender address, an open case whose
/// reply token or earlier outbox email is the one the fixture names.
/// </summary>
public sealed record MailFixture(string File, string CustomerEmail, string? ReplyToken, string? AnsweredMessageId, string ExpectedText, string AttachmentName)
{
    /// <summary>Gmail (web): multipart/mixed with a PDF, signature after "-- ", "On … wrote:" wrapped over two lines.</summary>
    public static readonly MailFixture Gmail = new("gmail-reply.eml", "bea.buyer@gmail.com", "5f0c2a9e8b7d4c3a1e6f0b9d8c7a6e5f",
        "<msg_Hk3Wq9Zt2Vb6Lm8Rx1Pc.case-reply.Tq5Wn8Kd2Zx4@dashboard.pandabase.example>",
        "Hi Ada,\n\nThanks — the new key works now, Starfall Odyssey activated on the first try.\nI've attached the receipt you asked for.\n\nBea",
        "receipt-NK-10482.pdf");

    /// <summary>Outlook (Microsoft 365): sent to the From address (no reply token), found by In-Reply-To; "From: … Sent: …" history.</summary>
    public static readonly MailFixture Outlook = new("outlook-reply.eml", "theo.customer@outlook.com", null,
        "<msg_Rk2Vb8Wq1Lz5Nc7Xp3Ts.case-reply.H4kP9sT2vQ7m@dashboard.pandabase.example>",
        "Hello,\n\nThe key still shows \"already redeemed\" when I enter it in the launcher. I've attached a screenshot of the error.\n\nCould you check whether it was activated on another account?\n\nKind regards,\nTheo",
        "launcher-error.png");

    /// <summary>Apple Mail (iPhone): an inline image between two HTML parts, "Sent from my iPhone", quoted "On … at …, … wrote:".</summary>
    public static readonly MailFixture AppleMail = new("apple-mail-reply.eml", "mara.lind@icloud.com", "a3d9e1f07b2c4d6e8f9a0b1c2d3e4f50",
        "<msg_Wn5Xq2Vb7Kt1Lz8Rp4Mc.case-reply.J7mQ2xW9pL4s@dashboard.pandabase.example>",
        "Hi,\n\nYes please, refund the second order — I only meant to buy one copy. Here’s my bank statement showing both charges.\n\nThanks!\nMara",
        "bank-statement.png");

    public static IEnumerable<MailFixture> Clients => [Gmail, Outlook, AppleMail];

    /// <summary>For theories: <c>[InlineData("gmail-reply.eml")]</c>.</summary>
    public static MailFixture Named(string file) => Clients.Single(f => f.File == file);

    /// <summary>A Postfix delivery status notification for an email to Bea.</summary>
    public const string Bounce = "bounce.eml";

    public static string PathOf(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "InboundMail", "Fixtures", file);

    public static byte[] Bytes(string file) => System.IO.File.ReadAllBytes(PathOf(file));

    public byte[] Bytes() => Bytes(File);

    public MimeMessage Message() => MimeMessage.Load(PathOf(File));

    /// <summary>The case this email answers: store, customer and open case set up so the fixture matches.</summary>
    public async Task<SupportCase> CaseAsync(TestDatabase db, string storeName = "Northwind Keys")
    {
        var (store, customer, order) = await db.AddStoreAsync(storeName);
        await using var context = db.NewContext();
        await context.Customers.Where(c => c.Id == customer.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Email, CustomerEmail));
        var opened = await db.OpenCaseAsync(store.Id, order.Id);
        if (ReplyToken is not null)
            await context.Cases.Where(c => c.Id == opened.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReplyToken, ReplyToken));
        if (AnsweredMessageId is not null)
        {
            // The merchant's answer the customer replies to: its outbox email gets the Message-ID the fixture names.
            var reply = await db.CaseService().ReplyAsync(store.Id, opened.Id, Actor.Merchant("Ada Merchant", "user-ada"), "Could you send us a screenshot?");
            reply.Outcome.ShouldBe(CaseOutcome.Ok);
            var sent = await context.Outbox.Where(o => o.CaseId == opened.Id && o.ToAddress == CustomerEmail).OrderByDescending(o => o.Id).FirstAsync();
            await context.Outbox.Where(o => o.Id == sent.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.MessageIdHeader, AnsweredMessageId));
        }
        return await context.Cases.AsNoTracking().FirstAsync(c => c.Id == opened.Id);
    }

    public override string ToString() => File;
}
