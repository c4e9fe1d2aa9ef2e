namespace Dashboard.E2E.Tests;

public sealed class CaseDetailTests(E2EFixture fixture) : E2ETest(fixture)
{
    [Fact]
    public async Task Replying_to_a_case_awaiting_you_moves_it_to_awaiting_customer()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var awaitingBefore = await list.CountAsync("awaiting-you");
        var awaitingCustomerBefore = await list.CountAsync("awaiting-customer");
        awaitingBefore.ShouldBeGreaterThan(0);

        var (caseId, detail) = await list.OpenFirstAsync();
        await Assertions.Expect(detail.Subject).Not.ToBeEmptyAsync();
        await Assertions.Expect(detail.Status).Not.ToHaveTextAsync("Awaiting customer");
        var entriesBefore = await detail.Timeline.CountAsync();
        entriesBefore.ShouldBeGreaterThan(0);
        await ScreenshotAsync("opened");

        var reply = $"Thanks for the details, I am looking into it now ({Guid.NewGuid():N}).";
        await detail.ReplyAsync(reply);

        var mine = detail.Timeline.Filter(new() { HasText = reply });
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Assertions.Expect(mine).ToHaveAttributeAsync("data-author-kind", "MERCHANT");
        await Assertions.Expect(detail.Status).ToHaveTextAsync("Awaiting customer");
        await Assertions.Expect(detail.ReplyBody).ToHaveValueAsync("");
        await ScreenshotAsync("replied");

        // Stored, not just shown: a fresh load has the message and the new status.
        await Page.ReloadAsync();
        await detail.WaitForReadyAsync();
        await Assertions.Expect(detail.Timeline.Filter(new() { HasText = reply })).ToHaveCountAsync(1);
        await Assertions.Expect(detail.Status).ToHaveTextAsync("Awaiting customer");

        await list.GotoAsync();
        (await list.CountAsync("awaiting-you")).ShouldBe(awaitingBefore - 1);
        (await list.CountAsync("awaiting-customer")).ShouldBe(awaitingCustomerBefore + 1);
        await Assertions.Expect(list.Row(caseId)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Closing_replaces_the_reply_box_with_reopen_and_reopening_brings_it_back()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        await list.SelectTabAsync("open");
        var (caseId, detail) = await list.OpenFirstAsync();
        await Assertions.Expect(detail.Status).ToHaveTextAsync("Open");
        await Assertions.Expect(detail.ReplyBody).ToBeVisibleAsync();
        await Assertions.Expect(detail.Reopen).ToHaveCountAsync(0);

        await detail.StatusMenu.ClickAsync();
        // Only allowed transitions: an open case cannot be "reopened" to Open.
        await Assertions.Expect(detail.StatusOption("OPEN")).ToHaveCountAsync(0);
        await Assertions.Expect(detail.StatusOption("AWAITING_MERCHANT")).ToHaveCountAsync(0);
        await detail.StatusOption("CLOSED").ClickAsync();

        await Assertions.Expect(detail.Status).ToHaveTextAsync("Closed");
        await Assertions.Expect(detail.Reopen).ToBeVisibleAsync();
        await Assertions.Expect(detail.ReplyBody).ToHaveCountAsync(0);
        await Assertions.Expect(detail.Timeline.Filter(new() { HasText = "to Closed by" })).Not.ToHaveCountAsync(0);
        await ScreenshotAsync("closed");

        await Page.ReloadAsync();
        await detail.WaitForReadyAsync();
        await Assertions.Expect(detail.Status).ToHaveTextAsync("Closed");
        await Assertions.Expect(detail.Reopen).ToBeVisibleAsync();

        await detail.ReopenAsync();
        await Assertions.Expect(detail.Status).ToHaveTextAsync("Open");
        await Assertions.Expect(detail.ReplyBody).ToBeVisibleAsync();
        await Assertions.Expect(detail.Reopen).ToHaveCountAsync(0);
        await Assertions.Expect(detail.Timeline.Filter(new() { HasText = "Reopened by" })).Not.ToHaveCountAsync(0);
        await ScreenshotAsync("reopened");

        await Page.ReloadAsync();
        await detail.WaitForReadyAsync();
        await Assertions.Expect(detail.Status).ToHaveTextAsync("Open");
        Page.Url.ShouldEndWith($"/cases/{caseId}");
    }
}
