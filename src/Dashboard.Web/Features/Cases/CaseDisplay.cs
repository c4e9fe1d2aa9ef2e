using System.Globalization;
using Dashboard.Domain;

namespace Dashboard.Web.Features.Cases;

/// <summary>How the dashboard writes money, times, authors and statuses. Culture-neutral on purpose:
/// a Blazor Server circuit does not know the viewer's culture, and a US and a German merchant read
/// "$49.99" and "€19.99" the same way.</summary>
public static class CaseDisplay
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USD"] = "$", ["EUR"] = "€", ["GBP"] = "£", ["JPY"] = "¥", ["CAD"] = "CA$", ["AUD"] = "A$",
        ["NZD"] = "NZ$", ["INR"] = "₹", ["BRL"] = "R$", ["KRW"] = "₩", ["CNY"] = "CN¥", ["MXN"] = "MX$",
    };

    /// <summary>ISO 4217 currencies without minor units (amounts are already whole).</summary>
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase) { "JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF" };

    /// <summary>An amount in minor units (cents) with its currency's symbol: 4999 USD → "$49.99".</summary>
    public static string Money(long minor, string currency)
    {
        var digits = ZeroDecimal.Contains(currency) ? 0 : 2;
        var major = digits == 0 ? minor : minor / 100m;
        var number = Math.Abs(major).ToString("N" + digits, Invariant);
        var sign = minor < 0 ? "-" : "";
        return Symbols.TryGetValue(currency, out var symbol)
            ? sign + symbol + number
            : sign + number + " " + currency.ToUpperInvariant();
    }

    /// <summary>"just now", "5 min ago", "3 h ago", "2 d ago", then the date.</summary>
    public static string Relative(DateTime at, DateTime now)
    {
        var age = now - at;
        if (age < TimeSpan.FromSeconds(45)) return "just now";
        if (age < TimeSpan.FromHours(1)) return $"{Math.Max(1, (int)age.TotalMinutes)} min ago";
        if (age < TimeSpan.FromDays(1)) return $"{(int)age.TotalHours} h ago";
        if (age < TimeSpan.FromDays(7)) return $"{(int)age.TotalDays} d ago";
        return at.Year == now.Year ? at.ToString("d MMM", Invariant) : at.ToString("d MMM yyyy", Invariant);
    }

    /// <summary>The exact instant, for tooltips and the rail.</summary>
    /// <summary>Up to two initials of a person's name, for an avatar ("Nadia Holm" → "NH").</summary>
    public static string Initials(string name) => string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Take(2).Select(p => char.ToUpperInvariant(p[0])));

    public static string Exact(DateTime at) => at.ToString("d MMM yyyy, HH:mm 'UTC'", Invariant);

    /// <summary>Who wrote last, from the merchant's side of the table.</summary>
    public static string WhoFor(AuthorKind kind, bool merchantView = true) => kind switch
    {
        AuthorKind.Customer => "Customer",
        AuthorKind.Merchant => merchantView ? "You" : "Merchant",
        AuthorKind.Support => CaseWorkflow.SupportBrand,
        AuthorKind.System => "System",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Status label; in the merchant's views "Awaiting merchant" reads "Awaiting you", like its tab.</summary>
    public static string StatusLabel(CaseStatus status, bool merchantView = true) =>
        merchantView && status == CaseStatus.AwaitingMerchant ? "Awaiting you" : CaseWorkflow.Label(status);

    /// <summary>What the status menu says for each target a merchant may pick.</summary>
    public static string StatusAction(CaseStatus target) => target switch
    {
        CaseStatus.Closed => "Close case",
        CaseStatus.AwaitingCustomer => "Mark awaiting customer",
        CaseStatus.Open => "Reopen case",
        CaseStatus.AwaitingMerchant => "Mark awaiting you",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    /// <summary>A CSS-friendly name: AwaitingCustomer → "awaiting-customer".</summary>
    public static string Css<T>(T value) where T : struct, Enum => WireNames.ToWire(value).ToLowerInvariant().Replace('_', '-');

    /// <summary>Readable enum text: PartiallyRefunded → "Partially refunded".</summary>
    public static string Words<T>(T value) where T : struct, Enum
    {
        var wire = WireNames.ToWire(value).Replace('_', ' ').ToLowerInvariant();
        return char.ToUpperInvariant(wire[0]) + wire[1..];
    }
}
