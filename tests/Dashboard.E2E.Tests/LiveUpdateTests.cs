namespace Dashboard.E2E.Tests;

public sealed class LiveUpdateTests(E2EFixture fixture) : E2ETest(fixture)
{
    [Fact]
    public async Task A_reply_sent_in_one_browser_appears_in_the_other_without_a_reload()
    {
        var db = Fixture.Database;
        // Browser 1: the owner has a case awaiting them open.
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var (caseId, watching) = await list.OpenFirstAsync();
        await Assertions.Expect(watching.Status).ToHaveTextAsync("Awaiting you");
        var awaiting = await db.CountAsync(DemoLogins.NorthwindStoreId, AppDatabase.AwaitingMerchant);
        var subject = await db.SubjectAsync(caseId);
        await Assertions.Expect(Page).ToHaveTitleAsync($"({awaiting}) {subject} · Case");
        await Page.EvaluateAsync("() => { window.sameDocument = true; }"); // gone if the page reloads

        // Browser 2: the same owner on another computer answers it.
        var second = await NewBrowserContextAsync("second browser");
        var page2 = await second.NewPageAsync();
        await new LoginPage(page2).SignInAsync(DemoLogins.NorthwindOwner);
        var answering = await new CaseDetailPage(page2).GotoAsync(caseId);
        await answering.WaitForReadyAsync();
        var reply = $"Answered from the other browser ({Guid.NewGuid():N}).";
        await answering.ReplyAsync(reply);
        await Assertions.Expect(answering.Timeline.Filter(new() { HasText = reply })).ToHaveCountAsync(1);

        // Browser 1 shows the reply, the new status and the new count in its title, on the same page.
        await Assertions.Expect(watching.Timeline.Filter(new() { HasText = reply })).ToHaveCountAsync(1);
        await Assertions.Expect(watching.Status).ToHaveTextAsync("Awaiting customer");
        await Assertions.Expect(Page).ToHaveTitleAsync($"({awaiting - 1}) {subject} · Case");
        (await Page.EvaluateAsync<bool>("() => window.sameDocument === true")).ShouldBeTrue("browser 1 was not reloaded");
        await ScreenshotAsync("seen-live");
    }
}
