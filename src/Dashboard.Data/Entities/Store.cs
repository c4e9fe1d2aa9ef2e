using Dashboard.Domain;

namespace Dashboard.Data.Entities;

public sealed class Store
{
    public string Id { get; set; } = Ids.New(Ids.Store);
    public string Name { get; set; } = "";

    /// <summary>Where "new case" emails go; empty means the owner's address (Settings → Cases).</summary>
    public string NotificationEmail { get; set; } = "";
    public string DefaultCurrency { get; set; } = "USD";

    public bool AutoReplyEnabled { get; set; }
    public string? AutoReplyText { get; set; }

    /// <summary>Idle days in Awaiting customer before auto-close (default 14) and warning lead (default 2).</summary>
    public int AutoCloseDays { get; set; } = AutoClosePeriods.IdleDaysDefault;
    public int AutoCloseWarningDays { get; set; } = AutoClosePeriods.WarningDaysDefault;

    /// <summary>
    /// Optimistic concurrency token of the settings above: every save bumps it, and a save based on
    /// an older value is refused (two owners editing Settings → Cases at once).
    /// </summary>
    public long SettingsVersion { get; set; }

    public AutoClosePeriods AutoClosePeriods => new(AutoCloseDays, AutoCloseWarningDays);

    public DateTime CreatedAt { get; set; }

    /// <summary>Only the owner may replace licence keys (LicenceWorkflow); agents may by default.</summary>
    public bool ReplaceLicencesOwnersOnly { get; set; }
    public List<StoreMember> Members { get; set; } = [];
}
