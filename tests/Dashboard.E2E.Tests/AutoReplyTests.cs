namespace Dashboard.E2E.Tests;

/// <summary>Contoso Games has an auto-reply: every case shows it as the store's automatic reply.</summary>
public sealed class AutoReplyTests(E2EFixture fixture) : E2ETest(fixture)
{
    [Fact]
    public async Task A_case_shows_the_stores_auto_reply_marked_automatic()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.ContosoOwner);
        var (_, detail) = await list.OpenFirstAsync();
        await Assertions.Expect(detail.Subject).ToBeVisibleAsync();

        var auto = Page.Locator("[data-testid=timeline-entry][data-entry-kind=auto-reply]");
        await Assertions.Expect(auto).ToHaveCountAsync(1);
        await Assertions.Expect(auto).ToContainTextAsync("Automatic reply");
        await Assertions.Expect(auto).ToContainTextAsync(DemoLogins.ContosoName);
        await auto.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("auto-reply");
    }
}

public sealed class PhoneAutoReplyTests(E2EFixture fixture) : E2ETest(fixture)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
    protected override bool IsMobile => true;

    [Fact]
    public async Task On_a_phone_the_auto_reply_fits_and_reads_as_automatic()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.ContosoOwner);
        var (_, detail) = await list.OpenFirstAsync();
        await Assertions.Expect(detail.Subject).ToBeVisibleAsync();

        var auto = Page.Locator("[data-testid=timeline-entry][data-entry-kind=auto-reply]");
        await Assertions.Expect(auto).ToContainTextAsync("Automatic reply");
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync("auto-reply");
    }
}
