using System.Security.Cryptography;

namespace Dashboard.Domain;

/// <summary>
/// Prefixed, random, URL-safe identifiers (shp_, cs_, ord_, cus_, msg_, att_, sk_), 12–48 characters.
/// An id of the wrong prefix or length is rejected before any lookup.
/// </summary>
public static class Ids
{
    public const string Store = "shp_";
    public const string Case = "cs_";
    public const string Order = "ord_";
    public const string Customer = "cus_";
    public const string Message = "msg_";
    public const string Attachment = "att_";
    public const string Secret = "sk_";
    public const string Token = "tok_";
    public const string Product = "prd_";
    public const string Variant = "var_";
    public const string OrderItem = "itm_";
    public const string License = "lic_";
    public const string Payment = "pay_";
    public const string Address = "adr_";

    public const int MinLength = 12;
    public const int MaxLength = 48;

    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>A new id: the prefix and 20 random base-62 characters (about 119 bits).</summary>
    public static string New(string prefix, int randomLength = 20)
    {
        Span<char> chars = stackalloc char[randomLength];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return prefix + new string(chars);
    }

    /// <summary>True when <paramref name="value"/> has the prefix, a valid length and only URL-safe characters.</summary>
    public static bool IsValid(string? value, string prefix)
    {
        if (value is null || value.Length < MinLength || value.Length > MaxLength) return false;
        if (!value.StartsWith(prefix, StringComparison.Ordinal)) return false;
        foreach (var c in value.AsSpan(prefix.Length))
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-')) return false;
        return value.Length > prefix.Length;
    }
}
