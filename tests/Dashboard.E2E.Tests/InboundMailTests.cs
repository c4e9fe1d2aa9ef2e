namespace Dashboard.E2E.Tests;

/// <summary>
/// The Email replies page on the demo data: the seed sends four emails through the real processor
/// (Northwind: one posted, one from a work address held, one out-of-office ignored; one that answers
/// no case, held for platform support only). These tests only look; they post or discard nothing,
/// so the demo data stays as other tests expect it.
/// </summary>
public sealed class InboundMailTests(E2EFixture fixture) : E2ETest(fixture)
{
    private const string Path = "/inbound-mail";
    private const string WorkAddress = "it-desk@contoso-corp.example";
    private const string StrayAddress = "kim.lee@example.net";

    private ILocator Cards => Page.GetByTestId("inbound-email");

    private async Task WaitForListAsync() =>
        await Blazor.WaitForLoadedAsync(Page, loaded: "[data-testid=inbound-email], [data-testid=inbound-empty]", loading: "[data-testid=inbound-loading]");

    [Fact]
    public async Task A_store_owner_reaches_the_held_reply_from_the_menu_and_sees_why_it_waits()
    {
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var nav = Page.GetByTestId("nav-inbound-mail");
        await Assertions.Expect(nav).ToContainTextAsync("1 held for review");

        await nav.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == Path);
        await WaitForListAsync();

        await Assertions.Expect(Cards).ToHaveCountAsync(1);
        await Assertions.Expect(Cards.First).ToContainTextAsync(WorkAddress);
        await Assertions.Expect(Cards.First.GetByTestId("inbound-reason")).ToContainTextAsync($"The sender {WorkAddress} is not the case's customer");
        await Assertions.Expect(Cards.First.GetByTestId("inbound-text")).ToHaveTextAsync(
            "Hello, I am writing from my work address: the download link still fails with error 403.");
        await Assertions.Expect(Cards.First.GetByTestId("inbound-post")).ToBeEnabledAsync();
        await Assertions.Expect(Page.GetByText(StrayAddress)).ToHaveCountAsync(0);
        await ScreenshotAsync("held");

        await Page.GetByTestId("inbound-tab-ignored").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).Query.Contains("ignored"));
        await WaitForListAsync();
        await Assertions.Expect(Cards).ToHaveCountAsync(1);
        await Assertions.Expect(Cards.First.GetByTestId("inbound-reason")).ToContainTextAsync("auto-replied");
        await Assertions.Expect(Cards.First.GetByTestId("inbound-post")).ToHaveCountAsync(0);
        await ScreenshotAsync("ignored");
    }

    [Fact]
    public async Task Platform_support_sees_mail_that_matched_no_case_with_a_field_for_the_case()
    {
        await new LoginPage(Page).SignInAsSupportAsync(); // support signs in with two-factor
        await Page.GotoAsync(Path);
        await WaitForListAsync();

        await Assertions.Expect(Page.GetByTestId("mailbox-status")).ToContainTextAsync("none configured");
        var stray = Cards.Filter(new() { HasText = StrayAddress });
        await Assertions.Expect(stray).ToHaveCountAsync(1);
        await Assertions.Expect(stray).ToContainTextAsync("Not matched to a case");
        await Assertions.Expect(stray.GetByTestId("inbound-case-id")).ToBeVisibleAsync();
        await Assertions.Expect(Cards.Filter(new() { HasText = WorkAddress })).ToHaveCountAsync(1);
        await ScreenshotAsync("support");
    }
}

public sealed class PhoneInboundMailTests(E2EFixture fixture) : E2ETest(fixture)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
    protected override bool IsMobile => true;

    [Fact]
    public async Task On_a_phone_a_held_reply_fits_and_its_actions_can_be_reached()
    {
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        await Page.GotoAsync("/inbound-mail");
        await Blazor.WaitForLoadedAsync(Page, loaded: "[data-testid=inbound-email], [data-testid=inbound-empty]", loading: "[data-testid=inbound-loading]");

        var card = Page.GetByTestId("inbound-email");
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card.GetByTestId("inbound-post")).ToBeVisibleAsync();
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync("held");
    }
}
