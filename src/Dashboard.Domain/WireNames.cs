using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Dashboard.Domain;

/// <summary>
/// The API's SCREAMING_SNAKE names for the enums (AWAITING_CUSTOMER, PARTIALLY_REFUNDED, …),
/// derived from the C# names so the two can never drift apart.
/// </summary>
public static class WireNames
{
    public static string ToWire<T>(T value) where T : struct, Enum => Cache<T>.ToWire[value];

    public static bool TryParse<T>(string? wire, [NotNullWhen(true)] out T? value) where T : struct, Enum
    {
        if (wire is not null && Cache<T>.FromWire.TryGetValue(wire, out var found))
        {
            value = found;
            return true;
        }
        value = null;
        return false;
    }

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Cache<T>.Names;

    private static string Screaming(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i])) sb.Append('_');
            sb.Append(char.ToUpperInvariant(pascal[i]));
        }
        return sb.ToString();
    }

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ToWire = Enum.GetValues<T>().ToDictionary(v => v, v => Screaming(v.ToString()));
        public static readonly Dictionary<string, T> FromWire = ToWire.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
        public static readonly IReadOnlyList<string> Names = ToWire.Values.ToArray();
    }
}
