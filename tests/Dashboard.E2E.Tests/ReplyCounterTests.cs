namespace Dashboard.E2E.Tests;

/// <summary>The reply box counts what a person sees, as the server does, with the browser's own text.</summary>
public sealed class ReplyCounterTests(E2EFixture fixture) : E2ETest(fixture)
{
    [Fact]
    public async Task An_emoji_counts_as_one_and_four_thousand_of_them_can_be_sent_but_not_one_more()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var (_, detail) = await list.OpenFirstAsync();

        await detail.ReplyBody.FillAsync("Thanks 👍🏽 👨‍👩‍👧‍👦 🇩🇪");
        await Assertions.Expect(detail.ReplyCounter).ToHaveTextAsync("12 / 4,000");

        var limit = string.Concat(Enumerable.Repeat("🙂", 4000));
        await detail.ReplyBody.FillAsync(limit + "🙂");
        await Assertions.Expect(detail.ReplyCounter).ToHaveTextAsync("4,001 / 4,000");
        await Assertions.Expect(detail.ReplySend).ToBeDisabledAsync();
        await Assertions.Expect(Page.GetByTestId("reply-problem")).ToHaveTextAsync("Message is too long: 4,001 characters, the limit is 4,000");
        await ScreenshotAsync("over-the-limit");

        await detail.ReplyBody.FillAsync(limit);
        await Assertions.Expect(detail.ReplyCounter).ToHaveTextAsync("4,000 / 4,000");
        await detail.ReplySend.ClickAsync();
        await Assertions.Expect(detail.Timeline.Filter(new() { HasText = limit })).ToHaveCountAsync(1);
    }
}
