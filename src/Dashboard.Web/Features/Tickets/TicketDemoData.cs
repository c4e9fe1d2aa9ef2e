using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Seed;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Tickets;

/// <summary>
/// Platform support tickets of the demo stores, in every status, played through <see cref="TicketWorkflow"/>
/// so each one is a state the product could reach: support answers, a reopen by reply, a merchant close,
/// a ticket opened through the API, and a staff note (seen by support only).
/// </summary>
public static class TicketDemoData
{
    private enum Step { Merchant, Support, Note, MerchantCloses, SupportCloses }

    private sealed record Line(Step Step, string Body = "", string? Author = null, double HoursLater = 1);

    private sealed record Script(string StoreId, string Author, TicketCategory Category, TicketSeverity Severity, double HoursAgo,
        string Subject, string Opening, params Line[] Lines);

    private const string Support = "Jordan Reyes";

    private static readonly Script[] Scripts =
    [
        new(DemoAccounts.NorthwindStoreId, "Nadia Holm", TicketCategory.BillingPlans, TicketSeverity.High, 5,
            "Payouts delayed after we changed our bank account",
            "We updated the payout bank account last Monday and no payout has arrived since. The dashboard says \"pending\" for 3 payouts (about 4,200 USD in total). Could you check whether the new account was verified?",
            new Line(Step.Note, "Bank verification stuck at the micro-deposit step; asked finance to confirm.", Support, 0.5)),
        new(DemoAccounts.NorthwindStoreId, "Theo Park", TicketCategory.DomainsSetup, TicketSeverity.Critical, 30,
            "Custom domain shows a certificate warning",
            "Since this morning keys.northwind.example shows \"Your connection is not private\" in Chrome. Customers cannot check out. DNS has not changed on our side.",
            new Line(Step.Support, "Thanks for the quick report. The certificate renewal failed because of a CAA record on your domain. We have renewed it manually; it can take up to 10 minutes to reach every region. Please add \"letsencrypt.org\" to your CAA record so it renews by itself next time.", HoursLater: 2)),
        new(DemoAccounts.NorthwindStoreId, "Nadia Holm", TicketCategory.ProductsCatalog, TicketSeverity.Normal, 24 * 9,
            "How do we bulk import licence keys?",
            "We have 2,000 keys for a new product in a CSV file. Is there a way to import them at once instead of pasting them one by one?",
            new Line(Step.Support, "Yes: Products → your product → Licences → Import CSV. One key per line, up to 10,000 per file. Duplicates are skipped and listed after the import.", HoursLater: 3),
            new Line(Step.Merchant, "Worked perfectly, thank you!", HoursLater: 1),
            new Line(Step.MerchantCloses, HoursLater: 0.1)),
        new(DemoAccounts.NorthwindStoreId, "API", TicketCategory.OrdersPayments, TicketSeverity.High, 50,
            "Refund button greyed out on PayPal orders",
            "Our integration reports that orders paid with PayPal cannot be refunded from the dashboard: the Refund button is disabled for NK-10412 and NK-10419.",
            new Line(Step.Support, "PayPal refunds are only possible within 180 days of the payment and need the PayPal account to stay connected. Both orders are within the window; could you reconnect PayPal under Settings → Payments and try again?", HoursLater: 4),
            new Line(Step.Merchant, "We reconnected PayPal but the button is still disabled for NK-10419.", "Theo Park", HoursLater: 20)),
        new(DemoAccounts.NorthwindStoreId, "Theo Park", TicketCategory.StoreBuilder, TicketSeverity.Low, 24 * 4,
            "Footer links are not saved in the store builder",
            "When I add a link to the footer and press Save, the page reloads without the new link. Tried in Firefox and Chrome.",
            new Line(Step.Support, "We could reproduce it: links without https:// were dropped silently. A fix ships tomorrow; until then, enter the full address including https://.", HoursLater: 6)),
        new(DemoAccounts.ContosoStoreId, "Clara Diaz", TicketCategory.BillingPlans, TicketSeverity.High, 2,
            "VAT missing on invoices to EU customers",
            "Invoices for customers in Germany and France show 0% VAT since we moved to the Growth plan. Our accountant needs corrected invoices for November."),
        new(DemoAccounts.ContosoStoreId, "Clara Diaz", TicketCategory.StoreBuilder, TicketSeverity.Normal, 72,
            "Checkout page is slow on mobile",
            "Our checkout takes 8–10 seconds to load on phones. On desktop it is fine. Is something heavy loading there?",
            new Line(Step.Support, "Your checkout loads a 6 MB header image. We have compressed it for you (now 180 KB); load time on a mid-range phone is down to 1.4 s. Let us know if it is still slow for your customers.", HoursLater: 5)),
        new(DemoAccounts.ContosoStoreId, "Clara Diaz", TicketCategory.Other, TicketSeverity.Low, 24 * 20,
            "Change the store's default currency",
            "Can we switch the default currency from EUR to USD without losing past orders?",
            new Line(Step.Support, "Yes, past orders keep the currency they were paid in. Change it under Settings → Store → Currency.", HoursLater: 2),
            new Line(Step.SupportCloses, HoursLater: 24 * 7)),
    ];

