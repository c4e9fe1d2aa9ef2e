namespace Dashboard.Web.Features.Settings;

/// <summary>
/// Settings → Cases as loaded: the values, the version a save must be based on, whether this user may
/// save (the owner) and the owner's address (the notification default).
/// </summary>
public sealed record CaseSettingsView(string StoreName, CaseSettings Settings, long Version, bool CanEdit, string? OwnerEmail);
