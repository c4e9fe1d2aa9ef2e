using static Dashboard.Domain.CaseWorkflow.Messages;

namespace Dashboard.Domain.Tests;

/// <summary>The auto-close rules of the spec ("Automation"): warn, then close; activity resets; late cases are warned first.</summary>
public class AutoCloseRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
    private static readonly AutoClosePeriods Defaults = AutoClosePeriods.Default;

    private static CaseState Awaiting(DateTime lastActivityAt, DateTime? warnedAt = null) => new(
        CaseStatus.AwaitingCustomer, CasePriority.Normal, 0, false, lastActivityAt, AuthorKind.Merchant, null, null,
        lastActivityAt, lastActivityAt, warnedAt);

    [Fact]
    public void The_defaults_are_fourteen_idle_days_and_a_warning_two_days_before()
    {
        Defaults.ShouldBe(new AutoClosePeriods(14, 2));
        Defaults.WarningDueAt(Now).ShouldBe(Now.AddDays(12));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    [InlineData(-5)]
    public void Idle_days_outside_1_to_90_are_refused_saying_the_range(int days) =>
        AutoClosePeriods.ValidateIdleDays(days).ShouldBe("Close after must be between 1 and 90 days");

    [Theory]
    [InlineData(1)]
    [InlineData(90)]
    public void Idle_days_at_the_limits_are_accepted(int days) => AutoClosePeriods.ValidateIdleDays(days).ShouldBeNull();

    [Theory]
    [InlineData(-1, 14)]
    [InlineData(14, 14)]
    [InlineData(30, 14)]
    public void Warning_days_outside_0_to_idle_minus_one_are_refused_saying_the_range(int warning, int idle) =>
        AutoClosePeriods.ValidateWarningDays(warning, idle).ShouldBe("The warning must be between 0 and 13 days (less than the 14 days before closing)");

    [Fact]
    public void With_one_idle_day_the_warning_must_be_zero()
    {
        AutoClosePeriods.ValidateWarningDays(1, 1).ShouldBe("The warning must be 0 days when cases close after 1 day");
        AutoClosePeriods.ValidateWarningDays(0, 1).ShouldBeNull();
    }

    [Fact]
    public void The_warning_falls_due_warning_days_before_the_idle_period_ends()
    {
        var state = Awaiting(Now.AddDays(-12));
        Defaults.Due(state, Now.AddSeconds(-1)).ShouldBe(AutoCloseStep.None);
        Defaults.Due(state, Now).ShouldBe(AutoCloseStep.Warn);
        CaseWorkflow.Decide(state, new CaseTrigger.AutoCloseWarns(Defaults), Now.AddSeconds(-1)).Refusal.ShouldBe(AutoCloseWarningTooEarly);

        var d = CaseWorkflow.Apply(state, new CaseTrigger.AutoCloseWarns(Defaults), Now);

        d.NewState.ShouldBe(state with { AutoCloseWarnedAt = Now, UpdatedAt = Now });
        d.Effects.ShouldBe(CaseEffects.SendAutoCloseWarning);
        d.TrailLines.ShouldBe([new TrailLine(
            "The customer was warned by email that the case closes automatically on 22 November 2026 unless they reply", CaseEntryKind.Trail)]);
    }

    [Fact]
    public void A_warned_case_closes_when_the_idle_period_ends_and_not_before()
    {
        var warned = Awaiting(Now.AddDays(-12), warnedAt: Now);
        CaseWorkflow.Decide(warned, new CaseTrigger.AutoClose(Defaults), Now.AddDays(2).AddSeconds(-1)).Refusal.ShouldBe(AutoCloseTooEarly);
        Defaults.Due(warned, Now.AddDays(2)).ShouldBe(AutoCloseStep.Close);
        CaseWorkflow.Apply(warned, new CaseTrigger.AutoClose(Defaults), Now.AddDays(2)).NewState.Status.ShouldBe(CaseStatus.Closed);
    }

    [Fact]
    public void A_case_is_warned_once_per_idle_stretch() =>
        CaseWorkflow.Decide(Awaiting(Now.AddDays(-13), warnedAt: Now.AddDays(-1)), new CaseTrigger.AutoCloseWarns(Defaults), Now)
            .Refusal.ShouldBe(AutoCloseAlreadyWarned);

    [Fact]
    public void A_case_past_due_that_was_never_warned_is_warned_first_and_closes_no_sooner_than_the_warning_period_later()
    {
        var late = Awaiting(Now.AddDays(-40));
        Defaults.Due(late, Now).ShouldBe(AutoCloseStep.Warn);
        CaseWorkflow.Decide(late, new CaseTrigger.AutoClose(Defaults), Now).Refusal.ShouldBe(AutoCloseNotWarned);

        var warned = CaseWorkflow.Apply(late, new CaseTrigger.AutoCloseWarns(Defaults), Now);
        warned.Trail.ShouldHaveSingleItem().ShouldContain("22 November 2026");

        CaseWorkflow.Decide(warned.NewState, new CaseTrigger.AutoClose(Defaults), Now.AddDays(2).AddSeconds(-1)).Refusal.ShouldBe(AutoCloseWarningRunning);
        Defaults.Due(warned.NewState, Now.AddDays(2).AddSeconds(-1)).ShouldBe(AutoCloseStep.None);
        CaseWorkflow.Apply(warned.NewState, new CaseTrigger.AutoClose(Defaults), Now.AddDays(2)).NewState.ClosedBy.ShouldBe(AuthorKind.System);
    }

    [Fact]
    public void With_warning_zero_no_warning_is_sent_and_the_case_closes_when_idle()
    {
        var noWarning = new AutoClosePeriods(7, 0);
        var state = Awaiting(Now.AddDays(-7));
        noWarning.Due(Awaiting(Now.AddDays(-7).AddSeconds(1)), Now).ShouldBe(AutoCloseStep.None);
        noWarning.Due(state, Now).ShouldBe(AutoCloseStep.Close);
        CaseWorkflow.Decide(state, new CaseTrigger.AutoCloseWarns(noWarning), Now).Refusal.ShouldBe(AutoCloseWarningOff);

        var d = CaseWorkflow.Apply(state, new CaseTrigger.AutoClose(noWarning), Now);

        d.Trail.ShouldBe(["Closed automatically after 7 days without a reply"]);
    }

    [Fact]
    public void One_idle_day_reads_in_the_singular() =>
        CaseWorkflow.Apply(Awaiting(Now.AddDays(-1)), new CaseTrigger.AutoClose(new AutoClosePeriods(1, 0)), Now)
            .Trail.ShouldBe(["Closed automatically after 1 day without a reply"]);

    [Fact]
    public void Custom_periods_warn_and_close_on_their_own_days()
    {
        var periods = new AutoClosePeriods(30, 5);
        periods.Due(Awaiting(Now.AddDays(-24)), Now).ShouldBe(AutoCloseStep.None);
        periods.Due(Awaiting(Now.AddDays(-25)), Now).ShouldBe(AutoCloseStep.Warn);
        periods.Due(Awaiting(Now.AddDays(-29), warnedAt: Now.AddDays(-4)), Now).ShouldBe(AutoCloseStep.None);
        periods.Due(Awaiting(Now.AddDays(-30), warnedAt: Now.AddDays(-5)), Now).ShouldBe(AutoCloseStep.Close);
    }

    public static TheoryData<string, CaseTrigger> Activity => new()
    {
        { "customer reply", new CaseTrigger.CustomerReplies() },
        { "merchant reply", new CaseTrigger.MerchantReplies("Ada Merchant") },
        { "support post", new CaseTrigger.SupportPosts() },
        { "merchant closes", new CaseTrigger.MerchantUpdates("Ada Merchant", null, CaseStatus.Closed) },
        { "customer closes", new CaseTrigger.CustomerCloses() },
    };

    [Theory, MemberData(nameof(Activity))]
    public void Activity_restarts_the_clock_and_withdraws_the_warning(string activity, CaseTrigger trigger)
    {
        // Escalated, so that support may post; escalation changes nothing else here.
        var warned = Awaiting(Now.AddDays(-13), warnedAt: Now.AddDays(-1)) with { Escalated = true };

        var d = CaseWorkflow.Apply(warned, trigger, Now);

        d.NewState.LastActivityAt.ShouldBe(Now, activity);
        d.NewState.AutoCloseWarnedAt.ShouldBeNull(activity);
    }

    [Fact]
    public void A_status_change_without_a_message_restarts_the_clock()
    {
        var open = Awaiting(Now.AddDays(-30)) with { Status = CaseStatus.Open };

        var d = CaseWorkflow.Apply(open, new CaseTrigger.MerchantUpdates("Ada Merchant", null, CaseStatus.AwaitingCustomer), Now);

        d.NewState.LastActivityAt.ShouldBe(Now);
        Defaults.Due(d.NewState, Now.AddDays(12).AddSeconds(-1)).ShouldBe(AutoCloseStep.None);
    }

    public static TheoryData<string, CaseTrigger> NotActivity => new()
    {
        { "priority change", new CaseTrigger.MerchantUpdates("Ada Merchant", CasePriority.Urgent, null) },
        { "mark read", new CaseTrigger.MerchantMarksRead() },
        { "escalation signal", new CaseTrigger.EscalationSignal(EscalationSignalKind.DisputeRisk, "dispute risk") },
    };

    [Theory, MemberData(nameof(NotActivity))]
    public void Changes_that_are_not_activity_leave_the_clock_and_the_warning(string change, CaseTrigger trigger)
    {
        var warned = Awaiting(Now.AddDays(-13), warnedAt: Now.AddDays(-1)) with { UnreadCount = 1 };

        var d = CaseWorkflow.Apply(warned, trigger, Now);

        d.NewState.LastActivityAt.ShouldBe(warned.LastActivityAt, change);
        d.NewState.AutoCloseWarnedAt.ShouldBe(warned.AutoCloseWarnedAt, change);
    }

    [Fact]
    public void A_case_reopened_after_an_automatic_close_starts_a_new_stretch()
    {
        var closed = CaseWorkflow.Apply(Awaiting(Now.AddDays(-14), warnedAt: Now.AddDays(-2)), new CaseTrigger.AutoClose(Defaults), Now).NewState;

        var reopened = CaseWorkflow.Apply(closed, new CaseTrigger.CustomerReplies(), Now.AddDays(1)).NewState;

        reopened.AutoCloseWarnedAt.ShouldBeNull();
        reopened.LastActivityAt.ShouldBe(Now.AddDays(1));
    }
}