    /// <summary>Adds the demo tickets and each store's counter to <paramref name="db"/> (saved by the caller); the demo users exist already.</summary>
    public static async Task AddAsync(DashboardDbContext db, DateTime now, CancellationToken ct = default)
    {
        // Members write under their user id (the thread says "You" to its author); "API" has none.
        var userIds = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.DisplayName, u => u.Id, ct);
        foreach (var store in Scripts.GroupBy(s => s.StoreId))
        {
            var number = 0;
            // Oldest first, so numbers count up with time as they would have.
            foreach (var script in store.OrderByDescending(s => s.HoursAgo))
                Play(db, script, ++number, now, userIds);
            db.TicketCounters.Add(new TicketCounter { StoreId = store.Key, LastNumber = number });
        }
    }

    private static void Play(DashboardDbContext db, Script script, int number, DateTime now, IReadOnlyDictionary<string, string> userIds)
    {
        var t = now.AddHours(-script.HoursAgo);
        var ticket = new SupportTicket
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(t)), StoreId = script.StoreId, Number = number, Subject = script.Subject,
            Category = script.Category, Severity = script.Severity, CreatedAt = t, Version = 1,
            OpenedByUserId = userIds.GetValueOrDefault(script.Author),
        };
        ticket.Apply(TicketWorkflow.Open(t));
        var sequence = 0;
        db.Tickets.Add(ticket);
        Entry(TicketEntryKind.Message, AuthorKind.Merchant, script.Author, script.Opening);

        foreach (var line in script.Lines)
        {
            t = t.AddHours(line.HoursLater);
            if (t > now) t = now;
            TicketTrigger trigger = line.Step switch
            {
                Step.Merchant => new TicketTrigger.MerchantReplies(),
                Step.Support => new TicketTrigger.SupportAnswers(),
                Step.Note => new TicketTrigger.SupportAddsNote(),
                Step.MerchantCloses => new TicketTrigger.MerchantSetsStatus(TicketStatus.Closed),
                Step.SupportCloses => new TicketTrigger.SupportCloses(),
                _ => throw new ArgumentOutOfRangeException(nameof(script), line.Step, null),
            };
            var decision = TicketWorkflow.Apply(ticket.ToState(), trigger, t);
            if (decision.Changed)
            {
                ticket.Apply(decision.NewState);
                ticket.Version++;
            }
            if (decision.Appends is { } kind)
            {
                var (authorKind, label) = line.Step == Step.Merchant
                    ? (AuthorKind.Merchant, line.Author ?? script.Author)
                    : (AuthorKind.Support, kind == TicketEntryKind.StaffNote ? line.Author ?? Support : TicketWorkflow.SupportBrand);
                Entry(kind, authorKind, label, line.Body);
            }
        }

        void Entry(TicketEntryKind kind, AuthorKind authorKind, string label, string body) => db.TicketMessages.Add(new TicketMessage
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(t)), TicketId = ticket.Id, StoreId = ticket.StoreId, Kind = kind,
            AuthorKind = authorKind, AuthorLabel = label, AuthorUserId = userIds.GetValueOrDefault(kind == TicketEntryKind.StaffNote ? Support : label),
            Body = body, CreatedAt = t, Sequence = sequence++,
        });
    }
}
