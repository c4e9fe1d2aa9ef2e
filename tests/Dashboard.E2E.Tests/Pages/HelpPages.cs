namespace Dashboard.E2E.Tests.Pages;

/// <summary>/help: the store's tickets to platform support (docs/ui-test-ids.md).</summary>
public sealed class HelpListPage(IPage page)
{
    public const string Path = "/help";

    public ILocator Rows => page.GetByTestId("ticket-row");
    public ILocator Row(int number) => page.Locator($"[data-testid=ticket-row][data-ticket-number='{number}']");
    public ILocator NewTicket => page.GetByTestId("ticket-new");
    public ILocator Search => page.GetByTestId("ticket-search");
    public ILocator StatusFilter => page.GetByTestId("ticket-status-filter");
    public ILocator SeverityFilter => page.GetByTestId("ticket-severity-filter");
    public ILocator Empty => page.GetByTestId("tickets-empty");

    public async Task<HelpListPage> GotoAsync(string? query = null)
    {
        await page.GotoAsync(query is null ? Path : $"{Path}?{query}");
        await WaitForReadyAsync();
        return this;
    }

    public async Task WaitForReadyAsync() =>
        await Blazor.WaitForLoadedAsync(page, "[data-testid=ticket-row], [data-testid=tickets-empty], [data-testid=tickets-error]", "[data-testid=tickets-loading]");
}

/// <summary>/help/new: the form that opens a ticket.</summary>
public sealed class NewTicketPage(IPage page)
{
    public ILocator Category => page.GetByTestId("ticket-category");
    public ILocator Severity => page.GetByTestId("ticket-severity");
    public ILocator Subject => page.GetByTestId("ticket-subject");
    public ILocator Body => page.GetByTestId("ticket-body");
    public ILocator Counter => page.GetByTestId("ticket-body-counter");
    public ILocator Files => page.GetByTestId("attach-input");
    public ILocator StagedFiles => page.Locator("[data-testid=attach-chip][data-staged=true]");
    public ILocator Submit => page.GetByTestId("ticket-submit");
    public ILocator Error => page.GetByTestId("ticket-form-error");

    public async Task<NewTicketPage> GotoAsync()
    {
        await page.GotoAsync("/help/new");
        await Blazor.WaitForLoadedAsync(page, "[data-testid=ticket-body]", "[data-testid=tickets-loading]");
        return this;
    }
}

/// <summary>/help/{number} (merchant) and /support/tickets/{id} (support): one ticket's thread.</summary>
public sealed class TicketThreadPage(IPage page)
{
    public ILocator Subject => page.GetByTestId("ticket-subject");
    public ILocator Number => page.GetByTestId("ticket-number");
    public ILocator Status => page.GetByTestId("ticket-status");
    public ILocator Entries => page.GetByTestId("ticket-entry");
    public ILocator ReplyBody => page.GetByTestId("ticket-reply-body");
    public ILocator ReplySend => page.GetByTestId("ticket-reply-send");
    public ILocator Close => page.GetByTestId("ticket-close");
    public ILocator Reopen => page.GetByTestId("ticket-reopen");
    public ILocator NoteMode => page.GetByTestId("composer-mode-note");
    public ILocator AnswerMode => page.GetByTestId("composer-mode-answer");
    public ILocator StoreContext => page.GetByTestId("ticket-store-context");

    public async Task WaitForReadyAsync() =>
        await Blazor.WaitForLoadedAsync(page, "[data-testid=ticket-subject], [data-testid=ticket-not-found], [data-testid=access-denied]", "[data-testid=ticket-loading]");

    public async Task WriteAsync(string text)
    {
        await ReplyBody.FillAsync(text);
        await Assertions.Expect(ReplySend).ToBeEnabledAsync();
        await ReplySend.ClickAsync();
    }
}

/// <summary>/support/tickets: platform support's queue of every store's tickets.</summary>
public sealed class SupportQueuePage(IPage page)
{
    public const string Path = "/support/tickets";

    public ILocator Rows => page.GetByTestId("queue-row");
    public ILocator Row(string ticketId) => page.Locator($"[data-testid=queue-row][data-ticket-id='{ticketId}']");

    public async Task<SupportQueuePage> GotoAsync(string? query = null)
    {
        await page.GotoAsync(query is null ? Path : $"{Path}?{query}");
        await Blazor.WaitForLoadedAsync(page, "[data-testid=queue-row], [data-testid=tickets-empty], [data-testid=access-denied]", "[data-testid=tickets-loading]");
        return this;
    }
}
