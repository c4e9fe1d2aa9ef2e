using Dashboard.Domain;
using Dashboard.Web.Features.Automation;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Automation;

/// <summary>
/// The auto-close job's runs on a real database, time driven by the test's clock: it warns, then
/// closes, exactly as the spec's "Automation" says, and never does either twice.
/// </summary>
public class AutoCloseJobTests : IAsyncLifetime
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private TestClock Clock => _db.Clock;

    private async Task<AutoCloseRunResult> RunAsync(AutoCloseRunner? runner = null) =>
        await (runner ?? _db.AutoCloseRunner()).RunOnceAsync(CancellationToken.None);

    [Fact]
    public async Task With_the_defaults_the_customer_is_warned_after_12_idle_days_and_the_case_closes_after_14()
    {
        var (store, customer, order) = await _db.AddStoreAsync("Northwind Keys");
        var c = await _db.AnsweredCaseAsync(store.Id, order.Id);
        var answeredAt = Clock.UtcNow;

        Clock.Advance(12 * Day - Second);
        (await RunAsync()).ShouldBe(new AutoCloseRunResult(true, 0, 0, 0));
        Clock.Advance(Second);
        (await RunAsync()).ShouldBe(new AutoCloseRunResult(true, Warned: 1, Closed: 0, Skipped: 0));

        var warning = (await _db.EmailsAsync(c.Id, EmailKinds.AutoCloseWarning)).ShouldHaveSingleItem();
        warning.ToAddress.ShouldBe(customer.Email);
        warning.TextBody.ShouldContain("will close automatically on 4 December 2026 (UTC) unless you reply");
        var warned = await _db.CaseAsync(c.Id);
        warned.AutoCloseWarnedAt.ShouldBe(answeredAt + 12 * Day);
        warned.Status.ShouldBe(CaseStatus.AwaitingCustomer);
        (await _db.TrailAsync(c.Id)).Last().ShouldBe((CaseEntryKind.Trail,
            "The customer was warned by email that the case closes automatically on 4 December 2026 unless they reply"));

        Clock.Advance(2 * Day - Second);
        (await RunAsync()).ShouldBe(new AutoCloseRunResult(true, 0, 0, 0), "the warning is sent once, and it is too early to close");
        Clock.Advance(Second);
        (await RunAsync()).ShouldBe(new AutoCloseRunResult(true, Warned: 0, Closed: 1, Skipped: 0));

        var closed = await _db.CaseAsync(c.Id);
        closed.Status.ShouldBe(CaseStatus.Closed);
        closed.ClosedBy.ShouldBe(AuthorKind.System);
        closed.ClosedAt.ShouldBe(answeredAt + 14 * Day);
        (await _db.TrailAsync(c.Id)).Last().ShouldBe((CaseEntryKind.StatusTrail, "Closed automatically after 14 days without a reply"));
        var notice = (await _db.EmailsAsync(c.Id, EmailKinds.AutoClosed)).ShouldHaveSingleItem();
        notice.ToAddress.ShouldBe(customer.Email);
        notice.TextBody.ShouldContain("was closed automatically after 14 days without a reply");
        (await _db.CaseQueries().CountsAsync(store.Id)).ShouldBe(new TabCounts(0, 0, 0, 1));

        Clock.Advance(30 * Day);
        (await RunAsync()).ShouldBe(new AutoCloseRunResult(true, 0, 0, 0));
        (await _db.EmailsAsync(c.Id, EmailKinds.AutoCloseWarning)).Count.ShouldBe(1);
        (await _db.EmailsAsync(c.Id, EmailKinds.AutoClosed)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Custom_periods_warn_and_close_on_the_stores_own_days()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        await _db.SetPeriodsAsync(store.Id, idleDays: 30, warningDays: 5);
        var c = await _db.AnsweredCaseAsync(store.Id, order.Id);

        Clock.Advance(25 * Day - Second);
        (await RunAsync()).Warned.ShouldBe(0);
        Clock.Advance(Second);
        (await RunAsync()).Warned.ShouldBe(1);
        Clock.Advance(5 * Day - Second);
        (await RunAsync()).Closed.ShouldBe(0);
        Clock.Advance(Second);
        (await RunAsync()).Closed.ShouldBe(1);

        (await _db.TrailAsync(c.Id)).Last().Body.ShouldBe("Closed automatically after 30 days without a reply");
    }

    [Fact]
    public async Task With_warning_zero_no_warning_is_sent_and_the_case_closes_when_the_idle_period_ends()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        await _db.SetPeriodsAsync(store.Id, idleDays: 3, warningDays: 0);
        var c = await _db.AnsweredCaseAsync(store.Id, order.Id);

        Clock.Advance(3 * Day - Second);
        (await RunAsync()).ShouldBe(new AutoCloseRunResult(true, 0, 0, 0));
        Clock.Advance(Second);
        (await RunAsync()).ShouldBe(new AutoCloseRunResult(true, Warned: 0, Closed: 1, Skipped: 0));

        (await _db.EmailsAsync(c.Id, EmailKinds.AutoCloseWarning)).ShouldBeEmpty();
        (await _db.EmailsAsync(c.Id, EmailKinds.AutoClosed)).ShouldHaveSingleItem();
        (await _db.CaseAsync(c.Id)).AutoCloseWarnedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_case_found_past_due_that_was_never_warned_is_warned_first_and_closes_no_sooner_than_the_warning_period_later()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.AnsweredCaseAsync(store.Id, order.Id);

        Clock.Advance(40 * Day); // the job did not run for 40 days
        (await RunAsync()).ShouldBe(new AutoCloseRunResult(true, Warned: 1, Closed: 0, Skipped: 0));
        (await _db.EmailsAsync(c.Id, EmailKinds.AutoCloseWarning)).ShouldHaveSingleItem()
            .TextBody.ShouldContain("on 1 January 2027 (UTC)");

        Clock.Advance(2 * Day - Second);
        (await RunAsync()).Closed.ShouldBe(0);
        (await _db.CaseAsync(c.Id)).Status.ShouldBe(CaseStatus.AwaitingCustomer);
        Clock.Advance(Second);
        (await RunAsync()).Closed.ShouldBe(1);
        (await _db.CaseAsync(c.Id)).Status.ShouldBe(CaseStatus.Closed);
    }

    [Fact]
    public async Task A_customer_reply_after_the_warning_cancels_the_close()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.AnsweredCaseAsync(store.Id, order.Id);
        Clock.Advance(12 * Day);
        (await RunAsync()).Warned.ShouldBe(1);

        Clock.Advance(Day);
        (await _db.CaseService().CustomerReplyAsync(store.Id, c.Id, "Still not working")).Outcome.ShouldBe(CaseOutcome.Ok);

        Clock.Advance(60 * Day);
        (await RunAsync()).ShouldBe(new AutoCloseRunResult(true, 0, 0, 0));
        var after = await _db.CaseAsync(c.Id);
        after.Status.ShouldBe(CaseStatus.AwaitingMerchant);
        after.AutoCloseWarnedAt.ShouldBeNull();
        (await _db.EmailsAsync(c.Id, EmailKinds.AutoClosed)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("merchant")]
    [InlineData("support")]
    public async Task A_reply_after_the_warning_restarts_the_clock_and_a_new_stretch_gets_its_own_warning(string who)
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.AnsweredCaseAsync(store.Id, order.Id);
        Clock.Advance(12 * Day);
        (await RunAsync()).Warned.ShouldBe(1);

        Clock.Advance(Day);
        var replyAt = Clock.UtcNow;
        var reply = who == "merchant"
            ? await _db.CaseService().ReplyAsync(store.Id, c.Id, AutomationKit.Ada, "One more thing: restart first.")
            : await SupportPostAsync(c.Id);
        reply.Outcome.ShouldBe(CaseOutcome.Ok, reply.Error);
        var reset = await _db.CaseAsync(c.Id);
        reset.AutoCloseWarnedAt.ShouldBeNull();
        reset.LastActivityAt.ShouldBe(replyAt);

        Clock.Advance(Day); // the first stretch's closing day
        (await RunAsync()).ShouldBe(new AutoCloseRunResult(true, 0, 0, 0));
        Clock.Set(replyAt + 12 * Day - Second);
        (await RunAsync()).Warned.ShouldBe(0);
        Clock.Advance(Second);
        (await RunAsync()).Warned.ShouldBe(1);
        Clock.Set(replyAt + 14 * Day);
        (await RunAsync()).Closed.ShouldBe(1);

        (await _db.EmailsAsync(c.Id, EmailKinds.AutoCloseWarning)).Count.ShouldBe(2, "one per idle stretch");
        (await _db.EmailsAsync(c.Id, EmailKinds.AutoClosed)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_status_change_restarts_the_clock()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id);
        Clock.Advance(30 * Day); // open and quiet for a month, then set to Awaiting customer without a message
        (await _db.CaseService().UpdateAsync(store.Id, c.Id, AutomationKit.Ada, null, CaseStatus.AwaitingCustomer)).Outcome.ShouldBe(CaseOutcome.Ok);

        (await RunAsync()).ShouldBe(new AutoCloseRunResult(true, 0, 0, 0));
        Clock.Advance(12 * Day);
        (await RunAsync()).Warned.ShouldBe(1);
    }

    [Fact]
    public async Task Each_store_is_run_with_its_own_periods_in_batches()
    {
        var (quick, _, quickOrder) = await _db.AddStoreAsync("Quick Store");
        await _db.SetPeriodsAsync(quick.Id, idleDays: 5, warningDays: 1);
        var (slow, _, slowOrder) = await _db.AddStoreAsync("Slow Store");
        var quickCases = new List<string>();
        for (var i = 0; i < 5; i++) quickCases.Add((await _db.AnsweredCaseAsync(quick.Id, quickOrder.Id, $"Quick {i}")).Id);
        var slowCase = await _db.AnsweredCaseAsync(slow.Id, slowOrder.Id);

        Clock.Advance(4 * Day);
        (await RunAsync(_db.AutoCloseRunner(batchSize: 2))).ShouldBe(new AutoCloseRunResult(true, Warned: 5, Closed: 0, Skipped: 0));
        Clock.Advance(Day);
        (await RunAsync(_db.AutoCloseRunner(batchSize: 2))).ShouldBe(new AutoCloseRunResult(true, Warned: 0, Closed: 5, Skipped: 0));

        foreach (var id in quickCases) (await _db.CaseAsync(id)).Status.ShouldBe(CaseStatus.Closed);
        (await _db.CaseAsync(slowCase.Id)).AutoCloseWarnedAt.ShouldBeNull();
    }

    [Fact]
    public async Task While_one_instance_holds_the_lease_another_does_not_run_until_it_expires()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.AnsweredCaseAsync(store.Id, order.Id);
        Clock.Advance(12 * Day);
        var crashed = new JobLeaseStore(_db.Factory, Clock);
        (await crashed.TryTakeAsync(Features.Automation.AutoCloseRunner.JobName, TimeSpan.FromMinutes(2), CancellationToken.None)).ShouldBeTrue();

        (await RunAsync()).ShouldBe(AutoCloseRunResult.NotHolder, "the lease of an instance that died mid-run is still running");
        (await _db.EmailsAsync(c.Id, EmailKinds.AutoCloseWarning)).ShouldBeEmpty();

        Clock.Advance(TimeSpan.FromMinutes(2));
        (await RunAsync()).Warned.ShouldBe(1);
        (await crashed.TryTakeAsync(Features.Automation.AutoCloseRunner.JobName, TimeSpan.FromMinutes(2), CancellationToken.None))
            .ShouldBeTrue("released at the end of the run");
    }

    [Fact]
    public async Task A_warning_based_on_a_case_someone_changed_since_is_refused_as_a_conflict_and_sends_nothing()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.AnsweredCaseAsync(store.Id, order.Id);
        Clock.Advance(12 * Day);
        var seen = (await _db.CaseAsync(c.Id)).Version;
        (await _db.CaseService().UpdateAsync(store.Id, c.Id, AutomationKit.Ada, CasePriority.High, null)).Outcome.ShouldBe(CaseOutcome.Ok);

        var stale = await _db.CaseService().AutoCloseWarnAsync(store.Id, c.Id, AutoClosePeriods.Default, seen);

        stale.Outcome.ShouldBe(CaseOutcome.Conflict);
        (await _db.EmailsAsync(c.Id, EmailKinds.AutoCloseWarning)).ShouldBeEmpty();
        (await RunAsync()).Warned.ShouldBe(1, "the next run reads the case afresh");
    }

    [Fact]
    public async Task The_workflow_refuses_a_second_warning_even_with_the_current_version()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.AnsweredCaseAsync(store.Id, order.Id);
        Clock.Advance(12 * Day);
        var service = _db.CaseService();

        (await service.AutoCloseWarnAsync(store.Id, c.Id, AutoClosePeriods.Default, (await _db.CaseAsync(c.Id)).Version)).Outcome.ShouldBe(CaseOutcome.Ok);
        var again = await service.AutoCloseWarnAsync(store.Id, c.Id, AutoClosePeriods.Default, (await _db.CaseAsync(c.Id)).Version);

        again.Outcome.ShouldBe(CaseOutcome.Refused);
        again.Error.ShouldBe(CaseWorkflow.Messages.AutoCloseAlreadyWarned);
        (await _db.EmailsAsync(c.Id, EmailKinds.AutoCloseWarning)).Count.ShouldBe(1);
    }

    /// <summary>Support can only write in an escalated case: escalate it (a signal), then post.</summary>
    private async Task<CaseResult> SupportPostAsync(string caseId)
    {
        await _db.EscalateAsync(caseId);
        return await _db.CaseService().SupportPostAsync(caseId, await _db.AddSupportUserAsync(), "Pandabase Support checking in.");
    }
}
