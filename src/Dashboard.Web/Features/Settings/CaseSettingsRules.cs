using System.Net.Mail;
using Dashboard.Domain;

namespace Dashboard.Web.Features.Settings;

/// <summary>
/// The rules of Settings → Cases, in words a merchant understands, one message per field. The
/// service enforces them; the page shows the same messages next to the fields.
/// </summary>
public static class CaseSettingsRules
{
    public const string AutoReplyText = nameof(CaseSettings.AutoReplyText);
    public const string IdleDays = nameof(CaseSettings.IdleDays);
    public const string WarningDays = nameof(CaseSettings.WarningDays);
    public const string NotificationEmail = nameof(CaseSettings.NotificationEmail);
    public const int EmailMax = 256;

    public static IReadOnlyDictionary<string, string> Validate(CaseSettings settings)
    {
        var errors = new Dictionary<string, string>();
        if (AutoReplyTemplate.Validate(settings.AutoReplyText, settings.AutoReplyEnabled) is { } text) errors[AutoReplyText] = text;
        if (AutoClosePeriods.ValidateIdleDays(settings.IdleDays) is { } idle) errors[IdleDays] = idle;
        else if (AutoClosePeriods.ValidateWarningDays(settings.WarningDays, settings.IdleDays) is { } warning) errors[WarningDays] = warning;
        if (ValidateEmail(settings.NotificationEmail) is { } email) errors[NotificationEmail] = email;
        return errors;
    }

    /// <summary>A single plain address ("help@store.example"), no display name.</summary>
    public static string? ValidateEmail(string? email)
    {
        var trimmed = (email ?? "").Trim();
        if (trimmed.Length == 0) return "Enter the address new cases are emailed to";
        if (trimmed.Length > EmailMax) return $"The address is too long: the limit is {EmailMax} characters";
        var valid = MailAddress.TryCreate(trimmed, out var parsed)
                    && parsed.Address == trimmed && parsed.DisplayName.Length == 0
                    && !trimmed.Any(char.IsWhiteSpace) && parsed.Host.Contains('.') && !parsed.Host.EndsWith('.');
        return valid ? null : $"\"{trimmed}\" is not an email address: write it like help@yourstore.com";
    }
}
