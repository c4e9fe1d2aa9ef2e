using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.E2E.Tests.Pages;

/// <summary>/cases: the status tabs with their counts, the filters and the rows (docs/ui-test-ids.md).</summary>
public sealed partial class CaseListPage(IPage page)
{
    public const string Path = "/cases";

    /// <summary>Tab slugs in the order the page shows them.</summary>
    public static readonly string[] TabSlugs = ["awaiting-you", "open", "awaiting-customer", "closed", "all"];

    public ILocator StoreName => page.GetByTestId("store-name");
    public ILocator Tab(string slug) => page.GetByTestId($"tab-{slug}");
    public ILocator TabCount(string slug) => page.GetByTestId($"tab-count-{slug}");
    public ILocator Rows => page.GetByTestId("case-row");
    public ILocator Row(string caseId) => page.Locator($"[data-testid=case-row][data-case-id='{caseId}']");
    public ILocator Search => page.GetByTestId("case-search");
    public ILocator PriorityFilter => page.GetByTestId("priority-filter");
    public ILocator Total => page.GetByTestId("cases-total");
    public ILocator Empty => page.GetByTestId("cases-empty");
    public ILocator Error => page.GetByTestId("cases-error");
    public ILocator Loading => page.GetByTestId("cases-loading");

    /// <summary>Every tab element whose slug is one of ours, in document order (to check their order).</summary>
    public ILocator AllTabs => page.Locator(string.Join(", ", TabSlugs.Select(s => $"[data-testid=tab-{s}]")));

    public async Task<CaseListPage> GotoAsync(string? tab = null)
    {
        await page.GotoAsync(tab is null ? Path : $"{Path}?tab={tab}");
        await WaitForReadyAsync();
        return this;
    }

    /// <summary>The live page shows its loaded list (rows, the empty notice or the error) and no progress bar.</summary>
    public async Task WaitForReadyAsync()
    {
        await Assertions.Expect(Tab("all")).ToBeVisibleAsync();
        await Blazor.WaitForLoadedAsync(page,
            loaded: "[data-testid=case-row], [data-testid=cases-empty], [data-testid=cases-error]",
            loading: "[data-testid=cases-loading]");
    }

    /// <summary>The number in a tab; fails when it is not a whole number.</summary>
    public async Task<int> CountAsync(string slug)
    {
        var text = (await TabCount(slug).InnerTextAsync()).Trim();
        Match match = Number().Match(text);
        if (!match.Success) throw new FormatException($"tab-count-{slug} is \"{text}\", not a number");
        return int.Parse(match.Value.Replace(",", ""), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    public async Task<Dictionary<string, int>> CountsAsync()
    {
        var counts = new Dictionary<string, int>();
        foreach (var slug in TabSlugs) counts[slug] = await CountAsync(slug);
        return counts;
    }

    /// <summary>Clicks a tab and waits for its rows (the page marks the tab selected and shows its
    /// progress bar in the same render, so "selected and not loading" means the new rows are in).</summary>
    public async Task SelectTabAsync(string slug)
    {
        await Tab(slug).ClickAsync();
        await Assertions.Expect(Tab(slug)).ToHaveAttributeAsync("aria-current", "page");
        await WaitForReadyAsync();
    }

    /// <summary>The case ids of the rows shown, read in one go (a re-render cannot split the read).</summary>
    public async Task<IReadOnlyList<string>> RowIdsAsync()
    {
        var ids = await Rows.EvaluateAllAsync<string?[]>("rows => rows.map(r => r.getAttribute('data-case-id'))");
        if (ids.Any(id => string.IsNullOrEmpty(id))) throw new InvalidOperationException("case-row without data-case-id");
        return [.. ids.Select(id => id!)];
    }

    /// <summary>Opens a row through its link to /cases/{id} and waits for the detail page.</summary>
    public async Task<CaseDetailPage> OpenAsync(string caseId)
    {
        await Row(caseId).Locator($"a[href$='cases/{caseId}']").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"{Path}/{caseId}");
        var detail = new CaseDetailPage(page);
        await detail.WaitForReadyAsync();
        return detail;
    }

    /// <summary>Opens the first row of the current tab; returns its case id and the detail page.</summary>
    public async Task<(string CaseId, CaseDetailPage Detail)> OpenFirstAsync()
    {
        await Assertions.Expect(Rows.First).ToBeVisibleAsync();
        var id = await Rows.First.GetAttributeAsync("data-case-id") ?? throw new InvalidOperationException("case-row without data-case-id");
        return (id, await OpenAsync(id));
    }

    [GeneratedRegex(@"^\d{1,3}(,\d{3})*$|^\d+$")]
    private static partial Regex Number();
}
