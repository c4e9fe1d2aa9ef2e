namespace Dashboard.Web.Features.Support.Audit;

/// <summary>What a staff member did, as the audit log names it.</summary>
public static class StaffAuditAction
{
    public const string OpenedCase = nameof(OpenedCase);
    public const string PostedMessage = nameof(PostedMessage);
    public const string WroteNote = nameof(WroteNote);
    public const string ChangedCase = nameof(ChangedCase);
    public const string Escalated = nameof(Escalated);
    public const string Deescalated = nameof(Deescalated);
    public const string Claimed = nameof(Claimed);
    public const string Assigned = nameof(Assigned);
    public const string Released = nameof(Released);

    public static IReadOnlyList<string> All { get; } =
        [OpenedCase, PostedMessage, WroteNote, ChangedCase, Escalated, Deescalated, Claimed, Assigned, Released];

    public static string Label(string action) => action switch
    {
        OpenedCase => "Opened a case",
        PostedMessage => "Posted a message",
        WroteNote => "Wrote a staff note",
        ChangedCase => "Changed status or priority",
        Escalated => "Escalated",
        Deescalated => "De-escalated",
        Claimed => "Claimed",
        Assigned => "Assigned",
        Released => "Released",
        _ => action,
    };
}
