using System.Globalization;
using Dashboard.Domain.Tickets;

namespace Dashboard.Web.Features.Tickets.Merchant;

/// <summary>The Help list's state in its URL: <c>/help?status=open&amp;severity=high&amp;q=payout&amp;page=2&amp;size=25</c>.</summary>
public static class HelpListUrl
{
    public const string Path = "/help";
    public static readonly int[] PageSizes = [TicketLimits.PageSizeDefault, 25, 50];

    public static string Build(TicketStatus? status, TicketSeverity? severity, string? search, int page, int size)
    {
        var parts = new List<string>();
        if (status is { } s) parts.Add("status=" + LowerWireNames.ToWire(s));
        if (severity is { } v) parts.Add("severity=" + LowerWireNames.ToWire(v));
        if (!string.IsNullOrWhiteSpace(search)) parts.Add("q=" + Uri.EscapeDataString(search.Trim()));
        if (page > 1) parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        if (size != TicketLimits.PageSizeDefault) parts.Add("size=" + size.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? Path : Path + "?" + string.Join('&', parts);
    }

    public static T? Parse<T>(string? value) where T : struct, Enum => LowerWireNames.TryParse<T>(value, out var parsed) ? parsed : null;
}
