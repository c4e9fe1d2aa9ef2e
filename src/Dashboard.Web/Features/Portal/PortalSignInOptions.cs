using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Features.Portal;

/// <summary>The <c>Portal:SignIn</c> section: the customer's one-time link and code, and how often one may ask.</summary>
public sealed class PortalSignInOptions
{
    public const string Section = "Portal:SignIn";

    /// <summary>How long a link and its code work (default 15 minutes).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Wrong codes allowed per request; the next try finds the code dead (default 5).</summary>
    [Range(1, 20)]
    public int CodeAttempts { get; set; } = 5;

    /// <summary>Sign-in emails one address may ask for per <see cref="RateWindow"/> (default 3).</summary>
    [Range(1, 1000)]
    public int RequestsPerEmail { get; set; } = 3;

    /// <summary>Sign-in requests one IP address may make per <see cref="RateWindow"/>, whatever the email (default 10).</summary>
    [Range(1, 10000)]
    public int RequestsPerIp { get; set; } = 10;

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a customer stays signed in without visiting (sliding; default 7 days).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);
}
