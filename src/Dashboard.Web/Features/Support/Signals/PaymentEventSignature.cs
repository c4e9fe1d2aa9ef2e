using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Features.Support.Signals;

/// <summary>
/// The payment webhook's signature, the way payment providers sign: header
/// <c>Payment-Signature: t={unix seconds},v1={hex}</c>, where v1 is HMAC-SHA256 with the shared secret of
/// <c>{t}.{raw body}</c>. Several v1 values are allowed (a secret being rotated); one must match.
/// </summary>
public static class PaymentEventSignature
{
    public const string Header = "Payment-Signature";

    /// <summary>The header value for <paramref name="body"/> signed at <paramref name="at"/> (senders, tests, docs).</summary>
    public static string Sign(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Convert.ToHexStringLower(Mac(secret, t, body))}";
    }

    /// <summary>True when the header is well formed, its timestamp within <paramref name="tolerance"/> of now, and a v1 matches.</summary>
    public static bool Verify(string? header, string secret, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header)) return false;
        string? t = null;
        var candidates = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) continue;
            var (key, value) = (part[..eq], part[(eq + 1)..]);
            if (key == "t") t = value;
            else if (key == "v1") candidates.Add(value);
        }
        if (t is null || candidates.Count == 0) return false;
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance) return false;
        var expected = Mac(secret, t, body);
        foreach (var candidate in candidates)
        {
            byte[] provided;
            try { provided = Convert.FromHexString(candidate); }
            catch (FormatException) { continue; }
            if (CryptographicOperations.FixedTimeEquals(expected, provided)) return true;
        }
        return false;
    }

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
