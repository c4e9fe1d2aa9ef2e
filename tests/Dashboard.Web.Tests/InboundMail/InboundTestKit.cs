using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Features.InboundMail;
using Dashboard.Web.Features.Stores;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.InboundMail;

/// <summary>The inbound mail services on a test database, wired as the host wires them.</summary>
public static class InboundTestKit
{
    public static InboundMailOptions Options(long? maxMessageBytes = null) => new()
    {
        ReplyDomain = TestDatabase.ReplyDomain,
        MaxMessageBytes = maxMessageBytes ?? new InboundMailOptions().MaxMessageBytes,
    };

    public static InboundMailProcessor Processor(TestDatabase db, InboundMailOptions? options = null)
    {
        var o = Microsoft.Extensions.Options.Options.Create(options ?? Options());
        return new InboundMailProcessor(db.Factory, db.Clock, db.CaseService(), db.Vault, new ReplyAddress(o), o,
            Microsoft.Extensions.Options.Options.Create(new SmtpOptions()), NullLogger<InboundMailProcessor>.Instance);
    }

    public static InboundMailReview Review(TestDatabase db) =>
        new(db.Factory, new StoreAccess(db.Factory), Processor(db), db.Vault, db.Clock);

    public static Task<InboundMailResult> ProcessAsync(this InboundMailProcessor processor, byte[] raw, string channel = InboundChannel.Webhook) =>
        processor.ProcessAsync(new MemoryStream(raw), channel);

    public static async Task<List<InboundEmail>> InboundAsync(this TestDatabase db)
    {
        await using var context = db.NewContext();
        return await context.InboundEmails.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>The case's timeline as the merchant sees it, oldest first.</summary>
    public static async Task<List<CaseMessage>> TimelineAsync(this TestDatabase db, string caseId)
    {
        await using var context = db.NewContext();
        return await context.CaseMessages.AsNoTracking().Include(m => m.Attachments).Where(m => m.CaseId == caseId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Sequence).ToListAsync();
    }

    public static async Task<SupportCase> CaseAsync(this TestDatabase db, string caseId)
    {
        await using var context = db.NewContext();
        return await context.Cases.AsNoTracking().FirstAsync(c => c.Id == caseId);
    }

    /// <summary>Files kept for held emails (the raw .eml copies).</summary>
    public static IReadOnlyList<string> HeldRawFiles(this TestDatabase db)
    {
        var folder = Path.Combine(db.Directory, "attachments", "inbound");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    /// <summary>A store member (Owner or Agent) who reviews held mail.</summary>
    public static async Task<(string UserId, string Name)> AddMemberAsync(this TestDatabase db, string storeId, string name, StoreRole role = StoreRole.Owner)
    {
        await using var context = db.NewContext();
        var email = name.Replace(' ', '.').ToLowerInvariant() + "@merchant.test";
        var user = new AppUser { UserName = email, Email = email, DisplayName = name, CurrentStoreId = storeId };
        context.Users.Add(user);
        context.StoreMembers.Add(new StoreMember { StoreId = storeId, UserId = user.Id, Role = role });
        await context.SaveChangesAsync();
        return (user.Id, name);
    }

    /// <summary>Waits, on the status's own signal, until <paramref name="condition"/> holds.</summary>
    public static async Task WaitForAsync(this MailboxWatchStatus status, Func<MailboxWatchStatus, bool> condition, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(MailboxWatchStatus s)
        {
            if (condition(s)) reached.TrySetResult();
        }
        status.Changed += Check;
        try
        {
            Check(status);
            await reached.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new ShouldAssertException($"The mailbox watcher stayed {status.State} ({status.Detail}), {status.MessagesRead} read");
        }
        finally
        {
            status.Changed -= Check;
        }
    }
}
