namespace Dashboard.Web.Features.Settings;

/// <summary>What a save did; <see cref="Errors"/> is keyed by <see cref="CaseSettingsRules"/> field names.</summary>
public sealed record SettingsSaveResult(SettingsSaveOutcome Outcome, IReadOnlyDictionary<string, string> Errors, long Version, string? Message)
{
    public const string ConflictMessage =
        "Someone else saved these settings while you were editing. Nothing was saved and your changes are still in the form: " +
        "load the latest settings to see theirs, or save again to replace them with yours.";
    public const string ForbiddenMessage = "Only the store's owner can change these settings.";
    public const string InvalidMessage = "Nothing was saved: please correct the fields marked below.";

    public bool Succeeded => Outcome == SettingsSaveOutcome.Saved;
}
