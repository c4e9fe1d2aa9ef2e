using System.Diagnostics;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Infrastructure;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Live;

/// <summary>
/// A restarted app does not wait out the lease its previous life took on an email (2 minutes by
/// default): it sees that the lease's owner process is gone and sends at once. Leases of live
/// processes are never taken.
/// </summary>
public class OutboxRestartTests : IAsyncLifetime
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
    public async Task After_a_kill_mid_send_the_restarted_app_sends_without_waiting_out_its_dead_lease()
    {
        var (store, _, order) = await _db.AddStoreAsync("Northwind Keys");
        var service = _db.CaseService(clock: TimeProvider.System);
        for (var i = 0; i < 2; i++)
        {
            var c = (await service.OpenAsync(store.Id, order.Id, $"Case {i}", "Hello")).Case!;
            (await service.ReplyAsync(store.Id, c.Id, Actor.Merchant("Theo Merchant", "user-theo"), $"Answer {i}")).Outcome.ShouldBe(CaseOutcome.Ok);
        }
        var expected = await Outbox(db => db.Outbox.Select(o => o.MessageIdHeader).ToListAsync());

        var first = Start();
        await first.WaitForLineAsync(l => l.Contains("Sending outbox email"), occurrence: 2, TimeSpan.FromSeconds(120));
        first.Kill(); // the second email is claimed, its send paused: the lease is the default 2 minutes
        var leased = await Outbox(db => db.Outbox.AsNoTracking().SingleAsync(o => o.SentAt == null && o.Attempts == 1));
        leased.LeaseOwner.ShouldNotBeNull();
        leased.NextAttemptAt.ShouldBeGreaterThan(DateTime.UtcNow.AddSeconds(90), "a two-minute lease");

        var second = Start();
        await second.WaitForLineAsync(l => l.Contains("Released 1 outbox email(s) leased by " + leased.LeaseOwner), 1, TimeSpan.FromSeconds(120));
        await second.WaitForLineAsync(l => l.Contains($"Sent outbox email {leased.Id}"), 1, TimeSpan.FromSeconds(60));
        var sent = await Outbox(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Id == leased.Id));
        sent.SentAt!.Value.ShouldBeLessThan(leased.NextAttemptAt, "sent before the dead lease would have run out");
        await second.WaitForLineAsync(l => l.Contains("Sent outbox email"), expected.Count - 1, TimeSpan.FromSeconds(60));
        (await _smtp.WaitForAsync(expected.Count, TimeSpan.FromSeconds(30))).Select(m => "<" + m.MessageId + ">").Order()
            .ShouldBe(expected.Order(), "each email exactly once");
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
            ["Outbox__PauseBetweenSends"] = "00:00:02",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Dashboard.Web.Features.Email"] = "Information",
        });
        _apps.Add(app);
        return app;
    }
}

/// <summary>Whether a lease's owner still runs, decided from real processes.</summary>
public class ProcessIdentityTests : IAsyncLifetime
{
    private readonly ProcessIdentity _me = new(Options.Create(new InstanceOptions()));
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private static string OwnerOf(Process p) => ProcessIdentity.Format(Environment.MachineName, p.Id, ProcessIdentity.StartTicks(p));

    private static Process Run(string file, string arguments) =>
        Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false }) ?? throw new InvalidOperationException(file);

    [Fact]
    public async Task Live_processes_are_alive_and_exited_or_reused_ids_are_dead()
    {
        using var sleeper = Run("sleep", "60");
        using var exited = Run("true", "");
        var exitedOwner = OwnerOf(exited);
        await exited.WaitForExitAsync();
        try
        {
            _me.StateOf(_me.Owner).ShouldBe(LeaseOwnerState.Alive);
            _me.StateOf(OwnerOf(sleeper)).ShouldBe(LeaseOwnerState.Alive);
            _me.StateOf(exitedOwner).ShouldBe(LeaseOwnerState.Dead);
            using var self = Process.GetCurrentProcess();
            _me.StateOf(ProcessIdentity.Format(Environment.MachineName, self.Id, ProcessIdentity.StartTicks(self) - TimeSpan.TicksPerHour))
                .ShouldBe(LeaseOwnerState.Dead, "this process id, started at another time: a previous process");
            _me.StateOf(ProcessIdentity.Format(Environment.MachineName, sleeper.Id, ProcessIdentity.StartTicks(sleeper) - TimeSpan.TicksPerHour))
                .ShouldBe(LeaseOwnerState.Dead, "a reused process id");
            _me.StateOf(ProcessIdentity.Format("another-machine", 1, 0)).ShouldBe(LeaseOwnerState.Unknown, "cannot be checked from here");
            _me.StateOf("garbage").ShouldBe(LeaseOwnerState.Unknown);
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Fact]
    public async Task The_sender_releases_only_leases_of_dead_owners()
    {
        using var sleeper = Run("sleep", "60");
        using var exited = Run("true", "");
        var dead = OwnerOf(exited);
        await exited.WaitForExitAsync();
        var (store, _, order) = await _db.AddStoreAsync();
        var service = _db.CaseService();
        for (var i = 0; i < 3; i++) await service.OpenAsync(store.Id, order.Id, $"Case {i}", "Hello");
        var leaseEnd = _db.Clock.UtcNow.AddMinutes(2);
        string?[] owners = [dead, OwnerOf(sleeper), ProcessIdentity.Format("another-machine", 4242, 0)];
        await using (var db = _db.NewContext())
        {
            var ids = await db.Outbox.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
            for (var i = 0; i < ids.Count; i++)
                await db.Outbox.Where(o => o.Id == ids[i]).ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.NextAttemptAt, leaseEnd).SetProperty(o => o.Attempts, 1).SetProperty(o => o.LeaseOwner, owners[i]));
        }
        try
        {
            var sender = new OutboxSender(_db.Factory, _db.Clock,
                new EmailDeliveryFactory(Options.Create(new SmtpOptions()), Options.Create(new Dashboard.Data.DataDirectoryOptions { DataDirectory = _db.Directory })),
                Options.Create(new OutboxOptions()), _me, NullLogger<OutboxSender>.Instance);
            (await sender.ReleaseDeadLeasesAsync(CancellationToken.None)).ShouldBe(1);
            (await sender.SendDueAsync(CancellationToken.None)).ShouldBe(1, "only the dead owner's email is due again");
            await using var check = _db.NewContext();
            var rows = await check.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
            rows.Select(r => r.SentAt is not null).ShouldBe([true, false, false]);
            rows.Skip(1).Select(r => (r.LeaseOwner, r.NextAttemptAt)).ShouldBe([(owners[1], leaseEnd), (owners[2], leaseEnd)], "live and unknown owners keep their leases");
        }
        finally
        {
            sleeper.Kill();
        }
    }
}
