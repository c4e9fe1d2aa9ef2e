using System.Diagnostics.CodeAnalysis;

namespace Dashboard.Domain.Tickets;

/// <summary>
/// The tickets API's lowercase snake_case enum names (<c>orders_payments</c>, <c>answered</c>), derived
/// from <see cref="WireNames"/> so the two spellings can never drift apart. Parsing is exact: only the
/// lowercase form is accepted, as the contract spells it.
/// </summary>
public static class LowerWireNames
{
    public static string ToWire<T>(T value) where T : struct, Enum => WireNames.ToWire(value).ToLowerInvariant();

    public static bool TryParse<T>(string? wire, [NotNullWhen(true)] out T? value) where T : struct, Enum
    {
        value = null;
        if (wire is null || !string.Equals(wire, wire.ToLowerInvariant(), StringComparison.Ordinal)) return false;
        return WireNames.TryParse(wire.ToUpperInvariant(), out value);
    }

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => [.. WireNames.All<T>().Select(n => n.ToLowerInvariant())];
}
