using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Automation;
using Dashboard.Web.Features.Support.Signals;
using Dashboard.Web.Tests.InboundMail;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Support;

/// <summary>
/// REPEATED_UNRESOLVED can turn due with nothing happening: a customer's cases pass their 72 hours
/// unanswered. The periodic sweep finds them and escalates the customer's newest open case, once.
/// </summary>
public class SignalSweepTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Store _store = null!;
    private Customer _customer = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        (_store, _customer, _) = await _db.AddStoreAsync("Northwind Test");
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private SignalSweepRunner Runner(JobLeaseStore? leases = null) =>
        new(_db.Factory, _db.CaseService(), leases ?? new JobLeaseStore(_db.Factory, _db.Clock), _db.Clock,
            Options.Create(new SignalSweepOptions()), NullLogger<SignalSweepRunner>.Instance);

    /// <summary>Three cases of the customer, twenty minutes apart: too soon for a pattern when they open.</summary>
    private async Task<List<string>> ThreeCasesAsync()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _db.OpenCaseAsync(_store.Id, (await _db.AddOrderAsync(_store.Id, _customer.Id)).Id, $"Case {i}")).Id);
            _db.Clock.Advance(TimeSpan.FromMinutes(20));
        }
        return ids;
    }

    private async Task<List<CaseSignal>> SignalsAsync()
    {
        await using var db = _db.NewContext();
        return await db.CaseSignals.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
    }

    [Fact]
    public async Task Three_cases_left_unanswered_for_72_hours_escalate_the_newest_open_one_once()
    {
        var ids = await ThreeCasesAsync();
        var runner = Runner();
        (await runner.RunOnceAsync(CancellationToken.None)).Escalated.ShouldBe(0, "nobody has had 72 hours yet");

        _db.Clock.Advance(TimeSpan.FromHours(72));
        (await runner.RunOnceAsync(CancellationToken.None)).ShouldBe(new SignalSweepResult(true, Evaluated: 1, Escalated: 1));

        var signal = (await SignalsAsync()).ShouldHaveSingleItem();
        (signal.CaseId, signal.Kind, signal.Source).ShouldBe((ids[2], EscalationSignalKind.RepeatedUnresolved, SignalSweepRunner.Source));
        signal.Reason.ShouldContain("opened 3 cases at this store in 30 days and none got a merchant reply within 72 hours");
        (await _db.CaseAsync(ids[2])).Escalated.ShouldBeTrue();
        (await _db.CaseAsync(ids[0])).Escalated.ShouldBeFalse();

        // The next sweeps: no new window closed, and a fresh instance looking back over the same days changes nothing.
        _db.Clock.Advance(TimeSpan.FromMinutes(15));
        (await runner.RunOnceAsync(CancellationToken.None)).ShouldBe(new SignalSweepResult(true, Evaluated: 0, Escalated: 0));
        (await Runner().RunOnceAsync(CancellationToken.None)).Escalated.ShouldBe(0);
        (await SignalsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_merchant_reply_within_72_hours_to_one_of_the_cases_keeps_the_sweep_quiet()
    {
        var ids = await ThreeCasesAsync();
        (await _db.CaseService().ReplyAsync(_store.Id, ids[0], Actor.Merchant("Ada"), "On it")).Succeeded.ShouldBeTrue();

        _db.Clock.Advance(TimeSpan.FromHours(73));
        (await Runner().RunOnceAsync(CancellationToken.None)).ShouldBe(new SignalSweepResult(true, Evaluated: 1, Escalated: 0));
        (await SignalsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task When_the_newest_case_is_closed_the_customers_newest_open_case_carries_the_signal()
    {
        var ids = await ThreeCasesAsync();
        (await _db.CaseService().CustomerCloseAsync(_store.Id, ids[2])).Succeeded.ShouldBeTrue();

        _db.Clock.Advance(TimeSpan.FromHours(73));
        (await Runner().RunOnceAsync(CancellationToken.None)).Escalated.ShouldBe(1);

        (await SignalsAsync()).ShouldHaveSingleItem().CaseId.ShouldBe(ids[1]);
    }

    [Fact]
    public async Task Another_instance_holding_the_sweeps_lease_means_this_one_does_not_run()
    {
        await ThreeCasesAsync();
        _db.Clock.Advance(TimeSpan.FromHours(73));
        var other = new JobLeaseStore(_db.Factory, _db.Clock);
        (await other.TryTakeAsync(SignalSweepRunner.JobName, TimeSpan.FromMinutes(2), CancellationToken.None)).ShouldBeTrue();

        (await Runner().RunOnceAsync(CancellationToken.None)).ShouldBe(SignalSweepResult.NotHolder);
        (await SignalsAsync()).ShouldBeEmpty();

        _db.Clock.Advance(TimeSpan.FromMinutes(3));
        (await Runner().RunOnceAsync(CancellationToken.None)).Escalated.ShouldBe(1, "the other instance's lease ran out");
    }
}
