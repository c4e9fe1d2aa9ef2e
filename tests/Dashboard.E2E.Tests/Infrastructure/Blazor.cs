namespace Dashboard.E2E.Tests.Infrastructure;

/// <summary>
/// Blazor Server prerenders a page, then attaches it to a circuit and renders it again from scratch
/// (briefly a skeleton or spinner while it loads): clicks before that go nowhere, and what is read in
/// between is stale. The app renders <c>[data-testid=app-interactive]</c> (hidden, from Routes) only
/// once the page is live; pages wait for it together with their own "loaded" state, in one check.
/// </summary>
public static class Blazor
{
    private const string Interactive = "[data-testid=app-interactive]";

    public static async Task WaitForInteractiveAsync(IPage page) =>
        await Assertions.Expect(page.Locator(Interactive)).ToBeAttachedAsync(new() { Timeout = 20_000 });

    /// <summary>
    /// Waits until, in one and the same DOM snapshot, the page is live, one of <paramref name="loaded"/>
    /// is present and none of <paramref name="loading"/> is.
    /// </summary>
    public static async Task WaitForLoadedAsync(IPage page, string loaded, string loading) =>
        await page.WaitForFunctionAsync(
            "([interactive, loaded, loading]) => !!document.querySelector(interactive) && !!document.querySelector(loaded) && !document.querySelector(loading)",
            new[] { Interactive, loaded, loading },
            new PageWaitForFunctionOptions { Timeout = 20_000, PollingInterval = 100 });
}
