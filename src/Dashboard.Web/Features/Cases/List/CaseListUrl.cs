using System.Globalization;
using Dashboard.Domain;
using Dashboard.Web.Infrastructure;

namespace Dashboard.Web.Features.Cases.List;

/// <summary>The case list's state in its URL: <c>/cases?tab=open&amp;page=2&amp;size=50&amp;priority=high&amp;q=refund</c>.</summary>
public static class CaseListUrl
{
    public static readonly int[] PageSizes = [20, 50, 100];

    /// <summary>The page number in the URL (<see cref="PagingQuery.ParsePage"/>).</summary>
    public static int ParsePage(string? value) => PagingQuery.ParsePage(value);

    /// <summary>The page size in the URL; only the sizes offered (20, 50, 100) count, anything else is the default.</summary>
    public static int ParseSize(string? value) => PagingQuery.ParseSize(value, PageSizes, Limits.PageSizeDefault);

    /// <summary>The list's address; defaults are left out so the plain URL stays <c>/cases</c>.</summary>
    public static string Build(CaseTab tab, int page, int size, CasePriority? priority, string? search)
    {
        var parts = new List<string> { "tab=" + tab.Slug() };
        if (page > 1) parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        if (size != Limits.PageSizeDefault) parts.Add("size=" + size.ToString(CultureInfo.InvariantCulture));
        if (priority is { } p) parts.Add("priority=" + CaseDisplay.Css(p));
        if (!string.IsNullOrWhiteSpace(search)) parts.Add("q=" + Uri.EscapeDataString(search.Trim()));
        return "/cases?" + string.Join('&', parts);
    }

    public static CasePriority? ParsePriority(string? value) =>
        WireNames.TryParse<CasePriority>(value?.ToUpperInvariant(), out var p) ? p : null;
}
