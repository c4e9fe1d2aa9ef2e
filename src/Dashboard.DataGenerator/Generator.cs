using System.Diagnostics;
using System.Text.Json;
using Dashboard.Data;
using Dashboard.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.DataGenerator;

/// <summary>What the generator made; also written beside the database as <c>&lt;db&gt;.meta.json</c> for the benchmarks.</summary>
public sealed record GeneratedDataSet(
    int Stores, int Cases, long Messages, long Customers, long Orders, int Seed,
    string LargestStoreId, int LargestStoreCases, string SearchWord, string HeavyCaseId, int HeavyCaseMessages,
    double Seconds, long Bytes)
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
        await MigrateAsync(path);

        await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await conn.OpenAsync();
        Exec(conn, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-1000000; PRAGMA temp_store=MEMORY; PRAGMA locking_mode=EXCLUSIVE;");

        var indexes = SchemaObjects(conn, "index", BulkTables);
        var triggers = SchemaObjects(conn, "trigger", BulkTables);
        foreach (var (name, _) in indexes) Exec(conn, $"DROP INDEX \"{name}\"");
        foreach (var (name, _) in triggers) Exec(conn, $"DROP TRIGGER \"{name}\"");

        var stores = PlanStores();
        var inserts = new Inserts(conn);
        var progress = new Progress(log, options.Cases);
        InsertStores(conn, stores);

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
            Exec(conn, "INSERT INTO CaseSubjectSearch(CaseSubjectSearch) VALUES ('rebuild');");
            Exec(conn, "INSERT INTO CaseMessageSearch(CaseMessageSearch) VALUES ('rebuild');");
            Exec(conn, "INSERT INTO CaseMessageSearch(CaseMessageSearch) VALUES ('optimize');");
            foreach (var (_, sql) in triggers) Exec(conn, sql);
        });
        Step(log, "Counting cases per store (StoreCaseCounts)", () => Exec(conn, """
            DELETE FROM CaseCounts;
            INSERT INTO CaseCounts (StoreId, Open, AwaitingCustomer, AwaitingMerchant, Closed)
            SELECT s.Id,
                   (SELECT COUNT(*) FROM Cases c WHERE c.StoreId = s.Id AND c.Status = 0),
                   (SELECT COUNT(*) FROM Cases c WHERE c.StoreId = s.Id AND c.Status = 1),
                   (SELECT COUNT(*) FROM Cases c WHERE c.StoreId = s.Id AND c.Status = 2),
                   (SELECT COUNT(*) FROM Cases c WHERE c.StoreId = s.Id AND c.Status = 3)
            FROM Stores s;
            """));
        Exec(conn, "PRAGMA locking_mode=NORMAL; PRAGMA journal_mode=WAL;");
        await conn.CloseAsync();

        var largest = stores[0];
        var result = new GeneratedDataSet(stores.Count, done, _messages, _customers, _orders, options.Seed,
            largest.Id, largest.Cases, Vocabulary.SearchWord, _heavyCaseId, _heavyCaseMessages,
            total.Elapsed.TotalSeconds, new FileInfo(path).Length);
        await File.WriteAllTextAsync(GeneratedDataSet.MetaPath(path), JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
        return result;
    }

    private static async Task MigrateAsync(string path)
    {
        var builder = new DbContextOptionsBuilder<DashboardDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path};Pooling=False" }, Path.GetDirectoryName(path)!);
        await DatabaseSetup.MigrateAsync(new Factory(builder.Options));
    }

    private sealed class Factory(DbContextOptions<DashboardDbContext> options) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => new(options);
    }

    // ---- plan ----------------------------------------------------------------------------------

    private sealed record StorePlan(string Id, string Name, string OrderPrefix, int Cases, string[] Agents, (string Id, string Name, long Price)[] Products, string Currency);

    /// <summary>Store 1 takes ~20% of all cases; the rest share 80% along a Zipf-like curve.</summary>
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
            var agents = Enumerable.Range(0, 3).Select(_ => $"{Pick(Vocabulary.FirstNames)} {Pick(Vocabulary.LastNames)}").ToArray();
            var products = Enumerable.Range(0, 6).Select(_ =>
                (Id: NewId(Ids.Product), Name: $"{Pick(Vocabulary.ProductNames)} — {Pick(Vocabulary.Editions)}", Price: (long)_rnd.Next(5, 200) * 100 - 1)).ToArray();
            stores.Add(new StorePlan(NewId(Ids.Store), name, $"{word[..2].ToUpperInvariant()}{k:00}", sizes[k], agents, products, k % 4 == 3 ? "EUR" : "USD"));
        }
        return stores;
    }

    private void InsertStores(SqliteConnection conn, List<StorePlan> stores)
    {
        using var tx = conn.BeginTransaction();
        foreach (var s in stores)
        {
            using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO Stores (Id, Name, NotificationEmail, DefaultCurrency, AutoReplyEnabled, AutoReplyText, AutoCloseDays, AutoCloseWarningDays, CreatedAt)
                VALUES ($id, $name, $email, $cur, 0, NULL, 14, 2, $at)
                """;
            cmd.Parameters.AddWithValue("$id", s.Id);
            cmd.Parameters.AddWithValue("$name", s.Name);
            cmd.Parameters.AddWithValue("$email", $"support@{s.Name.ToLowerInvariant().Replace(" ", "").Replace("'", "")}.example");
            cmd.Parameters.AddWithValue("$cur", s.Currency);
            cmd.Parameters.AddWithValue("$at", _now.AddDays(-900).Ticks);
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
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

    // ---- one case ------------------------------------------------------------------------------

    private void InsertCase(Inserts ins, StorePlan store, CustomerInfo[] customers, int index)
    {
        // Skewed customer choice: low indexes come up far more often.
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
        var state = CaseWorkflow.Open(priority, createdAt);
        var timeline = new Timeline(this, ins, caseId, store.Id);
        long version = 0;
        var people = heavy ? int.MaxValue : PersonMessages();
        if (target == CaseStatus.Open) people = 1;
        var wordAt = wordInMessage ? _rnd.Next(Math.Min(people, 40)) : -1;
        var opening = Fill(Pick(Vocabulary.Openings), product.Name, orderNumber);
        timeline.Add(AuthorKind.Customer, customer.DisplayName, wordAt == 0 ? opening + " " + Pick(Vocabulary.SearchLines) : opening, createdAt, 0);
        var t = createdAt;
        var last = AuthorKind.Customer;
        var escalate = _rnd.NextDouble() < 0.02;
        var prioritise = _rnd.NextDouble() < 0.08;

        bool Apply(CaseTrigger trigger, DateTime at, AuthorKind who, string name, string? body)
        {
            var d = CaseWorkflow.Decide(state, trigger, at);
            if (!d.IsAllowed || (!d.Changed && !d.AppendsMessage)) return false;
            var seq = 0;
            if (d.AppendsMessage) timeline.Add(who, name, body!, at, seq++);
            foreach (var line in d.Trail) timeline.Add(AuthorKind.System, "System", line, at, seq++);
            state = d.NewState;
            version++;
            return true;
        }

        string Body(AuthorKind who, int i)
        {
            var lines = who == AuthorKind.Customer ? Vocabulary.CustomerLines : Vocabulary.MerchantLines;
            var body = Fill(Pick(lines), product.Name, orderNumber);
            if (_rnd.NextDouble() < 0.5) body += " " + Fill(Pick(lines), product.Name, orderNumber);
            if (i == wordAt) body += " " + Pick(Vocabulary.SearchLines);
            return body;
        }

        for (var i = 1; heavy ? timeline.Count < 200 : i < people; i++)
        {
            t = NextTime(t);
            var who = last == AuthorKind.Customer
                ? (_rnd.NextDouble() < 0.85 ? AuthorKind.Merchant : AuthorKind.Customer)
                : (_rnd.NextDouble() < 0.85 ? AuthorKind.Customer : AuthorKind.Merchant);
            if (escalate && i == 2)
            {
                Apply(new CaseTrigger.EscalationSignal(Pick(Vocabulary.EscalationReasons)), t, AuthorKind.System, "", null);
                t = NextTime(t);
                Apply(new CaseTrigger.SupportPosts(), t, AuthorKind.Support, CaseWorkflow.SupportBrand,
                    "Pandabase Support here: we are looking into this case together with the store.");
                t = NextTime(t);
            }
            if (prioritise && i == 1)
            {
                var agent = Pick(store.Agents);
                Apply(new CaseTrigger.MerchantUpdates(agent, priority == CasePriority.Urgent ? CasePriority.High : priority + 1, null), t, AuthorKind.Merchant, agent, null);
            }
            var ok = who == AuthorKind.Customer
                ? Apply(new CaseTrigger.CustomerReplies(), t, who, customer.DisplayName, Body(who, i))
                : ApplyMerchant(Pick(store.Agents), t, Body(who, i));
            if (ok) last = who;
        }

        bool ApplyMerchant(string agent, DateTime at, string body) =>
            Apply(new CaseTrigger.MerchantReplies(agent), at, AuthorKind.Merchant, agent, body);

        // Land on the target status the way the product would get there.
        switch (target)
        {
            case CaseStatus.AwaitingMerchant when state.Status != CaseStatus.AwaitingMerchant:
                t = NextTime(t);
                Apply(new CaseTrigger.CustomerReplies(), t, AuthorKind.Customer, customer.DisplayName, Body(AuthorKind.Customer, -2));
                break;
            case CaseStatus.AwaitingCustomer when state.Status != CaseStatus.AwaitingCustomer:
                t = NextTime(t);
                ApplyMerchant(Pick(store.Agents), t, Body(AuthorKind.Merchant, -2));
                break;
            case CaseStatus.Closed when !heavy:
                t = NextTime(t);
                var roll = _rnd.NextDouble();
                if (roll < 0.3 && state.Status == CaseStatus.AwaitingCustomer && AutoClosePeriods.Default.CloseDueAt(state.LastActivityAt, state.LastActivityAt.AddDays(12)) < _now)
                    CatchUpAutoClose(_now);
                else if (roll < 0.5)
                    Apply(new CaseTrigger.CustomerCloses(), t, AuthorKind.Customer, "", null);
                else
                {
                    var agent = Pick(store.Agents);
                    Apply(new CaseTrigger.MerchantUpdates(agent, null, CaseStatus.Closed), t, AuthorKind.Merchant, agent, null);
                }
                break;
        }
        // Awaiting the customer: warned after 12 days, closed after 14, as the product's job would have.
        CatchUpAutoClose(_now);

        // Each step the auto-close job (default periods) owes the case until `until`, at the moment it fell due.
        void CatchUpAutoClose(DateTime until)
        {
            var periods = AutoClosePeriods.Default;
            while (periods.Due(state, until) is var step and not AutoCloseStep.None)
            {
                var warn = step == AutoCloseStep.Warn;
                var due = warn ? periods.WarningDueAt(state.LastActivityAt) : periods.CloseDueAt(state.LastActivityAt, state.AutoCloseWarnedAt)!.Value;
                if (!Apply(warn ? new CaseTrigger.AutoCloseWarns(periods) : new CaseTrigger.AutoClose(periods), due, AuthorKind.System, "", null))
                    throw new InvalidOperationException("The workflow refused an auto-close step AutoClosePeriods.Due said was due");
            }
        }

        ins.Case(caseId, store.Id, customer.Id, orderId, subject, state, createdAt, version);
        timeline.Flush();
        _rows++;
        if (heavy)
        {
            _heavyCaseId = caseId;
            _heavyCaseMessages = timeline.Count;
        }
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

    // ---- timeline buffer -----------------------------------------------------------------------

    /// <summary>A case's entries, written after the case row so the case's insert comes first.</summary>
    private sealed class Timeline(Generator g, Inserts ins, string caseId, string storeId)
    {
        private readonly List<(AuthorKind Kind, string Name, string Body, DateTime At, int Seq)> _entries = [];
        public int Count => _entries.Count;
        public void Add(AuthorKind kind, string name, string body, DateTime at, int seq) => _entries.Add((kind, name, body, at, seq));

        public void Flush()
        {
            foreach (var e in _entries)
                ins.Message(g.NewId(Ids.Message), caseId, storeId, e.Kind, e.Name, e.Kind == AuthorKind.Merchant ? "user_" + g.RandomChars(8) : null, e.Body, e.At, e.Seq);
            g._messages += _entries.Count;
            g._rows += _entries.Count;
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private string NewId(string prefix) => prefix + RandomChars(20);

    private string RandomChars(int n) => string.Create(n, _rnd, static (span, rnd) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = Alphabet[rnd.Next(Alphabet.Length)];
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

    private static void Step(TextWriter log, string what, Action action)
    {
        var sw = Stopwatch.StartNew();
        log.Write($"{what}… ");
        action();
        log.WriteLine($"{sw.Elapsed.TotalSeconds:N1} s");
    }
}
