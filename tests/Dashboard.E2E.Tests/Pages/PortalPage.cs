namespace Dashboard.E2E.Tests.Pages;

/// <summary>
/// The customer portal (/portal): sign-in by link or code (the Development aid on the page shows both),
/// orders with "Get help", the open-a-case form, the case list and a case's thread (docs/ui-test-ids.md).
/// </summary>
public sealed class PortalPage(IPage page)
{
    public const string Path = "/portal";

    public ILocator Email => page.GetByTestId("portal-email");
    public ILocator EmailSubmit => page.GetByTestId("portal-email-submit");
    public ILocator Code => page.GetByTestId("portal-code");
    public ILocator CodeSubmit => page.GetByTestId("portal-code-submit");
    public ILocator DevAid => page.GetByTestId("portal-dev-aid");
    public ILocator DevLink => page.GetByTestId("portal-dev-link");
    public ILocator DevCode => page.GetByTestId("portal-dev-code");
    public ILocator LinkContinue => page.GetByTestId("portal-link-continue");
    public ILocator SignInError => page.GetByTestId("portal-sign-in-error");

    public ILocator Orders => page.GetByTestId("portal-order");
    public ILocator Order(string orderNumber) => Orders.Filter(new() { HasText = $"Order {orderNumber}" });
    public ILocator Subject => page.GetByTestId("portal-subject");
    public ILocator Priority => page.GetByTestId("portal-priority");
    public ILocator Body => page.GetByTestId("reply-body");
    public ILocator Send => page.GetByTestId("reply-send");
    public ILocator AttachInput => page.GetByTestId("attach-input");
    public ILocator StagedChips => page.Locator("[data-testid=attach-chip][data-staged=true]");
    public ILocator ReplyError => page.GetByTestId("reply-error");

    public ILocator CaseRows => page.GetByTestId("portal-case-row");
    public ILocator CaseSubject => page.GetByTestId("portal-case-subject");
    public ILocator Status => page.GetByTestId("portal-case-status");
    public ILocator Timeline => page.GetByTestId("timeline-entry");
    public ILocator Close => page.GetByTestId("portal-close-case");
    public ILocator ClosedNote => page.GetByTestId("portal-closed-note");

    /// <summary>Types the email and asks for a link; waits for the "check your email" page.</summary>
    public async Task RequestAsync(string email)
    {
        await page.GotoAsync(Path + "/sign-in");
        await Email.FillAsync(email);
        await EmailSubmit.ClickAsync();
        await Assertions.Expect(Code).ToBeVisibleAsync();
    }

    /// <summary>Signs in through the emailed link (shown by the Development aid) and its confirm button.</summary>
    public async Task SignInWithLinkAsync(string email)
    {
        await RequestAsync(email);
        await DevLink.ClickAsync();
        await LinkContinue.ClickAsync();
        await WaitForOrdersAsync();
    }

    /// <summary>Signs in with the 6-digit code (read from the Development aid).</summary>
    public async Task SignInWithCodeAsync(string email)
    {
        await RequestAsync(email);
        await Code.FillAsync(await DevCode.InnerTextAsync());
        await CodeSubmit.ClickAsync();
        await WaitForOrdersAsync();
    }

    public async Task WaitForOrdersAsync()
    {
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == Path);
        await Blazor.WaitForLoadedAsync(page, "[data-testid=portal-order], [data-testid=portal-orders-empty]", "[data-testid=portal-orders-loading]");
    }

    /// <summary>"Get help" on an order; waits for the open-a-case form.</summary>
    public async Task GetHelpAsync(string orderNumber)
    {
        await Order(orderNumber).GetByTestId("portal-get-help").ClickAsync();
        await Blazor.WaitForLoadedAsync(page, "[data-testid=portal-open-form]", "[data-testid=portal-open-loading]");
    }

    /// <summary>The live case page shows the case (or its not-found notice).</summary>
    public async Task WaitForCaseAsync() =>
        await Blazor.WaitForLoadedAsync(page, "[data-testid=portal-case-subject], [data-testid=portal-case-not-found]", "[data-testid=portal-case-loading]");

    public async Task GotoCasesAsync()
    {
        await page.GotoAsync(Path + "/cases");
        await Blazor.WaitForLoadedAsync(page, "[data-testid=portal-case-row], [data-testid=portal-cases-empty]", "[data-testid=portal-cases-loading]");
    }

    /// <summary>Writes in the case's reply box and sends.</summary>
    public async Task ReplyAsync(string text)
    {
        await Body.FillAsync(text);
        await Assertions.Expect(Send).ToBeEnabledAsync();
        await Send.ClickAsync();
        await Assertions.Expect(Body).ToHaveValueAsync("");
    }
}
