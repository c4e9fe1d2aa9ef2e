namespace Dashboard.Data;

/// <summary>
/// Hand-written SQL of migration <c>AddAutomation</c> (both providers call it after adding the
/// column): a case written before <c>Cases.LastActivityAt</c> existed gets the time of its latest
/// message or status change (entry kinds 0 = message, 2 = status trail), else its last message
/// time. Plain SQL both providers run.
/// </summary>
public static class AutoCloseBackfill
{
    public const string Sql = """
        UPDATE Cases SET LastActivityAt = COALESCE(
            (SELECT MAX(m.CreatedAt) FROM CaseMessages m WHERE m.CaseId = Cases.Id AND m.Kind IN (0, 2)),
            LastMessageAt);
        """;
}
