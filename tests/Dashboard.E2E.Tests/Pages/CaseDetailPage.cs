namespace Dashboard.E2E.Tests.Pages;

/// <summary>/cases/{id}: subject, status and priority menus, timeline, reply box (docs/ui-test-ids.md).</summary>
public sealed class CaseDetailPage(IPage page)
{
    public ILocator Subject => page.GetByTestId("case-subject");
    public ILocator Status => page.GetByTestId("case-status");
    public ILocator Priority => page.GetByTestId("case-priority");
    public ILocator StatusMenu => page.GetByTestId("status-menu");
    public ILocator StatusOption(string wire) => page.GetByTestId($"status-option-{wire}");
    public ILocator PriorityMenu => page.GetByTestId("priority-menu");
    public ILocator PriorityOption(string wire) => page.GetByTestId($"priority-option-{wire}");
    public ILocator Timeline => page.GetByTestId("timeline-entry");
    public ILocator ReplyBody => page.GetByTestId("reply-body");
    public ILocator ReplySend => page.GetByTestId("reply-send");
    public ILocator ReplyCounter => page.GetByTestId("reply-counter");
    public ILocator ReplyError => page.GetByTestId("reply-error");
    public ILocator Reopen => page.GetByTestId("reopen-case");
    public ILocator NotFound => page.GetByTestId("case-not-found");

    public async Task<CaseDetailPage> GotoAsync(string caseId)
    {
        await page.GotoAsync($"/cases/{caseId}");
        return this;
    }

    /// <summary>The case (or the not-found notice) is rendered and the interactive page is attached.</summary>
    public async Task WaitForReadyAsync()
    {
        await Assertions.Expect(Subject.Or(NotFound)).ToBeVisibleAsync();
        await Blazor.WaitForInteractiveAsync(page);
    }

    public async Task ReplyAsync(string text)
    {
        await ReplyBody.FillAsync(text);
        await Assertions.Expect(ReplySend).ToBeEnabledAsync();
        await ReplySend.ClickAsync();
    }

    /// <summary>Opens the status menu and picks a status by its wire name (CLOSED, OPEN, …).</summary>
    public async Task SetStatusAsync(string wire)
    {
        await StatusMenu.ClickAsync();
        await StatusOption(wire).ClickAsync();
    }

    public async Task ReopenAsync() => await Reopen.ClickAsync();
}
