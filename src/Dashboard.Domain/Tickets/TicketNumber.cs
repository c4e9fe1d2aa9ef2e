using System.Globalization;

namespace Dashboard.Domain.Tickets;

/// <summary>
/// A ticket's number within its store (1, 2, 3, … never reused), shown as <c>#000042</c>. The API's path
/// accepts the number as <c>42</c>, <c>000042</c> or <c>#000042</c>, or the ticket's UUID.
/// </summary>
public static class TicketNumber
{
    public const int Digits = 6;

    public static string Format(int number) => "#" + number.ToString("D" + Digits, CultureInfo.InvariantCulture);

    /// <summary>Reads <c>42</c>, <c>000042</c> or <c>#000042</c> (at most 9 digits, at least 1).</summary>
    public static bool TryParse(string? text, out int number)
    {
        number = 0;
        var digits = text.AsSpan().Trim();
        if (digits.StartsWith("#")) digits = digits[1..];
        if (digits.Length is 0 or > 9) return false;
        foreach (var c in digits)
            if (!char.IsAsciiDigit(c)) return false;
        number = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return number > 0;
    }
}
