namespace Dashboard.Web.Features.Email;

/// <summary>The <c>Smtp</c> section. Without <see cref="Host"/> emails are written as .eml files.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>The sender address; the display name is the store's name.</summary>
    public string From { get; set; } = "no-reply@pandabase.example";
    public bool UseStartTls { get; set; } = true;
    public string? User { get; set; }
    public string? Password { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// The <c>Portal</c> section: where links in emails point (<see cref="Infrastructure.PublicUrls"/>).
/// Unset addresses default to this host's own (<c>/portal</c> for customers), so the demo's links work.
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The customer portal's public address, e.g. <c>https://help.example.com/portal</c>; default: this host's <c>/portal</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The dashboard's public address, for links in emails to merchants; default: this host.</summary>
    public string? DashboardUrl { get; set; }

    /// <summary>The right-hand side of generated Message-IDs.</summary>
    public string MessageIdDomain { get; set; } = "dashboard.pandabase.example";
}

/// <summary>The <c>Outbox</c> section: how the sender polls, leases and retries.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often the sender looks for due emails.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed email is reserved for one sender; after it, another may retry it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public int BatchSize { get; set; } = 20;

    /// <summary>First retry delay; doubles per attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts an email is parked (LastError starts "Gave up").</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>A pause before each send (provider rate limits); zero by default.</summary>
    public TimeSpan PauseBetweenSends { get; set; } = TimeSpan.Zero;

    /// <summary>Turn the background sender off (e.g. on all but one instance, though leases make several safe).</summary>
    public bool Enabled { get; set; } = true;
}
