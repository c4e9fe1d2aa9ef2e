using System.Globalization;
using Dashboard.Domain;

namespace Dashboard.Web.Features.Cases.List;

/// <summary>The case list's state in its URL: <c>/cases?tab=open&amp;page=2&amp;size=50&amp;priority=high&amp;assigned=me&amp;q=refund</c>.</summary>
public static class CaseListUrl
{
    public static readonly int[] PageSizes = [20, 50, 100];

    /// <summary>The page number in the URL. Anything but a whole number of 1 or more (abc, 1.5, -2, 0) is page 1;
    /// a number too large for an int is the largest, which the list then corrects to its last page.</summary>
    public static int ParsePage(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.All(char.IsAsciiDigit)) return 1;
        var digits = value.TrimStart('0');
        if (digits.Length == 0) return 1;
        return digits.Length > 10 || long.Parse(digits, CultureInfo.InvariantCulture) > int.MaxValue
            ? int.MaxValue
            : int.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>The page size in the URL; only the sizes offered (20, 50, 100) count, anything else is the default.</summary>
    public static int ParseSize(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && PageSizes.Contains(size) ? size : Limits.PageSizeDefault;

    /// <summary>The list's address; defaults are left out so the plain URL stays <c>/cases</c>.</summary>
    public static string Build(CaseTab tab, int page, int size, CasePriority? priority, string? search, AssigneeFilter assigned = AssigneeFilter.Anyone)
    {
        var parts = new List<string> { "tab=" + tab.Slug() };
        if (page > 1) parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        if (size != Limits.PageSizeDefault) parts.Add("size=" + size.ToString(CultureInfo.InvariantCulture));
        if (priority is { } p) parts.Add("priority=" + CaseDisplay.Css(p));
        if (assigned != AssigneeFilter.Anyone) parts.Add("assigned=" + Slug(assigned));
        if (!string.IsNullOrWhiteSpace(search)) parts.Add("q=" + Uri.EscapeDataString(search.Trim()));
        return "/cases?" + string.Join('&', parts);
    }

    /// <summary>The assignee filter in the URL (<c>me</c>, <c>unassigned</c>); anything else is Anyone.</summary>
    public static AssigneeFilter ParseAssigned(string? value) => value?.ToLowerInvariant() switch
    {
        "me" => AssigneeFilter.Me,
        "unassigned" => AssigneeFilter.Unassigned,
        _ => AssigneeFilter.Anyone,
    };

    public static string Slug(AssigneeFilter filter) => filter switch
    {
        AssigneeFilter.Anyone => "anyone",
        AssigneeFilter.Me => "me",
        AssigneeFilter.Unassigned => "unassigned",
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    };

    public static CasePriority? ParsePriority(string? value) =>
        WireNames.TryParse<CasePriority>(value?.ToUpperInvariant(), out var p) ? p : null;
}
