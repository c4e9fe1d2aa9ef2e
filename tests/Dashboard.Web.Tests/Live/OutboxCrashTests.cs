using System.Diagnostics;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Live;

/// <summary>
/// The real app as a child process sends the outbox to a real SMTP server; the server holds the third
/// message unanswered and says so (its "HOLDING" line), which is the exact moment the sender has
/// claimed an email and not yet had it accepted. The test kills the app then (however slow the
/// machine, the app is still stuck there), restarts it, and checks the mailbox: every email
/// arrived, none twice.
/// </summary>
public class OutboxCrashTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(5); // bounds a failure only: two app starts on a loaded machine
    private TestDatabase _db = null!;
    private SmtpServer _smtp = null!;
    private readonly List<AppProcess> _apps = [];

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _smtp = await SmtpServer.StartAsync(holdAt: 3);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps) app.Dispose();
        await _smtp.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Killing_the_app_mid_batch_and_restarting_loses_nothing_and_sends_nothing_twice()
    {
        var (store, _, order) = await _db.AddStoreAsync("Northwind Keys");
        var service = _db.CaseService(clock: TimeProvider.System);
        for (var i = 0; i < 3; i++)
        {
            var c = (await service.OpenAsync(store.Id, order.Id, $"Case {i}", "Hello")).Case!;
            (await service.ReplyAsync(store.Id, c.Id, Actor.Merchant("Theo Merchant", "user-theo"), $"Answer {i}")).Outcome.ShouldBe(CaseOutcome.Ok);
        }
        var expected = await Outbox(db => db.Outbox.Select(o => o.MessageIdHeader).ToListAsync());
        expected.Count.ShouldBe(6);

        var first = Start();
        var held = (await _smtp.WaitForLinesAsync("HOLDING", 1, Wait)).Single();
        first.Kill(); // claimed the third email; its SMTP send is waiting for an answer that never comes
        _smtp.Messages().Count.ShouldBe(2, "two accepted before the crash, the third never was");
        (await Outbox(db => db.Outbox.Where(o => o.SentAt == null && o.Attempts == 1).Select(o => o.MessageIdHeader).ToListAsync()))
            .ShouldBe([held], "the killed claim holds a lease on the held email");
        (await Outbox(db => db.Outbox.CountAsync(o => o.SentAt != null))).ShouldBe(2);

        var second = Start();
        // The four left (the held one once its lease ran out): the app logs each after marking it sent.
        await second.WaitForLineAsync(l => l.Contains("Sent outbox email"), occurrence: 4, Wait);
        second.Kill();

        var received = _smtp.Messages();
        received.Select(m => "<" + m.MessageId + ">").Order().ShouldBe(expected.Order(), "each email exactly once");
        (await Outbox(db => db.Outbox.CountAsync(o => o.SentAt != null))).ShouldBe(6);
        (await Outbox(db => db.Outbox.Where(o => o.Attempts == 2).Select(o => o.MessageIdHeader).ToListAsync()))
            .ShouldBe([held], "only the interrupted email needed a second attempt");
    }

    private async Task<T> Outbox<T>(Func<Dashboard.Data.DashboardDbContext, Task<T>> query)
    {
        await using var db = _db.NewContext();
        return await query(db);
    }

    private AppProcess Start()
    {
        var app = new AppProcess(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Dashboard__DataDirectory"] = _db.Directory,
            ["DemoData__Enabled"] = "false",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = _smtp.Port.ToString(),
            ["Smtp__UseStartTls"] = "false",
            ["Outbox__PollInterval"] = "00:00:00.200",
            ["Outbox__Lease"] = "00:00:03",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Dashboard.Web.Features.Email"] = "Information",
        });
        _apps.Add(app);
        return app;
    }
}

/// <summary>The product's own host (Dashboard.Web.dll) as a child process, its console output captured.</summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _signal = new(0);

    public AppProcess(IReadOnlyDictionary<string, string> environment)
    {
        var dir = AppContext.BaseDirectory;
        var psi = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(dir, "Dashboard.Web.dll") },
            WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        _process = Process.Start(psi) ?? throw new InvalidOperationException("the app did not start");
        var started = _process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { if (!started.HasExited) started.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } };
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines { get { lock (_lines) return [.. _lines]; } }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
        _signal.Release();
    }

    public async Task WaitForLineAsync(Func<string, bool> match, int occurrence, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_lines) if (_lines.Count(match) >= occurrence) return;
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _process.HasExited)
                throw new TimeoutException("The app did not log the expected line. Output:\n" + string.Join('\n', Lines.TakeLast(40)));
            await _signal.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
