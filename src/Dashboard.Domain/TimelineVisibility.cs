namespace Dashboard.Domain;

/// <summary>
/// The one answer to "is this timeline entry visible to X" (the spec's table "Timeline entries and
/// who sees them"). Queries filter with <see cref="KindsVisibleTo"/>; code asks <see cref="IsVisibleTo"/>.
/// </summary>
public static class TimelineVisibility
{
    public static bool IsVisibleTo(this CaseEntryKind kind, TimelineAudience audience) => (kind, audience) switch
    {
        (CaseEntryKind.Message or CaseEntryKind.AutoReply, _) => true,
        (CaseEntryKind.StatusTrail, TimelineAudience.Email) => false,
        (CaseEntryKind.StatusTrail, _) => true,
        (CaseEntryKind.Trail, TimelineAudience.MerchantDashboard or TimelineAudience.SupportConsole or TimelineAudience.StoreApi) => true,
        (CaseEntryKind.Trail, _) => false,
        (CaseEntryKind.TeamNote, TimelineAudience.MerchantDashboard or TimelineAudience.SupportConsole) => true,
        (CaseEntryKind.TeamNote, _) => false,
        (CaseEntryKind.StaffNote, TimelineAudience.SupportConsole) => true,
        (CaseEntryKind.StaffNote, _) => false,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kinds <paramref name="audience"/> sees, for a query's <c>Contains</c> filter.</summary>
    public static IReadOnlyList<CaseEntryKind> KindsVisibleTo(TimelineAudience audience) => ByAudience[audience];

    private static readonly Dictionary<TimelineAudience, CaseEntryKind[]> ByAudience =
        Enum.GetValues<TimelineAudience>().ToDictionary(a => a,
            a => Enum.GetValues<CaseEntryKind>().Where(k => k.IsVisibleTo(a)).ToArray());
}
