using System.Globalization;

namespace Dashboard.Web.Features.Support;

/// <summary>
/// The queue's keyset cursor: the last row's (LastMessageAt, Id), the queue's total order. The next
/// page is "strictly after" it, so a row is never shown twice nor skipped while the queue changes.
/// </summary>
public static class ConsoleCursor
{
    public static string Of(DateTime lastMessageAt, string id) => $"{lastMessageAt.Ticks.ToString(CultureInfo.InvariantCulture)}_{id}";

    public static bool TryParse(string? cursor, out DateTime at, out string id)
    {
        (at, id) = (default, "");
        if (cursor is null) return false;
        var sep = cursor.IndexOf('_');
        if (sep <= 0 || !long.TryParse(cursor.AsSpan(0, sep), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks) return false;
        (at, id) = (new DateTime(ticks, DateTimeKind.Utc), cursor[(sep + 1)..]);
        return id.Length > 0;
    }
}
