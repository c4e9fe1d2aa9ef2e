namespace Dashboard.E2E.Tests;

/// <summary>
/// Platform support tickets end to end: a merchant opens one with a screenshot, support answers from another
/// browser, the merchant sees "answered" and a notification without reloading, replies, and the ticket is open again.
/// </summary>
public sealed class TicketTests(E2EFixture fixture) : E2ETest(fixture)
{
    [Fact]
    public async Task Merchant_opens_a_ticket_with_a_screenshot_support_answers_live_and_a_reply_reopens_it()
    {
        // The merchant: Help, then the form.
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        await Page.GetByTestId("nav-help").ClickAsync();
        var help = new HelpListPage(Page);
        await help.WaitForReadyAsync();
        await Assertions.Expect(help.Rows.First).ToBeVisibleAsync();
        await ScreenshotAsync("help-list");
        var screenshot = await Page.ScreenshotAsync();

        await help.NewTicket.ClickAsync();
        var form = new NewTicketPage(Page);
        await Blazor.WaitForLoadedAsync(Page, "[data-testid=ticket-body]", "[data-testid=tickets-loading]");
        await form.Category.SelectOptionAsync("orders_payments");
        await form.Severity.SelectOptionAsync("high");
        await form.Body.FillAsync("Short");
        await Assertions.Expect(form.Counter).ToContainTextAsync("at least 10");
        await Assertions.Expect(form.Submit).ToBeDisabledAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var body = $"Refund for NK-10431 shows as pending for 4 days ({marker}). The customer is asking every day; screenshot attached.";
        await form.Body.FillAsync(body);
        // The subject left empty shows the one that will be generated.
        await Assertions.Expect(form.Subject).ToHaveAttributeAsync("placeholder", $"Refund for NK-10431 shows as pending for 4 days ({marker})…");
        await form.Files.SetInputFilesAsync(new FilePayload { Name = "help-page.png", MimeType = "image/png", Buffer = screenshot });
        await Assertions.Expect(form.StagedFiles).ToHaveCountAsync(1);
        await ScreenshotAsync("new-ticket-form");
        await form.Submit.ClickAsync();

        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/help/") && !url.EndsWith("/new"));
        var thread = new TicketThreadPage(Page);
        await thread.WaitForReadyAsync();
        await Assertions.Expect(thread.Status).ToHaveTextAsync("Open");
        await Assertions.Expect(thread.Entries).ToHaveCountAsync(1);
        await Assertions.Expect(thread.Entries.First.GetByTestId("attachment-thumb")).ToHaveCountAsync(1);
        var number = new Uri(Page.Url).AbsolutePath.Split('/').Last();

        // Support, in another browser: the queue, then the ticket.
        await using var supportContext = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 } });
        var supportPage = await supportContext.NewPageAsync();
        await new LoginPage(supportPage).SignInAsSupportAsync();
        var queue = await new SupportQueuePage(supportPage).GotoAsync("store=" + DemoLogins.NorthwindStoreId);
        var row = queue.Rows.Filter(new() { HasText = marker });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "open");
        await supportPage.ScreenshotAsync(new() { Path = Path.Combine(E2EFixture.ScreenshotsDirectory, "TicketTests-support-queue.png"), FullPage = true });
        await row.Locator("a.case-link").ClickAsync();
        var staffThread = new TicketThreadPage(supportPage);
        await staffThread.WaitForReadyAsync();
        await Assertions.Expect(staffThread.StoreContext).ToContainTextAsync(DemoLogins.NorthwindName);

        // A staff note first: the merchant must never see it.
        var note = $"Internal: checked the PSP, refund id re_{marker} is stuck.";
        await staffThread.NoteMode.ClickAsync();
        await staffThread.WriteAsync(note);
        await Assertions.Expect(staffThread.Entries.Filter(new() { HasText = note })).ToHaveAttributeAsync("data-entry-kind", "staff_note");

        var answer = $"We found the refund stuck at the payment provider and pushed it again ({marker}). It should arrive within 24 hours.";
        await staffThread.AnswerMode.ClickAsync();
        await staffThread.WriteAsync(answer);
        await Assertions.Expect(staffThread.Status).ToHaveTextAsync("Answered");
        await supportPage.ScreenshotAsync(new() { Path = Path.Combine(E2EFixture.ScreenshotsDirectory, "TicketTests-support-thread.png"), FullPage = true });

        // The merchant's page, never reloaded, shows the answer and the new status.
        await Assertions.Expect(thread.Status).ToHaveTextAsync("Answered");
        var answered = thread.Entries.Filter(new() { HasText = answer });
        await Assertions.Expect(answered).ToHaveAttributeAsync("data-author-kind", "support");
        await Assertions.Expect(answered).ToContainTextAsync("Pandabase Support");
        await Assertions.Expect(thread.Entries.Filter(new() { HasText = note })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByText(note)).ToHaveCountAsync(0);
        await ScreenshotAsync("thread-answered");

        // The dashboard's notification menu has the answer too, live, linking to the thread.
        await Page.GetByTestId("notification-button").ClickAsync();
        var notice = Page.Locator("[data-testid=notification-item][data-kind=SupportAnswer]").Filter(new() { HasText = marker });
        await Assertions.Expect(notice).ToContainTextAsync($"Pandabase Support answered your ticket: #{int.Parse(number):D6}");
        await ScreenshotAsync("notification-answer");
        // A click outside closes the menu (the empty foot of the navigation, left of the popover).
        // (The menu is a native popover: its items stay in the page, hidden, while it is closed.)
        await Page.Mouse.ClickAsync(20, 860);
        await Assertions.Expect(notice).ToBeHiddenAsync();
        await Assertions.Expect(Page.GetByTestId("notification-button")).ToHaveAttributeAsync("aria-expanded", "false");

        // The merchant replies: the ticket is open again, for both sides.
        await thread.WriteAsync($"Thanks! I will tell the customer ({marker}).");
        await Assertions.Expect(thread.Status).ToHaveTextAsync("Open");
        await Assertions.Expect(thread.Entries).ToHaveCountAsync(3);
        await Assertions.Expect(staffThread.Status).ToHaveTextAsync("Open");
        await ScreenshotAsync("thread-reopened");

        // The list shows it open too, with its number.
        await help.GotoAsync();
        await Assertions.Expect(help.Row(int.Parse(number))).ToHaveAttributeAsync("data-status", "open");
    }

    [Fact]
    public async Task A_merchant_is_denied_the_support_ticket_queue()
    {
        ExpectPageStatus(403, SupportQueuePage.Path);
        await new LoginPage(Page).SignInAsync(DemoLogins.ContosoOwner);
        await Page.GotoAsync(SupportQueuePage.Path);
        await Assertions.Expect(Page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("queue-row")).ToHaveCountAsync(0);
    }
}

