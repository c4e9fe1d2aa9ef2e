using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Tests.Infrastructure;
using Dashboard.Web.Tests.Live;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Automation;

/// <summary>
/// The auto-close job in the real app, as child processes on one SQLite file: two instances racing
/// warn and close each case exactly once; an instance killed (SIGKILL) in the middle of a batch and
/// started again sends no warning twice, and the closes still happen once. The app runs on the real
/// clock, so the cases are made idle by setting their times in the database ("13 days ago").
/// </summary>
public class AutoCloseProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(5); // bounds a failure only: app starts on a loaded machine
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private TestDatabase _db = null!;
    private readonly List<AppProcess> _apps = [];

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps) app.Dispose();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Two_instances_on_one_database_warn_and_close_each_case_exactly_once()
    {
        var (store, _, order) = await _db.AddStoreAsync("Northwind Keys");
        var toWarn = await IdleCasesAsync(store.Id, order.Id, 40, idle: 13 * Day, warnedAgo: null);
        var toClose = await IdleCasesAsync(store.Id, order.Id, 40, idle: 15 * Day, warnedAgo: 3 * Day);

        var first = Start();
        var second = Start();
        await WaitUntilAsync(async db =>
            await db.Cases.CountAsync(c => toWarn.Contains(c.Id) && c.AutoCloseWarnedAt != null) == toWarn.Count
            && await db.Cases.CountAsync(c => toClose.Contains(c.Id) && c.Status == CaseStatus.Closed) == toClose.Count);
        // Both instances complete two more runs after the work is done: anything either still had in hand has landed.
        await Task.WhenAll(MoreRunsAsync(first, 2), MoreRunsAsync(second, 2));
        first.Kill();
        second.Kill();

        await using var check = _db.NewContext();
        (await PerCaseAsync(check, EmailKinds.AutoCloseWarning, toWarn)).ShouldAllBe(n => n == 1, "one warning email per case");
        (await PerCaseAsync(check, EmailKinds.AutoClosed, toClose)).ShouldAllBe(n => n == 1, "one closing email per case");
        (await check.Outbox.CountAsync(o => o.Kind == EmailKinds.AutoCloseWarning)).ShouldBe(toWarn.Count);
        (await check.Outbox.CountAsync(o => o.Kind == EmailKinds.AutoClosed)).ShouldBe(toClose.Count);
        (await check.CaseMessages.CountAsync(m => toClose.Contains(m.CaseId) && m.Body.StartsWith("Closed automatically"))).ShouldBe(toClose.Count);
        (await check.CaseMessages.CountAsync(m => toWarn.Contains(m.CaseId) && m.Body.StartsWith("The customer was warned"))).ShouldBe(toWarn.Count);
        (await check.Cases.CountAsync(c => toWarn.Contains(c.Id) && c.Status != CaseStatus.AwaitingCustomer)).ShouldBe(0, "warned, not closed");
        (await _db.CaseQueries().CountsAsync(store.Id)).ShouldBe(new Features.Cases.TabCounts(0, 0, toWarn.Count, toClose.Count));
    }

    [Fact]
    public async Task An_instance_killed_mid_batch_and_restarted_sends_no_warning_twice_and_still_closes_once()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var (store, _, order) = await _db.AddStoreAsync("Northwind Keys");
        var cases = await IdleCasesAsync(store.Id, order.Id, 150, idle: 13 * Day, warnedAgo: null);
        await using (var db = _db.NewContext())
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(o => o.SentAt, DateTime.UtcNow)); // the openings' emails are not under test

        // The first instance writes warnings but sends no email: the kill must land in the auto-close job's work.
        // Killed between the SMTP server's acceptance and its SentAt write, the outbox would resend that one email
        // on restart, by design (at-least-once with the same Message-ID, docs/live-updates.md; OutboxCrashTests).
        var first = Start();
        await first.WaitForLineAsync(l => l.Contains("Auto-close warned case"), occurrence: 10, Wait);
        List<string> warnedBeforeCrash;
        await using (var writeLock = await WriteLockAsync())
        {
            // The app is stopped at its next write: kill it there (SIGKILL), in the middle of its batch.
            first.Kill();
            warnedBeforeCrash = await QueryAsync(writeLock, "SELECT Id FROM Cases WHERE AutoCloseWarnedAt IS NOT NULL");
        }
        warnedBeforeCrash.Count.ShouldBeInRange(10, cases.Count - 1, "the kill landed in the middle of the work");
        await using (var db = _db.NewContext())
            (await db.Outbox.CountAsync(o => o.Kind == EmailKinds.AutoCloseWarning)).ShouldBe(warnedBeforeCrash.Count, "each warning committed with its email");

        // Two days pass while the app is down: the cases warned before the crash are now due to close.
        await ShiftBackAsync(cases, 2 * Day);

        var second = Start(smtp);
        await WaitUntilAsync(async db =>
            await db.Cases.CountAsync(c => cases.Contains(c.Id) && !warnedBeforeCrash.Contains(c.Id) && c.AutoCloseWarnedAt != null)
                == cases.Count - warnedBeforeCrash.Count
            && await db.Cases.CountAsync(c => warnedBeforeCrash.Contains(c.Id) && c.Status == CaseStatus.Closed) == warnedBeforeCrash.Count
            && !await db.Outbox.AnyAsync(o => o.SentAt == null));
        await MoreRunsAsync(second, 2);
        second.Kill();

        await using var check = _db.NewContext();
        (await PerCaseAsync(check, EmailKinds.AutoCloseWarning, cases)).ShouldAllBe(n => n == 1, "no case was warned twice");
        (await PerCaseAsync(check, EmailKinds.AutoClosed, warnedBeforeCrash)).ShouldAllBe(n => n == 1, "each case warned before the crash closed once");
        (await check.Cases.CountAsync(c => cases.Contains(c.Id) && !warnedBeforeCrash.Contains(c.Id) && c.Status == CaseStatus.Closed))
            .ShouldBe(0, "a case warned after the restart closes no sooner than two days later");
        var expected = await check.Outbox.Where(o => o.Kind == EmailKinds.AutoCloseWarning || o.Kind == EmailKinds.AutoClosed)
            .Select(o => o.MessageIdHeader).ToListAsync();
        expected.Count.ShouldBe(cases.Count + warnedBeforeCrash.Count);
        var received = (await smtp.WaitForAsync(cases.Count + warnedBeforeCrash.Count, Wait))
            .Select(m => "<" + m.MessageId + ">").Where(expected.Contains).ToList();
        received.Order().ShouldBe(expected.Order(), "every warning and closing email delivered exactly once");
    }

    /// <summary>Cases answered by the merchant, then made idle for <paramref name="idle"/> (and warned <paramref name="warnedAgo"/>).</summary>
    private async Task<List<string>> IdleCasesAsync(string storeId, string orderId, int count, TimeSpan idle, TimeSpan? warnedAgo)
    {
        var service = _db.CaseService(clock: TimeProvider.System);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var opened = (await service.OpenAsync(storeId, orderId, $"Case {i}", "Where is my key?")).Case!;
            (await service.ReplyAsync(storeId, opened.Id, AutomationKit.Ada, "Here it is.")).Succeeded.ShouldBeTrue();
            ids.Add(opened.Id);
        }
        var now = DateTime.UtcNow;
        await using var db = _db.NewContext();
        await db.Cases.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.LastActivityAt, now - idle)
            .SetProperty(c => c.AutoCloseWarnedAt, warnedAgo is { } ago ? now - ago : null));
        return ids;
    }

    private async Task ShiftBackAsync(List<string> ids, TimeSpan by)
    {
        await using var db = _db.NewContext();
        foreach (var c in await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync())
        {
            c.LastActivityAt -= by;
            c.AutoCloseWarnedAt -= by;
        }
        await db.SaveChangesAsync();
    }

    private static async Task<List<int>> PerCaseAsync(DashboardDbContext db, string kind, List<string> ids)
    {
        var counts = await db.Outbox.Where(o => o.Kind == kind && ids.Contains(o.CaseId!)).GroupBy(o => o.CaseId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        counts.Count.ShouldBe(ids.Count, $"every case has a {kind} email");
        return counts.Select(c => c.Count).ToList();
    }

    /// <summary>Holds SQLite's write lock, so the app blocks at its next write.</summary>
    private async Task<SqliteTransactionLock> WriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_db.Directory, "dashboard.db")}");
        await connection.OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "PRAGMA busy_timeout=30000; BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }
        return new SqliteTransactionLock(connection);
    }

    private static async Task<List<string>> QueryAsync(SqliteTransactionLock held, string sql)
    {
        await using var command = held.Connection.CreateCommand();
        command.CommandText = sql;
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    private async Task WaitUntilAsync(Func<DashboardDbContext, Task<bool>> done)
    {
        var until = DateTime.UtcNow + Wait;
        while (true)
        {
            await using (var db = _db.NewContext())
                if (await done(db)) return;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"The apps did not finish ({await StateAsync()}). Output:\n"
                    + string.Join('\n', _apps.SelectMany(a => a.Lines.TakeLast(30))));
            await Task.Delay(200);
        }
    }

    /// <summary>What the database holds, for a timeout's message.</summary>
    private async Task<string> StateAsync()
    {
        await using var db = _db.NewContext();
        var warned = await db.Cases.CountAsync(c => c.AutoCloseWarnedAt != null);
        var closed = await db.Cases.CountAsync(c => c.Status == CaseStatus.Closed);
        var unsent = await db.Outbox.Where(o => o.SentAt == null).Select(o => new { o.Kind, o.Attempts, o.LastError }).ToListAsync();
        return $"warned {warned}, closed {closed}, unsent emails {unsent.Count}: "
            + string.Join("; ", unsent.Take(5).Select(u => $"{u.Kind} attempts {u.Attempts} {u.LastError}"));
    }

    /// <summary>Waits until <paramref name="app"/> has ended <paramref name="runs"/> more runs (its own or skipped for the other's lease).</summary>
    private static Task MoreRunsAsync(AppProcess app, int runs)
    {
        static bool Ended(string line) => line.Contains("Auto-close run ended") || line.Contains("Auto-close run skipped");
        return app.WaitForLineAsync(Ended, app.Lines.Count(Ended) + runs, Wait);
    }

    private AppProcess Start(SmtpServer? smtp = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Dashboard__DataDirectory"] = _db.Directory,
            ["DemoData__Enabled"] = "false",
            ["AutoClose__Interval"] = "00:00:00.200",
            ["AutoClose__Lease"] = "00:00:03",
            ["AutoClose__BatchSize"] = "40",
            ["Outbox__Enabled"] = smtp is null ? "false" : "true",
            ["Outbox__PollInterval"] = "00:00:00.200",
            ["Outbox__Lease"] = "00:00:03", // an email the killed instance had claimed is retried soon after the restart
            ["Outbox__BatchSize"] = "100",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Dashboard.Web.Features.Automation"] = "Debug",
        };
        if (smtp is not null)
        {
            environment["Smtp__Host"] = "127.0.0.1";
            environment["Smtp__Port"] = smtp.Port.ToString();
            environment["Smtp__UseStartTls"] = "false";
        }
        var app = new AppProcess(environment);
        _apps.Add(app);
        return app;
    }

    private sealed class SqliteTransactionLock(SqliteConnection connection) : IAsyncDisposable
    {
        public SqliteConnection Connection => connection;

        public async ValueTask DisposeAsync()
        {
            await using (var rollback = connection.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK;";
                await rollback.ExecuteNonQueryAsync();
            }
            await connection.DisposeAsync();
        }
    }
}
