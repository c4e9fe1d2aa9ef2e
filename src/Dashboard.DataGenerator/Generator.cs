using System.Diagnostics;
using System.Text.Json;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.DataGenerator;

/// <summary>What the generator made; also written beside the database as <c>&lt;db&gt;.meta.json</c> for the benchmarks.</summary>
public sealed record GeneratedDataSet(
    int Stores, int Cases, long Messages, long Customers, long Orders, int Seed,
    string LargestStoreId, int LargestStoreCases, string SearchWord, string HeavyCaseId, int HeavyCaseMessages,
    double Seconds, long Bytes, IReadOnlyList<GeneratedAccount>? Accounts = null)
{
    public static string MetaPath(string databasePath) => databasePath + ".meta.json";

    public static GeneratedDataSet? TryRead(string databasePath) =>
        File.Exists(MetaPath(databasePath)) ? JsonSerializer.Deserialize<GeneratedDataSet>(File.ReadAllText(MetaPath(databasePath))) : null;

    public override string ToString() =>
        $"{Cases:N0} cases, {Messages:N0} messages, {Customers:N0} customers, {Orders:N0} orders in {Stores} stores; " +
        $"{Cases / Math.Max(Seconds, 0.001):N0} cases/s; {Bytes / 1024.0 / 1024:N0} MB";
}

/// <summary>
/// Writes a fresh database: the product's migrations first (so the schema is the product's own), then
/// raw ADO.NET inserts with prepared, reused commands in large transactions. Secondary indexes and the
/// full-text triggers are dropped for the load and recreated (and the full-text index rebuilt) after it.
/// Each case's timeline is played through <see cref="CaseWorkflow"/>, so status, unread count, last
/// message, closed-at/by and the SYSTEM trail lines are exactly what the product would have written.
/// </summary>
public sealed class Generator(GeneratorOptions options, TextWriter log)
{
    private static readonly string[] BulkTables = ["Customers", "Orders", "OrderItems", "Licenses", "Cases", "CaseMessages"];
    private const int CasesPerTransaction = 25_000;

    private readonly Random _rnd = new(options.Seed);
    private readonly DateTime _now = new(DateTime.UtcNow.Ticks - DateTime.UtcNow.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);
    private long _messages, _customers, _orders, _rows;
    private string _heavyCaseId = "";
    private int _heavyCaseMessages;

