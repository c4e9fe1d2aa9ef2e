using System.Globalization;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// Page and page-size values read from a list's URL. They arrive as text, so a hand-edited or old link
/// (<c>?page=abc</c>, <c>page=1.5</c>, <c>page=99999999999</c>, <c>size=7</c>) is corrected instead of failing the page.
/// </summary>
public static class PagingQuery
{
    /// <summary>Anything but a whole number of 1 or more (abc, 1.5, -2, 0) is page 1; a number too large for an
    /// int is the largest, which a list then corrects to its last page.</summary>
    public static int ParsePage(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.All(char.IsAsciiDigit)) return 1;
        var digits = value.TrimStart('0');
        if (digits.Length == 0) return 1;
        return digits.Length > 10 || long.Parse(digits, CultureInfo.InvariantCulture) > int.MaxValue
            ? int.MaxValue
            : int.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>Only the sizes a list offers count; anything else is its default.</summary>
    public static int ParseSize(string? value, IReadOnlyCollection<int> offered, int fallback) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && offered.Contains(size) ? size : fallback;

    /// <summary>Rows before <paramref name="page"/> (1-based), kept in range for any page number.</summary>
    public static int Offset(int page, int size) => (int)Math.Min(int.MaxValue, (long)(Math.Max(1, page) - 1) * size);

    /// <summary>The offset of the last page of <paramref name="total"/> rows: where a page past the end lands.</summary>
    public static int LastPageOffset(int total, int size) => total <= 0 ? 0 : (total - 1) / size * size;
}
