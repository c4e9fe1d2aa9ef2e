namespace Dashboard.E2E.Tests.Infrastructure;

/// <summary>
/// Blazor Server prerenders a page, then attaches it to a circuit; clicks before that go nowhere.
/// The app renders <c>[data-testid=app-interactive]</c> (hidden, from Routes) only once it is live.
/// </summary>
public static class Blazor
{
    public static async Task WaitForInteractiveAsync(IPage page) =>
        await Assertions.Expect(page.GetByTestId("app-interactive")).ToBeAttachedAsync(new() { Timeout = 20_000 });
}