    public async Task<GeneratedDataSet> RunAsync()
    {
        var path = options.DatabasePath;
        if (File.Exists(path))
        {
            if (!options.Force) throw new GeneratorException($"{path} exists; the generator fills a fresh database (pass --force to replace it).");
            foreach (var f in new[] { path, path + "-wal", path + "-shm", GeneratedDataSet.MetaPath(path) }) File.Delete(f);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var total = Stopwatch.StartNew();

        log.WriteLine($"Creating {path} with the product's migrations…");
        var factory = await MigrateAsync(path);
        var stores = PlanStores();
        var accounts = await GeneratedAccounts.AddStoresAndAccountsAsync(factory, stores.Select(s => (s.ToStore(_now), s.AgentNames, s.Cases)).ToList());
        foreach (var store in stores) store.UseAccounts(accounts);

        await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await conn.OpenAsync();
        Exec(conn, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-1000000; PRAGMA temp_store=MEMORY; PRAGMA locking_mode=EXCLUSIVE;");

        var indexes = SchemaObjects(conn, "index", BulkTables);
        var triggers = SchemaObjects(conn, "trigger", BulkTables);
        foreach (var (name, _) in indexes) Exec(conn, $"DROP INDEX \"{name}\"");
        foreach (var (name, _) in triggers) Exec(conn, $"DROP TRIGGER \"{name}\"");

        var inserts = new Inserts(conn);
        var progress = new Progress(log, options.Cases);

        var tx = conn.BeginTransaction();
        inserts.Enlist(tx);
        var done = 0;
        foreach (var store in stores)
        {
            var customers = InsertCustomers(inserts, store);
            for (var i = 0; i < store.Cases; i++)
            {
                InsertCase(inserts, store, customers, i);
                if (++done % CasesPerTransaction == 0)
                {
                    tx.Commit();
                    tx.Dispose();
                    tx = conn.BeginTransaction();
                    inserts.Enlist(tx);
                }
                progress.Report(done, _rows);
            }
        }
        tx.Commit();
        tx.Dispose();
        progress.Finish(done, _rows);

        Step(log, "Recreating indexes", () => { foreach (var (_, sql) in indexes) Exec(conn, sql); });
        Step(log, "Building the full-text index", () =>
        {
            foreach (var sql in CaseSearchIndex.Rebuild) Exec(conn, sql);
            foreach (var (_, sql) in triggers) Exec(conn, sql);
        });
        Exec(conn, "PRAGMA locking_mode=NORMAL; PRAGMA journal_mode=WAL;");
        await conn.CloseAsync();
        await Step(log, "Counting cases per store (StoreCaseCounts)", () => GeneratedAccounts.RecountAsync(factory));

        var largest = stores[0];
        var result = new GeneratedDataSet(stores.Count, done, _messages, _customers, _orders, options.Seed,
            largest.Id, largest.Cases, Vocabulary.SearchWord, _heavyCaseId, _heavyCaseMessages,
            total.Elapsed.TotalSeconds, new FileInfo(path).Length, accounts.Select(a => a.Account).ToList());
        await File.WriteAllTextAsync(GeneratedDataSet.MetaPath(path), JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
        return result;
    }

    private static async Task<IDbContextFactory<DashboardDbContext>> MigrateAsync(string path)
    {
        var builder = new DbContextOptionsBuilder<DashboardDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path};Pooling=False" }, Path.GetDirectoryName(path)!);
        var factory = new Factory(builder.Options);
        await DatabaseSetup.MigrateAsync(factory);
        return factory;
    }

    private sealed class Factory(DbContextOptions<DashboardDbContext> options) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => new(options);
    }

    // ---- plan ----------------------------------------------------------------------------------

    /// <summary>A store to generate: its size, settings, products and the people who answer its cases.</summary>
    private sealed record StorePlan(
        string Id, string Name, string OrderPrefix, int Cases, string[] AgentNames, (string Id, string Name, long Price)[] Products,
        string Currency, int AutoCloseDays, int AutoCloseWarningDays)
    {
        /// <summary>Who writes the merchant's messages: the owner and agent accounts, and a colleague without one.</summary>
        public (string Name, string? UserId)[] Agents { get; private set; } = AgentNames.Select(n => (n, (string?)null)).ToArray();

        public Store ToStore(DateTime now) => new()
        {
            Id = Id, Name = Name, DefaultCurrency = Currency, CreatedAt = now.AddDays(-900),
            NotificationEmail = $"support@{new string(Name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray())}.example",
            AutoCloseDays = AutoCloseDays, AutoCloseWarningDays = AutoCloseWarningDays,
        };

        public AutoClosePeriods Periods => new(AutoCloseDays, AutoCloseWarningDays);

        public void UseAccounts(IReadOnlyList<(GeneratedAccount Account, string UserId)> accounts) =>
            Agents = Agents.Select(a => (a.Name, (string?)accounts.FirstOrDefault(x => x.Account.StoreId == Id && x.Account.DisplayName == a.Name).UserId)).ToArray();
    }

    /// <summary>Store 1 takes ~20% of all cases; the rest share 80% along a Zipf-like curve. Settings vary as merchants set them.</summary>
    private List<StorePlan> PlanStores()
    {
        var n = options.Stores;
        var sizes = new int[n];
        if (n == 1) sizes[0] = options.Cases;
        else
        {
            sizes[0] = (int)Math.Round(options.Cases * 0.20);
            var weights = Enumerable.Range(1, n - 1).Select(k => 1.0 / Math.Pow(k, 0.9)).ToArray();
            var rest = options.Cases - sizes[0];
            var sum = weights.Sum();
            for (var k = 1; k < n; k++) sizes[k] = (int)(rest * weights[k - 1] / sum);
            sizes[1] += options.Cases - sizes.Sum();
        }

        var stores = new List<StorePlan>(n);
        for (var k = 0; k < n; k++)
        {
            var word = Vocabulary.StoreWords[k % Vocabulary.StoreWords.Length];
            var kind = Vocabulary.StoreKinds[k % Vocabulary.StoreKinds.Length];
            var name = k < Vocabulary.StoreWords.Length ? $"{word} {kind}" : $"{word} {kind} {k / Vocabulary.StoreWords.Length + 1}";
            // Three distinct people answer: the first is the owner's account, the second the agent's.
            var agents = new List<string>();
            while (agents.Count < 3)
            {
                var person = $"{Pick(Vocabulary.FirstNames)} {Pick(Vocabulary.LastNames)}";
                if (!agents.Contains(person)) agents.Add(person);
            }
            var products = Enumerable.Range(0, 6).Select(_ =>
                (Id: NewId(Ids.Product), Name: $"{Pick(Vocabulary.ProductNames)} — {Pick(Vocabulary.Editions)}", Price: (long)_rnd.Next(5, 200) * 100 - 1)).ToArray();
            // Most stores keep the defaults (close after 14 idle days, warn 2 days before); some close sooner or later.
            var (closeDays, warnDays) = (k % 5) switch { 3 => (7, 1), 4 => (21, 3), _ => (14, 2) };
            stores.Add(new StorePlan(NewId(Ids.Store), name, $"{word[..2].ToUpperInvariant()}{k:00}", sizes[k], [.. agents], products,
                k % 4 == 3 ? "EUR" : "USD", closeDays, warnDays));
        }
        return stores;
    }

    private sealed record CustomerInfo(string Id, string Email, string DisplayName);

    /// <summary>About one customer per 2.5 cases; a case picks its customer with a skew, so some customers have many cases.</summary>
    private CustomerInfo[] InsertCustomers(Inserts ins, StorePlan store)
    {
        var count = Math.Max(1, (int)(store.Cases / 2.5));
        var customers = new CustomerInfo[count];
        for (var i = 0; i < count; i++)
        {
            var first = Pick(Vocabulary.FirstNames);
            var last = Pick(Vocabulary.LastNames);
            var guest = _rnd.NextDouble() < 0.15;
            var email = $"{Ascii(first)}.{Ascii(last)}{i}@{Pick(Vocabulary.EmailDomains)}".ToLowerInvariant();
            var id = NewId(Ids.Customer);
            ins.Customer(id, store.Id, email, guest ? null : first, guest ? null : last, guest, _now.AddDays(-_rnd.Next(731, 900)).Ticks);
            customers[i] = new CustomerInfo(id, email, guest ? email : $"{first} {last}");
            _customers++;
            _rows++;
        }
        return customers;
    }

    private static string Ascii(string s) => new(s.Where(char.IsAsciiLetter).ToArray());

    // ---- one case ----------------------------------------------------------------------------------

    /// <summary>What a case will be before its timeline is played: who, about which order, where it should end.</summary>
    private sealed record CasePlan(
        StorePlan Store, CustomerInfo Customer, string CaseId, string OrderId, string OrderNumber, string ProductName,
        string Subject, CasePriority Priority, CaseStatus Target, DateTime CreatedAt, bool Heavy,
        int PersonMessages, int SearchWordAt, bool Escalate, bool Prioritise);

    private void InsertCase(Inserts ins, StorePlan store, CustomerInfo[] customers, int index)
    {
        var plan = PlanCase(ins, store, customers, index);
        var story = new CaseStory(plan.CreatedAt, plan.Priority);
        story.Add(AuthorKind.Customer, plan.Customer.DisplayName, null, Opening(plan), plan.CreatedAt);
        var t = Converse(plan, story);
        t = LandOnTarget(plan, story, t);
        CatchUpAutoClose(store.Periods, story, _now);

        ins.Case(plan.CaseId, store.Id, plan.Customer.Id, plan.OrderId, plan.Subject, story.State, plan.CreatedAt, story.Version, ReplyToken());
        foreach (var e in story.Entries)
            ins.Message(NewId(Ids.Message), plan.CaseId, store.Id, e.Kind, e.Author, e.Name, e.UserId, e.Body, e.At, e.Sequence);
        _messages += story.Entries.Count;
        _rows += story.Entries.Count + 1;
        if (plan.Heavy)
        {
            _heavyCaseId = plan.CaseId;
            _heavyCaseMessages = story.Entries.Count;
        }
    }

    /// <summary>Customer (skewed: low indexes far more often), order, subject, priority, target status and the shape of the conversation.</summary>
    private CasePlan PlanCase(Inserts ins, StorePlan store, CustomerInfo[] customers, int index)
    {
        var customer = customers[(int)(Math.Pow(_rnd.NextDouble(), 2.2) * customers.Length)];
        var heavy = index == 0 && _heavyCaseId == ""; // the first case of the largest store: exactly ~200 messages
        var target = PickStatus();
        var ageDays = target == CaseStatus.Closed || heavy ? 730 * Math.Pow(_rnd.NextDouble(), 1.6) + 1 : 30 * _rnd.NextDouble();
        var createdAt = _now.AddMinutes(-ageDays * 1440).AddSeconds(-_rnd.Next(60));

        var orderId = NewId(Ids.Order);
        var orderNumber = $"{store.OrderPrefix}-{100000 + index}";
        var product = store.Products[_rnd.Next(store.Products.Length)];
        InsertOrder(ins, store, customer, orderId, orderNumber, product, createdAt.AddHours(-_rnd.Next(1, 24 * 20)));

        var subject = Fill(Pick(Vocabulary.Subjects), product.Name, orderNumber);
        var searchRoll = _rnd.NextDouble();
        var wordInSubject = searchRoll < Vocabulary.SearchWordShare * 0.4;
        var wordInMessage = !wordInSubject && searchRoll < Vocabulary.SearchWordShare;
        if (wordInSubject) subject = $"Possible chargeback: {subject}";
        if (subject.Length > Limits.SubjectMax) subject = subject[..Limits.SubjectMax];

        var caseId = NewId(Ids.Case);
        var priority = (CasePriority)(_rnd.NextDouble() switch { < 0.15 => 0, < 0.80 => 1, < 0.95 => 2, _ => 3 });
        var people = heavy ? int.MaxValue : target == CaseStatus.Open ? 1 : PersonMessages();
        var wordAt = wordInMessage ? _rnd.Next(Math.Min(people, 40)) : -1;
        var escalate = _rnd.NextDouble() < 0.02;
        var prioritise = _rnd.NextDouble() < 0.08;
        return new CasePlan(store, customer, caseId, orderId, orderNumber, product.Name, subject, priority, target, createdAt,
            heavy, people, wordAt, escalate, prioritise);
    }

    private string Opening(CasePlan plan)
    {
        var opening = Fill(Pick(Vocabulary.Openings), plan.ProductName, plan.OrderNumber);
        return plan.SearchWordAt == 0 ? opening + " " + Pick(Vocabulary.SearchLines) : opening;
    }

    /// <summary>The back and forth: customer and merchant replies, maybe a priority change and an escalation.</summary>
    private DateTime Converse(CasePlan plan, CaseStory story)
    {
        var t = plan.CreatedAt;
        var last = AuthorKind.Customer;
        for (var i = 1; plan.Heavy ? story.Entries.Count < 200 : i < plan.PersonMessages; i++)
        {
            t = NextTime(t);
            var who = last == AuthorKind.Customer
                ? (_rnd.NextDouble() < 0.85 ? AuthorKind.Merchant : AuthorKind.Customer)
                : (_rnd.NextDouble() < 0.85 ? AuthorKind.Customer : AuthorKind.Merchant);
            if (plan.Escalate && i == 2)
            {
                story.Apply(new CaseTrigger.EscalationSignal(EscalationSignalKind.DisputeRisk, Pick(Vocabulary.EscalationReasons)), t);
                t = NextTime(t);
                story.Apply(new CaseTrigger.SupportPosts(), t, AuthorKind.Support, CaseWorkflow.SupportBrand, null,
                    "Pandabase Support here: we are looking into this case together with the store.");
                t = NextTime(t);
            }
            if (plan.Prioritise && i == 1)
            {
                var agent = Pick(plan.Store.Agents);
                story.Apply(new CaseTrigger.MerchantUpdates(agent.Name, plan.Priority == CasePriority.Urgent ? CasePriority.High : plan.Priority + 1, null), t);
            }
            var ok = who == AuthorKind.Customer
                ? story.Apply(new CaseTrigger.CustomerReplies(), t, who, plan.Customer.DisplayName, null, Body(plan, who, i))
                : MerchantReply(plan, story, t, i);
            if (ok) last = who;
        }
        return t;
    }

    private bool MerchantReply(CasePlan plan, CaseStory story, DateTime at, int i)
    {
        var agent = Pick(plan.Store.Agents);
        return story.Apply(new CaseTrigger.MerchantReplies(agent.Name), at, AuthorKind.Merchant, agent.Name, agent.UserId, Body(plan, AuthorKind.Merchant, i));
    }

    /// <summary>Moves the case to its planned status the way the product would get there.</summary>
    private DateTime LandOnTarget(CasePlan plan, CaseStory story, DateTime t)
    {
        var store = plan.Store;
        switch (plan.Target)
        {
            case CaseStatus.AwaitingMerchant when story.State.Status != CaseStatus.AwaitingMerchant:
                t = NextTime(t);
                story.Apply(new CaseTrigger.CustomerReplies(), t, AuthorKind.Customer, plan.Customer.DisplayName, null, Body(plan, AuthorKind.Customer, -2));
                break;
            case CaseStatus.AwaitingCustomer when story.State.Status != CaseStatus.AwaitingCustomer:
                t = NextTime(t);
                MerchantReply(plan, story, t, -2);
                break;
            case CaseStatus.Closed when !plan.Heavy:
                t = NextTime(t);
                var roll = _rnd.NextDouble();
                var periods = store.Periods;
                if (roll < 0.3 && story.State.Status == CaseStatus.AwaitingCustomer
                    && periods.CloseDueAt(story.State.LastActivityAt, periods.WarningDueAt(story.State.LastActivityAt)) < _now)
                    CatchUpAutoClose(periods, story, _now);
                else if (roll < 0.5)
                    story.Apply(new CaseTrigger.CustomerCloses(), t);
                else
                {
                    var agent = Pick(store.Agents);
                    story.Apply(new CaseTrigger.MerchantUpdates(agent.Name, null, CaseStatus.Closed), t);
                }
                break;
        }
        return t;
    }

    /// <summary>
    /// Each step the product's auto-close job (the store's periods) owes the case until <paramref name="until"/>,
    /// taken at the moment it fell due: warned first when the store warns, then closed.
    /// </summary>
    private static void CatchUpAutoClose(AutoClosePeriods periods, CaseStory story, DateTime until)
    {
        while (periods.Due(story.State, until) is var step and not AutoCloseStep.None)
        {
            var warn = step == AutoCloseStep.Warn;
            var due = warn
                ? periods.WarningDueAt(story.State.LastActivityAt)
                : periods.CloseDueAt(story.State.LastActivityAt, story.State.AutoCloseWarnedAt)!.Value;
            if (!story.Apply(warn ? new CaseTrigger.AutoCloseWarns(periods) : new CaseTrigger.AutoClose(periods), due))
                throw new InvalidOperationException("The workflow refused an auto-close step AutoClosePeriods.Due said was due");
        }
    }

    private string Body(CasePlan plan, AuthorKind who, int i)
    {
        var lines = who == AuthorKind.Customer ? Vocabulary.CustomerLines : Vocabulary.MerchantLines;
        var body = Fill(Pick(lines), plan.ProductName, plan.OrderNumber);
        if (_rnd.NextDouble() < 0.5) body += " " + Fill(Pick(lines), plan.ProductName, plan.OrderNumber);
        if (i == plan.SearchWordAt) body += " " + Pick(Vocabulary.SearchLines);
        return body;
    }

    private void InsertOrder(Inserts ins, StorePlan store, CustomerInfo customer, string orderId, string number,
        (string Id, string Name, long Price) product, DateTime at)
    {
        var items = _rnd.NextDouble() < 0.8 ? 1 : _rnd.Next(2, 4);
        long amount = 0;
        for (var i = 0; i < items; i++)
        {
            var p = i == 0 ? product : store.Products[_rnd.Next(store.Products.Length)];
            var qty = _rnd.NextDouble() < 0.9 ? 1 : 2;
            ins.OrderItem(NewId(Ids.OrderItem), orderId, p.Id, p.Name, qty, p.Price);
            amount += p.Price * qty;
            for (var q = 0; q < qty; q++)
                ins.License(NewId(Ids.License), orderId, LicenceKey(), _rnd.NextDouble() < 0.7 ? LicenseStatus.Claimed : LicenseStatus.Available, p.Id,
                    _rnd.NextDouble() < 0.7 ? at.AddMinutes(_rnd.Next(1, 600)) : null);
            _rows += 1 + qty;
        }
        var discounted = _rnd.NextDouble() < 0.1;
        var discount = discounted ? amount / 10 : 0;
        var tax = (amount - discount) / 5;
        var total = amount - discount + tax;
        ins.Order(orderId, store.Id, customer.Id, number, amount, store.Currency, Pick(Vocabulary.Gateways), discounted,
            discounted ? "SPRING10" : null, at, _rnd.NextDouble() < 0.6 ? (Pick(Vocabulary.Cities), Pick(Vocabulary.Countries)) : null,
            NewId(Ids.Payment), "pi_" + RandomChars(24), discount, total / 20, total / 35, tax, total);
        _orders++;
        _rows++;
    }

    /// <summary>People's messages per case: mostly 1–6, a long tail to 40, and a few with 200+.</summary>
    private int PersonMessages()
    {
        if (_rnd.NextDouble() < 0.0005) return _rnd.Next(100, 130); // with trail lines: 200+ entries
        return Math.Min(40, 1 + (int)(-Math.Log(1 - _rnd.NextDouble()) * 2.2));
    }

    private CaseStatus PickStatus() => _rnd.NextDouble() switch
    {
        < 0.10 => CaseStatus.Open,
        < 0.25 => CaseStatus.AwaitingMerchant,
        < 0.42 => CaseStatus.AwaitingCustomer,
        _ => CaseStatus.Closed,
    };

    private DateTime NextTime(DateTime t)
    {
        var next = t.AddMinutes(1 + -Math.Log(1 - _rnd.NextDouble()) * 300);
        return next < _now ? next : t.AddSeconds(1);
    }

    // ---- timeline ----------------------------------------------------------------------------------

    /// <summary>
    /// A case's state and timeline, changed only through <see cref="CaseWorkflow"/> as CaseService does:
    /// each write bumps the version, and its entries take sequence numbers version × 100 + i.
    /// </summary>
    private sealed class CaseStory(DateTime createdAt, CasePriority priority)
    {
        public CaseState State { get; private set; } = CaseWorkflow.Open(priority, createdAt);
        public long Version { get; private set; }
        public List<(CaseEntryKind Kind, AuthorKind Author, string Name, string? UserId, string Body, DateTime At, long Sequence)> Entries { get; } = [];

        /// <summary>A message of <paramref name="author"/> (everyone on the case sees it).</summary>
        public void Add(AuthorKind author, string name, string? userId, string body, DateTime at, long sequence = 0) =>
            Entries.Add((CaseEntryKind.Message, author, name, userId, body, at, sequence));

        /// <summary>A change without a message of its own (status, priority, escalation, close): trail lines only.</summary>
        public bool Apply(CaseTrigger trigger, DateTime at) => Apply(trigger, at, AuthorKind.System, "", null, null);

        public bool Apply(CaseTrigger trigger, DateTime at, AuthorKind who, string name, string? userId, string? body)
        {
            var d = CaseWorkflow.Decide(State, trigger, at);
            if (!d.IsAllowed || (!d.Changed && !d.AppendsMessage)) return false;
            Version++;
            var sequence = Version * 100;
            if (d.AppendsMessage) Add(who, name, userId, body!, at, sequence++);
            foreach (var line in d.TrailLines) Entries.Add((line.Kind, AuthorKind.System, SystemAuthorName, null, line.Text, at, sequence++));
            State = d.NewState;
            return true;
        }
    }

    /// <summary>As CaseService names the product's own trail lines.</summary>
    private const string SystemAuthorName = "System";

    // ---- helpers -------------------------------------------------------------------------------

    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private string NewId(string prefix) => prefix + RandomChars(20);

    private string RandomChars(int n) => string.Create(n, _rnd, static (span, rnd) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = Alphabet[rnd.Next(Alphabet.Length)];
    });

