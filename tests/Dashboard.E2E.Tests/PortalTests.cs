namespace Dashboard.E2E.Tests;

/// <summary>
/// Both sides of a conversation, live, in two browsers: a customer in the portal and the merchant in
/// the dashboard. New cases start Open (the spec's transition table); a customer's reply after closing
/// reopens the case as Awaiting you.
/// </summary>
public sealed class PortalTests(E2EFixture fixture) : E2ETest(fixture)
{
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    [Fact]
    public async Task A_customer_opens_a_case_the_merchant_answers_live_and_a_reply_after_closing_reopens_it()
    {
        // The merchant, in a browser of their own, watches the case list.
        await using var merchantBrowser = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.BaseUrl, ViewportSize = Viewport });
        var merchant = await merchantBrowser.NewPageAsync();
        var list = await new LoginPage(merchant).SignInAsync(DemoLogins.NorthwindOwner);
        var openBefore = await list.CountAsync("open");
        var awaitingBefore = await list.CountAsync("awaiting-you");
        await list.SelectTabAsync("open");

        // The customer signs in with the emailed link (the Development aid shows it).
        var portal = new PortalPage(Page);
        await portal.RequestAsync(DemoLogins.PortalSam);
        await Assertions.Expect(portal.DevAid).ToContainTextAsync("Development aid");
        await ScreenshotAsync("sign-in-check-email");
        await portal.DevLink.ClickAsync();
        await Assertions.Expect(Page.GetByTestId("portal-link-email")).ToHaveTextAsync(DemoLogins.PortalSam);
        await ScreenshotAsync("sign-in-link");
        await portal.LinkContinue.ClickAsync();
        await portal.WaitForOrdersAsync();
        await Assertions.Expect(portal.Order("NK-20005").GetByTestId("portal-get-help")).ToBeDisabledAsync();
        await Assertions.Expect(portal.Order("NK-20005").GetByTestId("portal-help-reason")).ToHaveTextAsync("Available once the order is completed");
        await ScreenshotAsync("orders");

        // Get help on a completed order, with a screenshot attached.
        await portal.GetHelpAsync("NK-20003");
        var subject = $"Licence will not activate {Guid.NewGuid():N}"[..40];
        await portal.Subject.FillAsync(subject);
        await portal.Priority.SelectOptionAsync("High");
        await portal.Body.FillAsync("The key from my receipt says \"already used\". Screenshot attached.");
        await portal.AttachInput.SetInputFilesAsync(new FilePayload { Name = "activation-error.png", MimeType = "image/png", Buffer = Convert.FromBase64String(Png) });
        await Assertions.Expect(portal.StagedChips).ToHaveCountAsync(1);
        await ScreenshotAsync("open-a-case");
        await portal.Send.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/portal/cases/cs_", StringComparison.Ordinal));
        await portal.WaitForCaseAsync();
        var caseId = new Uri(Page.Url).AbsolutePath.Split('/')[^1];
        await Assertions.Expect(portal.CaseSubject).ToHaveTextAsync(subject);
        await Assertions.Expect(portal.Status).ToHaveTextAsync("Open");
        await Assertions.Expect(portal.Timeline.First.GetByTestId("attachment-thumb")).ToHaveCountAsync(1);

        // It arrives on the merchant's list without a reload, its tab count one up.
        await Assertions.Expect(list.Row(caseId)).ToBeVisibleAsync();
        await Assertions.Expect(list.TabCount("open")).ToHaveTextAsync((openBefore + 1).ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(list.Row(caseId)).ToContainTextAsync(subject);

        // The merchant answers; the customer sees it live.
        var detail = await list.OpenAsync(caseId);
        await Assertions.Expect(detail.Timeline.First.GetByTestId("attachment-thumb")).ToHaveCountAsync(1);
        var answer = $"Sorry about that, I have reset the activation count ({Guid.NewGuid():N}).";
        await detail.ReplyAsync(answer);
        var answered = portal.Timeline.Filter(new() { HasText = answer });
        await Assertions.Expect(answered).ToHaveCountAsync(1);
        await Assertions.Expect(answered).ToContainTextAsync("Northwind Keys");
        await Assertions.Expect(portal.Status).ToHaveTextAsync("Waiting for your reply");
        await ScreenshotAsync("thread-answered");

        // The customer closes; the merchant sees it closed.
        await portal.Close.ClickAsync();
        await Assertions.Expect(portal.Status).ToHaveTextAsync("Closed");
        await Assertions.Expect(portal.ClosedNote).ToBeVisibleAsync();
        await Assertions.Expect(detail.Status).ToHaveTextAsync("Closed");

        // Writing again reopens it: Awaiting you on the merchant's side, live.
        await portal.ReplyAsync("It worked once and now it fails again.");
        await Assertions.Expect(portal.Status).ToHaveTextAsync("Waiting for Northwind Keys");
        await Assertions.Expect(detail.Status).ToHaveTextAsync("Awaiting you");
        await Assertions.Expect(detail.Timeline.Filter(new() { HasText = "Reopened by the customer" })).ToHaveCountAsync(1);
        await ScreenshotAsync("thread-reopened");

        await list.GotoAsync("awaiting-you");
        await Assertions.Expect(list.Row(caseId)).ToBeVisibleAsync();
        (await list.CountAsync("awaiting-you")).ShouldBe(awaitingBefore + 1);

        await portal.GotoCasesAsync();
        await Assertions.Expect(portal.CaseRows.Filter(new() { HasText = subject }).GetByTestId("portal-case-status")).ToHaveTextAsync("Waiting for Northwind Keys");
        await ScreenshotAsync("cases");
        BrowserErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_customer_signs_in_with_the_code_by_keyboard_alone_and_reaches_get_help()
    {
        var portal = new PortalPage(Page);
        await Page.GotoAsync("/portal/sign-in");
        await Assertions.Expect(portal.Email).ToBeFocusedAsync();
        await ScreenshotAsync("sign-in");
        await Page.Keyboard.TypeAsync(DemoLogins.PortalAlex);
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(portal.Code).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(await portal.DevCode.InnerTextAsync());
        await Page.Keyboard.PressAsync("Enter");
        await portal.WaitForOrdersAsync();
        await ScreenshotAsync("orders-both-stores");

        // Orders of both stores, newest first; Tab reaches "Get help" of a completed order.
        await Assertions.Expect(portal.Orders.GetByTestId("portal-order-store").Filter(new() { HasText = "Contoso Games" })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(portal.Orders.GetByTestId("portal-order-store").Filter(new() { HasText = "Northwind Keys" })).Not.ToHaveCountAsync(0);
        var reached = false;
        for (var i = 0; i < 20 && !reached; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            reached = await Page.EvaluateAsync<bool>("() => document.activeElement?.dataset.testid === 'portal-get-help'");
        }
        reached.ShouldBeTrue("Tab reaches a Get help link");
        var outline = await Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        outline.ShouldNotBe("none", "the focused link shows a focus ring");
    }
}
