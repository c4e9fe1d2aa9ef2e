using System.Text;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Support.Signals;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Support;

/// <summary>
/// Each escalation signal escalates a non-closed case once, with its reason on the trail and in
/// CaseSignals; never a closed case. Evaluated when a case opens, is reopened, and when a payment event arrives.
/// </summary>
public class EscalationSignalTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Store _store = null!;
    private Customer _customer = null!;
    private Order _order = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        (_store, _customer, _order) = await _db.AddStoreAsync("Northwind Test");
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private PaymentEventProcessor Processor() => new(_db.Factory, _db.Clock, _db.CaseService());

    private static ReadOnlyMemory<byte> Event(string id, string type, string paymentId) =>
        Encoding.UTF8.GetBytes($$$"""{"id":"{{{id}}}","type":"{{{type}}}","data":{"payment_id":"{{{paymentId}}}"}}""");

    private async Task<string> PaymentIdAsync()
    {
        await using var db = _db.NewContext();
        return (await db.Orders.SingleAsync(o => o.Id == _order.Id)).Payment!.Id;
    }

    private async Task<(SupportCase Case, List<CaseSignal> Signals, List<CaseMessage> Trail)> ReadAsync(string caseId)
    {
        await using var db = _db.NewContext();
        return (await db.Cases.SingleAsync(c => c.Id == caseId),
            await db.CaseSignals.Where(s => s.CaseId == caseId).ToListAsync(),
            await db.CaseMessages.Where(m => m.CaseId == caseId && m.Kind == CaseEntryKind.Trail).OrderBy(m => m.Sequence).ToListAsync());
    }

    [Fact]
    public async Task A_dispute_event_escalates_the_orders_open_case_once_with_its_reason_on_the_trail()
    {
        var c = await _db.OpenCaseAsync(_store.Id, _order.Id);
        var payment = await PaymentIdAsync();

        var first = await Processor().ProcessAsync(Event("evt_dispute_1", PaymentEventTypes.DisputeCreated, payment));
        var second = await Processor().ProcessAsync(Event("evt_dispute_2", PaymentEventTypes.DisputeCreated, payment));

        first.ShouldBe(new PaymentEventResult(PaymentEventOutcome.Accepted, Escalated: 1));
        second.ShouldBe(new PaymentEventResult(PaymentEventOutcome.Accepted, Escalated: 0), "the signal already fired on this case");
        var (escalated, signals, trail) = await ReadAsync(c.Id);
        escalated.Escalated.ShouldBeTrue();
        var signal = signals.ShouldHaveSingleItem();
        signal.Kind.ShouldBe(EscalationSignalKind.DisputeRisk);
        signal.Source.ShouldBe("payment-event:evt_dispute_1");
        trail.ShouldHaveSingleItem().Body.ShouldBe("Escalated to Pandabase Support: Dispute risk: payment event evt_dispute_1 (dispute.created)");
        await using var db = _db.NewContext();
        (await db.Orders.SingleAsync(o => o.Id == _order.Id)).Payment!.Status.ShouldBe(PaymentStatus.Disputed);
    }

    [Fact]
    public async Task No_signal_ever_fires_on_a_closed_case()
    {
        var c = await _db.OpenCaseAsync(_store.Id, _order.Id);
        (await _db.CaseService().UpdateAsync(_store.Id, c.Id, Actor.Merchant("Ada"), null, CaseStatus.Closed)).Succeeded.ShouldBeTrue();

        (await Processor().ProcessAsync(Event("evt_d", PaymentEventTypes.DisputeCreated, await PaymentIdAsync()))).Escalated.ShouldBe(0);
        (await _db.CaseService().RaiseSignalAsync(c.Id, EscalationSignalKind.EfwMatch, "x", "test")).Error.ShouldBe(CaseWorkflow.Messages.EscalateClosed);

        var (closed, signals, trail) = await ReadAsync(c.Id);
        closed.Escalated.ShouldBeFalse();
        signals.ShouldBeEmpty();
        trail.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_case_opened_on_an_order_with_a_recorded_early_fraud_warning_is_escalated_when_it_opens()
    {
        (await Processor().ProcessAsync(Event("evt_efw_1", PaymentEventTypes.EarlyFraudWarningCreated, await PaymentIdAsync())))
            .ShouldBe(new PaymentEventResult(PaymentEventOutcome.Accepted, 0), "no case yet: the warning is recorded for later");

        var c = await _db.OpenCaseAsync(_store.Id, _order.Id);

        var (escalated, signals, _) = await ReadAsync(c.Id);
        escalated.Escalated.ShouldBeTrue();
        signals.ShouldHaveSingleItem().Kind.ShouldBe(EscalationSignalKind.EfwMatch);
        signals[0].Source.ShouldBe("case-opened");
    }

    [Fact]
    public async Task A_second_kind_of_signal_on_an_escalated_case_is_recorded_once_too()
    {
        var c = await _db.OpenCaseAsync(_store.Id, _order.Id);
        var payment = await PaymentIdAsync();
        await Processor().ProcessAsync(Event("evt_1", PaymentEventTypes.DisputeCreated, payment));
        await Processor().ProcessAsync(Event("evt_2", PaymentEventTypes.EarlyFraudWarningCreated, payment));
        await Processor().ProcessAsync(Event("evt_3", PaymentEventTypes.EarlyFraudWarningCreated, payment));

        var (_, signals, trail) = await ReadAsync(c.Id);
        signals.Select(s => s.Kind).Order().ShouldBe([EscalationSignalKind.DisputeRisk, EscalationSignalKind.EfwMatch]);
        trail.Count.ShouldBe(2);
        trail[1].Body.ShouldStartWith("Escalation signal: Early fraud warning:");
    }

    [Fact]
    public async Task The_third_unanswered_case_of_a_customer_in_30_days_is_escalated_as_repeated_unresolved()
    {
        var first = await _db.OpenCaseAsync(_store.Id, _order.Id, "One");
        _db.Clock.Advance(TimeSpan.FromDays(5));
        var second = await _db.OpenCaseAsync(_store.Id, (await _db.AddOrderAsync(_store.Id, _customer.Id)).Id, "Two");
        (await ReadAsync(second.Id)).Signals.ShouldBeEmpty("two cases are not yet a pattern");
        _db.Clock.Advance(TimeSpan.FromDays(5));

        var third = await _db.OpenCaseAsync(_store.Id, (await _db.AddOrderAsync(_store.Id, _customer.Id)).Id, "Three");

        var (escalated, signals, _) = await ReadAsync(third.Id);
        escalated.Escalated.ShouldBeTrue();
        signals.ShouldHaveSingleItem().Kind.ShouldBe(EscalationSignalKind.RepeatedUnresolved);
        signals[0].Reason.ShouldContain("opened 3 cases at this store in 30 days");
        (await ReadAsync(first.Id)).Signals.ShouldBeEmpty();
    }

    [Fact]
    public async Task Three_cases_opened_within_an_hour_are_not_yet_repeated_unresolved()
    {
        var cases = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            cases.Add((await _db.OpenCaseAsync(_store.Id, (await _db.AddOrderAsync(_store.Id, _customer.Id)).Id, $"Case {i}")).Id);
            _db.Clock.Advance(TimeSpan.FromMinutes(20));
        }

        foreach (var id in cases)
            (await ReadAsync(id)).Signals.ShouldBeEmpty("nobody has had 72 hours to answer yet");
    }

    [Fact]
    public async Task A_merchant_reply_within_72_hours_to_one_of_the_cases_means_no_repeated_unresolved_signal()
    {
        var first = await _db.OpenCaseAsync(_store.Id, _order.Id, "One");
        _db.Clock.Advance(TimeSpan.FromHours(71));
        (await _db.CaseService().ReplyAsync(_store.Id, first.Id, Actor.Merchant("Ada"), "On it")).Succeeded.ShouldBeTrue();
        await _db.OpenCaseAsync(_store.Id, (await _db.AddOrderAsync(_store.Id, _customer.Id)).Id, "Two");

        var third = await _db.OpenCaseAsync(_store.Id, (await _db.AddOrderAsync(_store.Id, _customer.Id)).Id, "Three");

        (await ReadAsync(third.Id)).Signals.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_case_reopened_twice_is_escalated_as_repeated_unresolved_once()
    {
        var c = await _db.OpenCaseAsync(_store.Id, _order.Id);
        var cases = _db.CaseService();
        for (var round = 1; round <= 3; round++)
        {
            (await cases.UpdateAsync(_store.Id, c.Id, Actor.Merchant("Ada"), null, CaseStatus.Closed)).Succeeded.ShouldBeTrue();
            (await cases.CustomerReplyAsync(_store.Id, c.Id, $"Still broken ({round})")).Succeeded.ShouldBeTrue();
            var signals = (await ReadAsync(c.Id)).Signals;
            if (round == 1) signals.ShouldBeEmpty("one reopening is not yet a pattern");
            else signals.ShouldHaveSingleItem().Reason.ShouldContain("reopened 2 times");
        }
    }
}
