using Dashboard.Domain;

namespace Dashboard.Domain.Tests;

/// <summary>The spec's table "Timeline entries and who sees them", row by row.</summary>
public class TimelineVisibilityTests
{
    private const TimelineAudience Dashboard = TimelineAudience.MerchantDashboard;
    private const TimelineAudience Support = TimelineAudience.SupportConsole;
    private const TimelineAudience Portal = TimelineAudience.CustomerPortal;
    private const TimelineAudience Api = TimelineAudience.StoreApi;
    private const TimelineAudience Email = TimelineAudience.Email;

    public static TheoryData<CaseEntryKind, TimelineAudience[]> Table() => new()
    {
        { CaseEntryKind.Message, [Dashboard, Support, Portal, Api, Email] },
        { CaseEntryKind.AutoReply, [Dashboard, Support, Portal, Api, Email] },
        { CaseEntryKind.StatusTrail, [Dashboard, Support, Portal, Api] },
        { CaseEntryKind.Trail, [Dashboard, Support, Api] },
        { CaseEntryKind.TeamNote, [Dashboard, Support] },
        { CaseEntryKind.StaffNote, [Support] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_kind_is_seen_by_exactly_its_audiences(CaseEntryKind kind, TimelineAudience[] seenBy)
    {
        Enum.GetValues<TimelineAudience>().Where(a => kind.IsVisibleTo(a)).ShouldBe(seenBy, ignoreOrder: true);
        foreach (var audience in Enum.GetValues<TimelineAudience>())
            TimelineVisibility.KindsVisibleTo(audience).Contains(kind).ShouldBe(seenBy.Contains(audience));
    }

    [Fact]
    public void Every_kind_has_a_row()
    {
        Table().Select(row => row.Data.Item1).ShouldBe(Enum.GetValues<CaseEntryKind>(), ignoreOrder: true);
    }

    [Fact]
    public void Status_changes_are_status_trail_and_priority_changes_are_trail()
    {
        var state = CaseWorkflow.Open(CasePriority.Normal, new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc));

        var decision = CaseWorkflow.Decide(state, new CaseTrigger.MerchantUpdates("Ada Merchant", CasePriority.Urgent, CaseStatus.Closed), state.UpdatedAt);

        decision.TrailLines.Select(t => t.Kind).ShouldBe([CaseEntryKind.StatusTrail, CaseEntryKind.Trail]);
        CaseWorkflow.Decide(state, new CaseTrigger.EscalationSignal(EscalationSignalKind.DisputeRisk, "dispute risk"), state.UpdatedAt)
            .TrailLines.ShouldHaveSingleItem().Kind.ShouldBe(CaseEntryKind.Trail);
        CaseWorkflow.Decide(state, new CaseTrigger.CustomerCloses(), state.UpdatedAt)
            .TrailLines.ShouldHaveSingleItem().Kind.ShouldBe(CaseEntryKind.StatusTrail);
    }
}
