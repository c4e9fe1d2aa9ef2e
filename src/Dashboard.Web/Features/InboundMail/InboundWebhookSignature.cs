using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Features.InboundMail;

/// <summary>
/// The inbound webhook's signature: <c>X-Inbound-Timestamp: {unix seconds}</c> and
/// <c>X-Inbound-Signature: sha256={hex}</c>, the HMAC-SHA256 with the shared secret of
/// <c>{timestamp}.{raw body bytes}</c>. The timestamp must be within
/// <see cref="InboundMailOptions.WebhookTolerance"/> of now, so a captured request cannot be replayed later.
/// </summary>
public sealed class InboundWebhookSignature : IDisposable
{
    public const string TimestampHeader = "X-Inbound-Timestamp";
    public const string SignatureHeader = "X-Inbound-Signature";
    private const string Scheme = "sha256=";

    private readonly IncrementalHash _hmac;

    /// <summary>Starts a signature over <c>{timestamp}.</c>; feed the body with <see cref="Append"/>.</summary>
    public InboundWebhookSignature(string secret, string timestamp)
    {
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        _hmac.AppendData(Encoding.ASCII.GetBytes(timestamp + "."));
    }

    public void Append(ReadOnlySpan<byte> body) => _hmac.AppendData(body);

    /// <summary>Compares with the header's value in constant time.</summary>
    public bool Matches(string? header)
    {
        var expected = _hmac.GetHashAndReset();
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return false;
        byte[] provided;
        try { provided = Convert.FromHexString(header.AsSpan(Scheme.Length).Trim()); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(expected, provided);
    }

    /// <summary>The header value for <paramref name="body"/> (for senders, tests and the docs' example).</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var signature = new InboundWebhookSignature(secret, timestamp);
        signature.Append(body);
        return Scheme + Convert.ToHexStringLower(signature._hmac.GetHashAndReset());
    }

    /// <summary>True when <paramref name="timestamp"/> is unix seconds within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public static bool IsFresh(string? timestamp, DateTimeOffset now, TimeSpan tolerance) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds < 253402300799 // year 9999, the last second DateTimeOffset can hold
        && (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= tolerance;

    public void Dispose() => _hmac.Dispose();
}
