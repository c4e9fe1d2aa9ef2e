namespace Dashboard.Web.Features.Settings;

/// <summary>Settings → Cases as the form edits them and the service saves them.</summary>
public sealed record CaseSettings(bool AutoReplyEnabled, string AutoReplyText, int IdleDays, int WarningDays, string NotificationEmail);
