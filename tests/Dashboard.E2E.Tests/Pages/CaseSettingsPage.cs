namespace Dashboard.E2E.Tests.Pages;

/// <summary>/settings/cases: auto-reply (switch, text, preview), auto-close days, notification email (docs/ui-test-ids.md).</summary>
public sealed class CaseSettingsPage(IPage page)
{
    public const string Path = "/settings/cases";

    public ILocator AutoReplySwitch => page.Locator("input[data-testid=auto-reply-enabled], [data-testid=auto-reply-enabled] input");
    public ILocator AutoReplyText => page.Locator("[data-testid=auto-reply-text] textarea, textarea[data-testid=auto-reply-text]");
    public ILocator IdleDays => page.Locator("[data-testid=idle-days] input, input[data-testid=idle-days]");
    public ILocator WarningDays => page.Locator("[data-testid=warning-days] input, input[data-testid=warning-days]");
    public ILocator PreviewSource => page.GetByTestId("auto-reply-preview-source");
    public ILocator PreviewBody => page.GetByTestId("auto-reply-preview-body");
    public ILocator Save => page.GetByTestId("settings-save");
    public ILocator Message => page.GetByTestId("settings-message");
    public ILocator ReadOnlyNotice => page.GetByTestId("settings-read-only");

    public async Task<CaseSettingsPage> GotoAsync()
    {
        await page.GotoAsync(Path);
        await Blazor.WaitForLoadedAsync(page,
            loaded: "[data-testid=settings-auto-reply], [data-testid=settings-denied], [data-testid=settings-error]",
            loading: "[data-testid=settings-loading]");
        return this;
    }
}
