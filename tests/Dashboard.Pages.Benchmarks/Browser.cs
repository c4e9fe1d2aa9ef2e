using Microsoft.Playwright;

namespace Dashboard.Pages.Benchmarks;

/// <summary>Chromium (Debian's, as the E2E tests use it) and the page-side timing helpers.</summary>
public static class Browser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium", Headless = true,
        // Many pages share a few renderer processes (the memory run opens 100 circuits).
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--renderer-process-limit=6",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    public static async Task SignInAsync(IPage page, string baseUrl, string email, string password)
    {
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login"), new() { Timeout = 120_000 });
    }

    /// <summary>The page is attached to its circuit (Routes renders the marker only when interactive).</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=app-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });

    /// <summary>
    /// Clicks <paramref name="clickSelector"/> inside the page and returns the milliseconds until
    /// <paramref name="done"/> (a JavaScript expression, evaluated after every DOM change) is true:
    /// what the person sees, without the test driver's own round trips.
    /// </summary>
    public static async Task<double> ClickUntilAsync(IPage page, string clickSelector, string done, string? before = null)
    {
        var ms = await page.EvaluateAsync<double>($$"""
            ([selector]) => new Promise((resolve, reject) => {
                {{before ?? ""}}
                const done = () => { try { return !!({{done}}); } catch { return false; } };
                const target = document.querySelector(selector);
                if (!target) { reject(new Error('nothing to click: ' + selector)); return; }
                const t0 = performance.now();
                const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(performance.now() - t0); } });
                observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
                setTimeout(() => { observer.disconnect(); reject(new Error('timed out waiting for: ' + {{System.Text.Json.JsonSerializer.Serialize(done)}})); }, 60000);
                target.click();
            })
            """, new[] { clickSelector });
        return ms;
    }
}
