using System.Diagnostics;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Live;

/// <summary>
/// The real app as a child process sends the outbox to a real SMTP server; the test kills it in the
/// middle of a batch (right after it claimed an email, before the SMTP send), restarts it, and
/// checks the mailbox: every email arrived, none twice.
/// </summary>
public class OutboxCrashTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private SmtpServer _smtp = null!;
    private readonly List<AppProcess> _apps = [];

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _smtp = await SmtpServer.StartAsync();
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
        await first.WaitForLineAsync(l => l.Contains("Sending outbox email"), occurrence: 3, TimeSpan.FromSeconds(60));
        first.Kill(); // claimed the third email and is pausing before its SMTP send
        var sentBeforeCrash = _smtp.Messages().Count;
        sentBeforeCrash.ShouldBe(2, "two sent, the third was claimed but not yet sent");
        (await Outbox(db => db.Outbox.CountAsync(o => o.SentAt == null && o.Attempts == 1))).ShouldBe(1, "the killed claim holds a lease");

        var second = Start();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await Outbox(db => db.Outbox.CountAsync(o => o.SentAt == null)) > 0 && DateTime.UtcNow < until) await Task.Delay(200);
        second.Kill();

        var received = _smtp.Messages();
        received.Select(m => "<" + m.MessageId + ">").Order().ShouldBe(expected.Order(), "each email exactly once");
        (await Outbox(db => db.Outbox.CountAsync(o => o.SentAt != null))).ShouldBe(6);
        (await Outbox(db => db.Outbox.Where(o => o.Attempts == 2).CountAsync())).ShouldBe(1, "only the interrupted email needed a second attempt");
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
            ["Outbox__PauseBetweenSends"] = "00:00:01",
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
