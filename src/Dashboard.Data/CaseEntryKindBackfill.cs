namespace Dashboard.Data;

/// <summary>
/// Hand-written SQL of migration <c>AddCaseEntryKind</c> (both providers call it): entries written
/// before the <c>Kind</c> column existed get their kind from what they are. SYSTEM lines about a
/// status change start with the words the state machine writes; other SYSTEM lines are trail; the
/// demo seed's old auto-replies were SYSTEM lines named "Auto-reply". Plain SQL both providers run.
/// </summary>
public static class CaseEntryKindBackfill
{
    public const string Sql = """
        UPDATE CaseMessages SET Kind = 3 WHERE AuthorKind = 3;
        UPDATE CaseMessages SET Kind = 2 WHERE AuthorKind = 3
            AND (Body LIKE 'Status changed from %' OR Body LIKE 'Reopened by %' OR Body LIKE 'Closed by %' OR Body LIKE 'Closed automatically %');
        UPDATE CaseMessages SET Kind = 1 WHERE AuthorKind = 3 AND AuthorName = 'Auto-reply';
        """;
}
