using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Automation;
using Dashboard.Web.Features.Cases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Seed;

/// <summary>
/// Seeds two demo stores with customers, orders and 200+ cases whose threads were played through
/// <see cref="CaseWorkflow"/>, so every status, trail line and counter is one the product could produce.
/// Runs once: it does nothing when a store already exists.
/// </summary>
public sealed class DemoDataSeeder(
    IDbContextFactory<DashboardDbContext> dbFactory,
    UserManager<AppUser> users,
    IUserStore<AppUser> userStore,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger,
    Attachments.AttachmentDemoData attachmentDemo,
    InboundMail.InboundMailDemoData inboundMailDemo)
{
    private readonly Random _random = new(2026);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Stores.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;

        var northwind = new Store { Id = DemoAccounts.NorthwindStoreId, Name = "Northwind Keys", NotificationEmail = "support@northwind.test", DefaultCurrency = "USD", CreatedAt = now.AddYears(-2) };
        var contoso = new Store { Id = DemoAccounts.ContosoStoreId, Name = "Contoso Games", NotificationEmail = "help@contoso.test", DefaultCurrency = "EUR", CreatedAt = now.AddYears(-1), AutoReplyEnabled = true, AutoReplyText = DemoAccounts.ContosoAutoReply };
        db.Stores.AddRange(northwind, contoso);
        db.CaseCounts.AddRange(new StoreCaseCounts { StoreId = northwind.Id }, new StoreCaseCounts { StoreId = contoso.Id });
        await db.SaveChangesAsync(ct);

        foreach (var account in DemoAccounts.All)
        {
            var user = new AppUser
            {
                UserName = account.Email, Email = account.Email, EmailConfirmed = true,
                DisplayName = account.DisplayName, IsPlatformSupport = account.PlatformSupport, CurrentStoreId = account.StoreId,
            };
            var created = await users.CreateAsync(user, DemoAccounts.Password);
            if (!created.Succeeded) throw new InvalidOperationException("Demo user: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            if (account.AuthenticatorKey is { } key) await TurnOnDemoTwoFactorAsync(user, key, ct);
            if (account.StoreId is not null)
                db.StoreMembers.Add(new StoreMember { StoreId = account.StoreId, UserId = user.Id, Role = account.Role!.Value });
        }
        await db.SaveChangesAsync(ct);

        var merchants = DemoAccounts.All.Where(a => a.StoreId is not null).ToLookup(a => a.StoreId!, a => a.DisplayName);
        SeedStore(db, northwind, DemoCatalog.NorthwindProducts, customers: 26, cases: 130, "NK", merchants[northwind.Id].ToArray(), now);
        SeedStore(db, contoso, DemoCatalog.ContosoProducts, customers: 22, cases: 95, "CG", merchants[contoso.Id].ToArray(), now);
        SeedPortalCustomers(db, northwind, contoso, merchants[northwind.Id].First(), merchants[contoso.Id].First(), now);
        await db.SaveChangesAsync(ct);
        await CaseCounters.RecalculateAsync(db, northwind.Id, ct);
        await CaseCounters.RecalculateAsync(db, contoso.Id, ct);
        await Api.ApiTokenSeed.AddDemoTokensAsync(db, now, ct);
        await Tickets.TicketDemoData.AddAsync(db, now, ct);
        await Licences.DemoLicencePool.AddAsync(db, now, ct);
        SavedReplies.SavedReplyDemoData.Add(db, now);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded demo data: {Cases} cases in 2 stores", await db.Cases.CountAsync(ct));
        await attachmentDemo.SeedAsync(db, ct);
        await inboundMailDemo.SeedAsync(db, northwind.Id, ct);
    }

    private void SeedStore(DashboardDbContext db, Store store, DemoCatalog.Product[] products, int customers, int cases,
        string orderPrefix, string[] merchantNames, DateTime now)
    {
        var customerList = new List<Customer>();
        var orders = new List<Order>();
        var orderNumber = 10400;
        for (var i = 0; i < customers; i++)
        {
            var first = Pick(DemoCatalog.FirstNames);
            var last = Pick(DemoCatalog.LastNames);
            var customer = new Customer
            {
                StoreId = store.Id, FirstName = first, LastName = last,
                Email = $"{first}.{last}{(i % 3 == 0 ? i.ToString() : "")}@{Pick(DemoCatalog.EmailDomains)}".ToLowerInvariant(),
                Guest = i % 7 == 0, CreatedAt = now.AddDays(-_random.Next(60, 500)),
            };
            customerList.Add(customer);
            for (var k = 0; k < 2 + _random.Next(3); k++)
                orders.Add(NewOrder(store, customer, products, $"{orderPrefix}-{orderNumber++}", now));
        }
        db.Customers.AddRange(customerList);
        db.Orders.AddRange(orders);

        var completed = orders.Where(o => o.Status == OrderStatus.Completed).ToList();
        for (var i = 0; i < cases; i++)
        {
            var order = completed[_random.Next(completed.Count)];
            var customer = customerList.First(c => c.Id == order.CustomerId);
            // Case 3 becomes the escalated refund dispute: give it the refund topic so its thread fits.
            var topic = i == 3 ? DemoCatalog.Topics[2] : DemoCatalog.Topics[_random.Next(DemoCatalog.Topics.Length)];
            PlayCase(db, store, order, customer, topic, Pick(merchantNames), now, i);
        }
    }

    /// <summary>
    /// The portal's demo customers (<see cref="DemoAccounts.PortalCustomers"/>), added after the stores'
    /// random customers so those stay as they were. Alex bought at both stores (one row per store, the
    /// email typed differently at each, as people do) and has a case at each; Sam has orders and no case.
    /// </summary>
    private void SeedPortalCustomers(DashboardDbContext db, Store northwind, Store contoso, string northwindMerchant, string contosoMerchant, DateTime now)
    {
        var alexNorthwind = PortalCustomer(northwind, DemoAccounts.Alex, DemoAccounts.Alex.Email, now);
        var alexContoso = PortalCustomer(contoso, DemoAccounts.Alex, "Alex.Morgan@Example.com", now);
        var sam = PortalCustomer(northwind, DemoAccounts.Sam, DemoAccounts.Sam.Email, now);
        db.Customers.AddRange(alexNorthwind, alexContoso, sam);

        var licenceLate = PortalOrder(northwind, alexNorthwind, DemoCatalog.NorthwindProducts, "NK-20001", OrderStatus.Completed, now.AddDays(-20));
        var processing = PortalOrder(northwind, alexNorthwind, DemoCatalog.NorthwindProducts, "NK-20002", OrderStatus.Processing, now.AddHours(-3));
        var download = PortalOrder(contoso, alexContoso, DemoCatalog.ContosoProducts, "CG-20001", OrderStatus.Completed, now.AddDays(-18));
        db.Orders.AddRange(licenceLate, processing, download,
            PortalOrder(contoso, alexContoso, DemoCatalog.ContosoProducts, "CG-20002", OrderStatus.Completed, now.AddDays(-30)),
            PortalOrder(contoso, alexContoso, DemoCatalog.ContosoProducts, "CG-20003", OrderStatus.Pending, now.AddMinutes(-40)),
            PortalOrder(contoso, alexContoso, DemoCatalog.ContosoProducts, "CG-20004", OrderStatus.Refunded, now.AddDays(-75)),
            PortalOrder(northwind, sam, DemoCatalog.NorthwindProducts, "NK-20003", OrderStatus.Completed, now.AddDays(-2)),
            PortalOrder(northwind, sam, DemoCatalog.NorthwindProducts, "NK-20004", OrderStatus.Completed, now.AddDays(-45)),
            PortalOrder(northwind, sam, DemoCatalog.NorthwindProducts, "NK-20005", OrderStatus.Pending, now.AddHours(-1)));

        // Northwind answered Alex (waiting for Alex); Alex wrote to Contoso last (waiting for Contoso).
        PlayCase(db, northwind, licenceLate, alexNorthwind, DemoCatalog.Topics[0], northwindMerchant, now, index: 1000, CaseStatus.AwaitingCustomer);
        PlayCase(db, contoso, download, alexContoso, DemoCatalog.Topics[1], contosoMerchant, now, index: 1001, CaseStatus.AwaitingMerchant);
    }

    private static Customer PortalCustomer(Store store, DemoAccounts.PortalCustomer who, string emailAsTyped, DateTime now) => new()
    {
        StoreId = store.Id, FirstName = who.FirstName, LastName = who.LastName, Email = emailAsTyped, CreatedAt = now.AddDays(-120),
    };

    /// <summary>A demo order with a chosen status and date; only a completed order carries delivered licences.</summary>
    private Order PortalOrder(Store store, Customer customer, DemoCatalog.Product[] products, string number, OrderStatus status, DateTime created)
    {
        var order = NewOrder(store, customer, products, number, created);
        order.Status = status;
        order.CreatedAt = created;
        order.UpdatedAt = created.AddMinutes(3);
        order.Payment!.CreatedAt = created;
        order.Payment.Status = status switch
        {
            OrderStatus.Completed => PaymentStatus.Succeeded,
            OrderStatus.Refunded => PaymentStatus.Refunded,
            _ => PaymentStatus.Pending,
        };
        foreach (var licence in order.Licenses)
        {
            if (status != OrderStatus.Completed)
                (licence.Status, licence.ClaimedAt) = (status == OrderStatus.Refunded ? LicenseStatus.Revoked : LicenseStatus.Available, null);
            else if (licence.ClaimedAt is not null)
                licence.ClaimedAt = created.AddMinutes(12);
        }
        return order;
    }

    private Order NewOrder(Store store, Customer customer, DemoCatalog.Product[] products, string number, DateTime now)
    {
        var created = now.AddDays(-_random.Next(1, 120)).AddMinutes(-_random.Next(1440));
        var order = new Order
        {
            StoreId = store.Id, CustomerId = customer.Id, Customer = customer, OrderNumber = number,
            Status = _random.Next(10) == 0 ? OrderStatus.Refunded : OrderStatus.Completed,
            Currency = store.DefaultCurrency, Gateway = _random.Next(3) == 0 ? "paypal" : "stripe",
            CreatedAt = created, UpdatedAt = created.AddMinutes(3), ReturnUrl = $"https://{store.Name.Replace(" ", "").ToLowerInvariant()}.example/thanks",
            CustomFieldsJson = _random.Next(4) == 0 ? """{"discordUsername":"player#1234"}""" : "{}",
            BillingAddress = new BillingAddress
            {
                AddressLine1 = $"{_random.Next(1, 220)} {Pick(["Harbour Street", "Maple Avenue", "Kings Road", "Rue des Lilas", "Birkenweg", "Via Roma"])}",
                City = Pick(["Leeds", "Portland", "Lyon", "Hamburg", "Turin", "Austin", "Gothenburg"]),
                PostalCode = _random.Next(10000, 99999).ToString(),
                Country = Pick(["GB", "US", "FR", "DE", "IT", "SE"]),
            },
        };
        var itemCount = 1 + (_random.Next(4) == 0 ? 1 : 0) + (_random.Next(10) == 0 ? 1 : 0);
        foreach (var product in products.OrderBy(_ => _random.Next()).Take(itemCount))
        {
            var quantity = _random.Next(6) == 0 ? 2 : 1;
            order.Items.Add(new OrderItem { OrderId = order.Id, ProductId = product.Id, Name = product.Name, Quantity = quantity, Price = product.Price });
            for (var q = 0; q < quantity; q++)
            {
                var claimed = _random.Next(4) != 0;
                order.Licenses.Add(new License
                {
                    OrderId = order.Id, ProductId = product.Id, Key = LicenceKey(),
                    Status = order.Status == OrderStatus.Refunded ? LicenseStatus.Revoked : claimed ? LicenseStatus.Claimed : LicenseStatus.Available,
                    ClaimedAt = claimed ? created.AddMinutes(_random.Next(5, 600)) : null,
                });
            }
        }
        order.Amount = order.Items.Sum(i => i.Price * i.Quantity);
        var discount = _random.Next(5) == 0 ? order.Amount / 10 : 0;
        order.Discounted = discount > 0;
        order.DiscountCode = discount > 0 ? "WELCOME10" : null;
        order.Amount -= discount;
        var tax = order.Amount / 5;
        order.Payment = new Payment
        {
            ReferenceId = (order.Gateway == "paypal" ? "PAYID-" : "pi_") + Ids.New("", 18),
            Amount = order.Amount, DiscountAmount = discount, TaxAmount = tax, TotalAmount = order.Amount,
            PlatformFeeAmount = order.Amount * 5 / 100, PspFeeAmount = order.Amount * 29 / 1000 + 30,
            SettledAmount = order.Status == OrderStatus.Refunded ? 0 : order.Amount - order.Amount * 5 / 100 - (order.Amount * 29 / 1000 + 30),
            Status = order.Status == OrderStatus.Refunded ? PaymentStatus.Refunded : PaymentStatus.Succeeded,
            PspProvider = order.Gateway, CouponCode = order.DiscountCode, CreatedAt = created,
        };
        return order;
    }

    /// <summary>One step of a scripted conversation: how long after the previous one, and what happens.</summary>
    private sealed record Step(TimeSpan After, CaseTrigger Trigger, AuthorKind? Kind = null, string? Name = null, string? Body = null);

    /// <summary>
    /// Scripts one conversation to a chosen final status, then plays it through the state machine at
    /// times that end before <paramref name="now"/>: the script is written first so its length is known
    /// and the case can start early enough. Nothing is adjusted after playing, so the stored case is
    /// exactly what its timeline produces (a test replays every seeded timeline to check).
    /// </summary>
    private void PlayCase(DashboardDbContext db, Store store, Order order, Customer customer, DemoCatalog.Topic topic,
        string merchant, DateTime now, int index, CaseStatus? finalStatus = null)
    {
        string Fill(string s) => s.Replace("{product}", order.Items[0].Name).Replace("{order}", order.OrderNumber);
        var target = finalStatus ?? index switch
        {
            _ when index % 20 < 5 => CaseStatus.AwaitingMerchant,
            _ when index % 20 < 8 => CaseStatus.Open,
            _ when index % 20 < 13 => CaseStatus.AwaitingCustomer,
            _ => CaseStatus.Closed,
        };
        var priority = _random.Next(10) switch { 0 or 1 => CasePriority.Low, 7 or 8 => CasePriority.High, 9 => CasePriority.Urgent, _ => CasePriority.Normal };

        var steps = new List<Step>();
        TimeSpan Gap() => TimeSpan.FromMinutes(_random.Next(20, 60 * 20));
        void MerchantReply() => steps.Add(new(Gap(), new CaseTrigger.MerchantReplies(merchant), AuthorKind.Merchant, merchant, Fill(Pick(topic.MerchantReplies))));
        void CustomerReply(string? body = null) =>
            steps.Add(new(Gap(), new CaseTrigger.CustomerReplies(), AuthorKind.Customer, customer.DisplayName, body ?? Fill(Pick(topic.CustomerFollowUps))));
        var periods = store.AutoClosePeriods;

        var rounds = _random.Next(3);
        switch (target)
        {
            case CaseStatus.Open:
                if (_random.Next(2) == 0) steps.Add(new(Gap(), new CaseTrigger.MerchantMarksRead()));
                break;
            case CaseStatus.AwaitingMerchant:
                for (var r = 0; r < rounds; r++) { MerchantReply(); CustomerReply(); }
                if (rounds == 0) CustomerReply();
                break;
            case CaseStatus.AwaitingCustomer:
                for (var r = 0; r < rounds; r++) { MerchantReply(); CustomerReply(); }
                MerchantReply();
                break;
            case CaseStatus.Closed:
                for (var r = 0; r < rounds; r++) { MerchantReply(); CustomerReply(); }
                MerchantReply();
                switch (_random.Next(3))
                {
                    case 0: steps.Add(new(Gap(), new CaseTrigger.MerchantUpdates(merchant, null, CaseStatus.Closed))); break;
                    case 1: steps.Add(new(Gap(), new CaseTrigger.CustomerCloses())); break;
                    default:
                        // Left waiting: the auto-close job warned the customer, then closed the case when the warning ran out.
                        if (periods.Warns)
                        {
                            steps.Add(new(periods.Idle - periods.Warning + Gap(), new CaseTrigger.AutoCloseWarns(periods)));
                            steps.Add(new(periods.Warning, new CaseTrigger.AutoClose(periods)));
                        }
                        else steps.Add(new(periods.Idle + Gap(), new CaseTrigger.AutoClose(periods)));
                        break;
                }
                break;
        }
        if (index % 37 == 5 && target != CaseStatus.Closed)
            steps.Add(new(Gap(), new CaseTrigger.EscalationSignal(EscalationSignalKind.DisputeRisk, Pick(DemoCatalog.EscalationReasons))));
        if (index == 3)
        {
            // The escalated case: a refund disagreement where platform support steps in.
            if (target == CaseStatus.Closed) CustomerReply("This is not resolved.");
            steps.Add(new(Gap(), new CaseTrigger.EscalationSignal(EscalationSignalKind.DisputeRisk, "Dispute risk: the customer told their bank they intend to dispute the order")));
            steps.Add(new(Gap(), new CaseTrigger.SupportPosts(), AuthorKind.Support, CaseWorkflow.SupportBrand,
                Fill("Hello both, this is Pandabase Support. The customer has told their bank they intend to dispute {order}. Merchant: could you confirm whether the licence was activated? Customer: please hold off on the dispute for 48 hours while we look into it; we will make sure this is resolved fairly.")));
        }

        // Closed cases ended long ago; the others had their last event recently.
        var end = now.AddMinutes(-(target == CaseStatus.Closed ? _random.Next(200 * 60, 1400 * 60) : _random.Next(30, 400 * 60)));
        var t = end - steps.Aggregate(TimeSpan.Zero, (sum, step) => sum + step.After);
        var c = new SupportCase
        {
            StoreId = store.Id, CustomerId = customer.Id, OrderId = order.Id, CreatedAt = t,
            Subject = index == 3 ? Fill("Refund not received for {order}, opening a dispute") : Fill(topic.Subject),
        };
        c.Apply(CaseWorkflow.Open(priority, t));
        var sequence = 0;
        var messages = new List<CaseMessage> { Message(c, AuthorKind.Customer, customer.DisplayName, Fill(topic.Opening), t, sequence++) };
        // What SendAutoReplyHandler writes when a customer opens a case at a store with an auto-reply.
        if (AutoReplies.Entry(store, c, customer, order, t, sequence) is { } autoReply)
        {
            messages.Add(autoReply);
            sequence++;
        }

        foreach (var step in steps)
        {
            t += step.After;
            Play(step.Trigger, t, step.Kind, step.Name, step.Body);
        }
        // A case left awaiting the customer long enough was warned, then closed, as the auto-close job does.
        CatchUpAutoClose(now);

        db.Cases.Add(c);
        db.CaseMessages.AddRange(messages);

        void Play(CaseTrigger trigger, DateTime at, AuthorKind? kind = null, string? name = null, string? body = null)
        {
            var decision = CaseWorkflow.Apply(c.ToState(), trigger, at);
            c.Apply(decision.NewState);
            if (decision.AppendsMessage) messages.Add(Message(c, kind!.Value, name!, body!, at, sequence++));
            foreach (var line in decision.TrailLines) messages.Add(Message(c, AuthorKind.System, Actor.System.DisplayName, line.Text, at, sequence++, line.Kind));
            // What CaseService.RaiseSignalAsync records beside the trail line: the console's signal badge.
            if (trigger is CaseTrigger.EscalationSignal signal && decision.IsAllowed)
                db.CaseSignals.Add(new CaseSignal { CaseId = c.Id, StoreId = c.StoreId, Kind = signal.Kind, Reason = signal.Reason, Source = "demo", At = at });
        }

        // Each step the auto-close job owes the case until `until`, at the moment it fell due.
        void CatchUpAutoClose(DateTime until)
        {
            for (var state = c.ToState(); state.Status == CaseStatus.AwaitingCustomer; state = c.ToState())
            {
                var warn = periods.Warns && state.AutoCloseWarnedAt is null;
                var due = warn ? periods.WarningDueAt(state.LastActivityAt) : periods.CloseDueAt(state.LastActivityAt, state.AutoCloseWarnedAt)!.Value;
                if (due > until) return;
                Play(warn ? new CaseTrigger.AutoCloseWarns(periods) : new CaseTrigger.AutoClose(periods), due);
            }
        }
    }

    private static CaseMessage Message(SupportCase c, AuthorKind kind, string name, string body, DateTime at, int sequence,
        CaseEntryKind entryKind = CaseEntryKind.Message) => new()
    {
        CaseId = c.Id, StoreId = c.StoreId, Kind = entryKind, AuthorKind = kind, AuthorName = name, Body = body, CreatedAt = at, Sequence = sequence,
    };

    private string LicenceKey() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => new string(Enumerable.Range(0, 5).Select(_ => "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[_random.Next(32)]).ToArray())));

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Platform support must use two-factor sign-in: the demo support account has it on, with the published demo key.</summary>
    private async Task TurnOnDemoTwoFactorAsync(AppUser user, string key, CancellationToken ct)
    {
        await ((IUserAuthenticatorKeyStore<AppUser>)userStore).SetAuthenticatorKeyAsync(user, key, ct);
        await users.SetTwoFactorEnabledAsync(user, true);
    }
}
