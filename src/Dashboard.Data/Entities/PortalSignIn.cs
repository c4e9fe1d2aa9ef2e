using Dashboard.Domain;

namespace Dashboard.Data.Entities;

/// <summary>
/// One customer portal sign-in request: a one-time link and a 6-digit code, both stored only as
/// hashes, valid until <see cref="ExpiresAt"/>, used at most once, the code with a few tries.
/// Rows also count requests per email and per IP address for the rate limit; a request for an
/// email without orders gets a row without hashes (nothing was sent, so nothing can match).
/// </summary>
public sealed class PortalSignIn
{
    public string Id { get; set; } = Ids.New(Ids.SignIn);
    public string NormalizedEmail { get; set; } = "";
    public string? IpAddress { get; set; }

    /// <summary>SHA-256 (hex) of the link's token; null when no email was sent.</summary>
    public string? TokenHash { get; set; }

    /// <summary>SHA-256 (hex) of the code salted with <see cref="Id"/>; null when no email was sent.</summary>
    public string? CodeHash { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int FailedAttempts { get; set; }

    /// <summary>When the link or the code signed someone in; after that neither works again.</summary>
    public DateTime? UsedAt { get; set; }
}
