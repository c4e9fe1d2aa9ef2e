using Microsoft.Playwright;

namespace Dashboard.Pages.Benchmarks;

/// <summary>
/// What a merchant does in the live page, timed in Chromium from the click to the changed DOM
/// (the round trip over the circuit, the server's work, the render batch applied): switch a tab, next
/// page, open a case, send a reply until it shows, and the key-to-echo latency of the reply box.
/// </summary>
public static class Interactions
{
    public static async Task<List<Result>> RunAsync(IBrowser browser, string baseUrl, string email, string password, string heavyCaseId, int iterations)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, baseUrl, email, password);
        var results = new List<Result>();

        await page.GotoAsync(baseUrl + "/cases?tab=awaiting-you");
        await Browser.WaitInteractiveAsync(page);
        await ListReadyAsync(page);
        var tabs = new List<double>();
        for (var i = 0; i < iterations + 3; i++)
        {
            var slug = i % 2 == 0 ? "open" : "awaiting-you";
            var ms = await Browser.ClickUntilAsync(page, $"[data-testid=tab-{slug}]", ListShows(slug));
            if (i >= 3) tabs.Add(ms);
        }
        results.Add(Result.Of("interaction", "tab switch (Open ⇄ Awaiting you)", tabs));

        var pages = new List<double>();
        await page.GotoAsync(baseUrl + "/cases?tab=all");
        await ListReadyAsync(page);
        for (var i = 0; i < iterations + 3; i++)
        {
            var ms = await Browser.ClickUntilAsync(page, "a[aria-label='Next page']",
                "document.querySelector('[data-testid=cases-total]').textContent !== window.__before && !document.querySelector('[data-testid=cases-loading]')",
                "window.__before = document.querySelector('[data-testid=cases-total]').textContent;");
            if (i >= 3) pages.Add(ms);
        }
        results.Add(Result.Of("interaction", "next page (All)", pages));

        var opens = new List<double>();
        for (var i = 0; i < iterations + 3; i++)
        {
            await page.GotoAsync(baseUrl + "/cases?tab=all&page=" + (i + 1));
            await Browser.WaitInteractiveAsync(page);
            await ListReadyAsync(page);
            var ms = await Browser.ClickUntilAsync(page, "[data-testid=case-row] a[href*='cases/cs_']",
                "document.querySelector('[data-testid=case-subject]') && !document.querySelector('[data-testid=case-loading]')");
            if (i >= 3) opens.Add(ms);
        }
        results.Add(Result.Of("interaction", "open a case from the list", opens));

        await page.GotoAsync(baseUrl + "/cases/" + heavyCaseId);
        await Browser.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=reply-body]").WaitForAsync();
        var replies = new List<double>();
        for (var i = 0; i < iterations + 3; i++)
        {
            var text = $"Benchmark reply {Guid.NewGuid():N}";
            await page.Locator("[data-testid=reply-body]").FillAsync(text);
            await Assertions.Expect(page.Locator("[data-testid=reply-send]")).ToBeEnabledAsync();
            var ms = await Browser.ClickUntilAsync(page, "[data-testid=reply-send]",
                $"[...document.querySelectorAll('[data-testid=timeline-entry]')].some(e => e.textContent.includes('{text}'))");
            if (i >= 3) replies.Add(ms);
        }
        results.Add(Result.Of("interaction", "send a reply until it shows (200-message case)", replies));

        results.Add(Result.Of("interaction", "typing in the reply box, key → echo", await TypingAsync(page, iterations * 2)));
        await context.CloseAsync();
        return results;
    }

    /// <summary>The list of <paramref name="slug"/> is shown: its tab selected, no progress bar, rows or the empty notice.</summary>
    private static string ListShows(string slug) =>
        $"document.querySelector('[data-testid=tab-{slug}]')?.getAttribute('aria-current') === 'page' " +
        "&& !document.querySelector('[data-testid=cases-loading]') " +
        "&& !!document.querySelector('[data-testid=case-row], [data-testid=cases-empty]')";

    private static Task ListReadyAsync(IPage page) =>
        page.WaitForFunctionAsync("() => !!document.querySelector('[data-testid=app-interactive]') && !!document.querySelector('[data-testid=case-row], [data-testid=cases-empty]') && !document.querySelector('[data-testid=cases-loading]')",
            null, new() { Timeout = 120_000 });

    /// <summary>
    /// Real key presses (CDP input, one every 60 ms); the page records, per key, the time from the
    /// keydown event to the first animation frame after the character is in the box: the echo a person
    /// sees, including any time the page's main thread spends on the circuit's messages.
    /// </summary>
    private static async Task<List<double>> TypingAsync(IPage page, int keys)
    {
        var box = page.Locator("[data-testid=reply-body]");
        await box.FillAsync("");
        await box.FocusAsync();
        await page.EvaluateAsync("""
            () => {
                window.__echo = [];
                const box = document.querySelector('[data-testid=reply-body]');
                let down = 0;
                box.addEventListener('keydown', e => { down = e.timeStamp; });
                box.addEventListener('input', () => {
                    const start = down;
                    requestAnimationFrame(() => window.__echo.push(performance.now() - start));
                });
            }
            """);
        var text = string.Concat(Enumerable.Range(0, keys).Select(i => (char)('a' + i % 26)));
        await page.Keyboard.TypeAsync(text, new() { Delay = 60 });
        await page.WaitForFunctionAsync($"() => window.__echo.length >= {keys}");
        var samples = await page.EvaluateAsync<double[]>("() => window.__echo");
        await box.FillAsync("");
        return [.. samples.Skip(3)];
    }
}
