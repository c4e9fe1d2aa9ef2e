namespace Dashboard.Web.Features.Settings;

public enum SettingsSaveOutcome
{
    Saved,
    /// <summary>A value broke a rule; <see cref="SettingsSaveResult.Errors"/> says which and why.</summary>
    Invalid,
    /// <summary>Someone saved in between; nothing was written.</summary>
    Conflict,
    /// <summary>Only the store's owner may save.</summary>
    Forbidden,
}