    /// <summary>32 lowercase hex characters, like <c>SupportCase.NewReplyToken</c> but from the seeded random.</summary>
    private string ReplyToken() => string.Create(32, _rnd, static (span, rnd) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = "0123456789abcdef"[rnd.Next(16)];
    });

    private string LicenceKey() => string.Create(19, _rnd, static (span, rnd) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = i % 5 == 4 ? '-' : Alphabet[10 + 26 + rnd.Next(26)];
    });

    private T Pick<T>(T[] items) => items[_rnd.Next(items.Length)];

    private static string Fill(string template, string product, string order) =>
        template.Replace("{product}", product).Replace("{order}", order);

    private static void Exec(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        cmd.ExecuteNonQuery();
    }

    private static List<(string Name, string Sql)> SchemaObjects(SqliteConnection conn, string type, string[] tables)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = '{type}' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select(t => $"'{t}'"))})";
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read()) list.Add((r.GetString(0), r.GetString(1)));
        return list;
    }

    private static async Task Step(TextWriter log, string what, Func<Task> action)
    {
        var sw = Stopwatch.StartNew();
        log.Write($"{what}… ");
        await action();
        log.WriteLine($"{sw.Elapsed.TotalSeconds:N1} s");
    }

    private static void Step(TextWriter log, string what, Action action)
    {
        var sw = Stopwatch.StartNew();
        log.Write($"{what}… ");
        action();
        log.WriteLine($"{sw.Elapsed.TotalSeconds:N1} s");
    }
}