/// <summary>The ticket pages on a 390 px phone: nothing scrolls sideways; screenshots of each.</summary>
public sealed class TicketPhoneTests(E2EFixture fixture) : E2ETest(fixture)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
    protected override bool IsMobile => true;

    [Fact]
    public async Task On_a_phone_the_help_pages_and_the_support_queue_fit()
    {
        await new LoginPage(Page).SignInAsync(DemoLogins.ContosoOwner);
        var help = await new HelpListPage(Page).GotoAsync();
        await Assertions.Expect(help.Rows.First).ToBeVisibleAsync();
        await NoSidewaysScrollAsync();
        await ScreenshotAsync("help-list");

        await new NewTicketPage(Page).GotoAsync();
        await NoSidewaysScrollAsync();
        await ScreenshotAsync("new-ticket-form");

        await Page.GotoAsync("/help/1");
        var thread = new TicketThreadPage(Page);
        await thread.WaitForReadyAsync();
        await Assertions.Expect(thread.Entries.First).ToBeVisibleAsync();
        await NoSidewaysScrollAsync();
        await ScreenshotAsync("thread");

        await Page.Context.ClearCookiesAsync();
        await new LoginPage(Page).SignInAsSupportAsync();
        var queue = await new SupportQueuePage(Page).GotoAsync();
        await Assertions.Expect(queue.Rows.First).ToBeVisibleAsync();
        await NoSidewaysScrollAsync();
        await ScreenshotAsync("support-queue");

        await queue.Rows.First.Locator("a.case-link").ClickAsync();
        var staff = new TicketThreadPage(Page);
        await staff.WaitForReadyAsync();
        await NoSidewaysScrollAsync();
        await ScreenshotAsync("support-thread");
    }

    private async Task NoSidewaysScrollAsync()
    {
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        width.ShouldBeLessThanOrEqualTo(Viewport.Width, "the page scrolls sideways on a 390 px phone");
    }
}
