using System.Globalization;
using Dashboard.Domain;
using Dashboard.Web.Infrastructure;

namespace Dashboard.Web.Features.Cases.List;

/// <summary>The case list's state in its URL: <c>/cases?tab=open&amp;page=2&amp;size=50&amp;priority=high&amp;assigned=me&amp;q=refund</c>.</summary>
public static class CaseListUrl
{
    public static readonly int[] PageSizes = [20, 50, 100];

    /// <summary>The page number in the URL (<see cref="PagingQuery.ParsePage"/>).</summary>
    public static int ParsePage(string? value) => PagingQuery.ParsePage(value);

    /// <summary>The page size in the URL; only the sizes offered (20, 50, 100) count, anything else is the default.</summary>
    public static int ParseSize(string? value) => PagingQuery.ParseSize(value, PageSizes, Limits.PageSizeDefault);

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
