namespace Dashboard.E2E.Tests.Accessibility;

/// <summary>
/// axe-core (WCAG 2.2 A/AA rules, <see cref="Axe.Tags"/>) over every page of the product, signed in as
/// the person who uses it, on a laptop; <see cref="PhoneAccessibilityScanTests"/> repeats it on a phone.
/// A serious or critical violation on any page fails the test, which prints each one (rule, help URL,
/// elements). docs/accessibility.md says what this covers and what it cannot.
/// </summary>
public class AccessibilityScanTests(E2EFixture fixture) : E2ETest(fixture)
{
    private readonly List<string> _violations = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Axe.AddToAsync(Context);
    }

    [Fact]
    public async Task Sign_in_pages_have_no_serious_violations()
    {
        await ScanAsync(LoginPage.Path, interactive: false);
        // The sign-in form with its errors shown.
        await new LoginPage(Page).SubmitAsync(DemoLogins.NorthwindOwner, "not the password");
        await Assertions.Expect(new LoginPage(Page).Error).ToBeVisibleAsync();
        await ScanHereAsync("sign-in with an error");
        await ScanAsync("/portal/sign-in", interactive: false);
        await ScanAsync("/api-docs", interactive: false);
        AssertNone();
    }

    [Fact]
    public async Task Merchant_pages_have_no_serious_violations()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        foreach (var tab in CaseListPage.TabSlugs)
        {
            await list.GotoAsync(tab);
            await ScanHereAsync($"/cases?tab={tab}");
        }
        await list.GotoAsync("all");
        var (caseId, _) = await list.OpenFirstAsync();
        await ScanAsync($"/cases/{caseId}");
        await Page.GetByTestId("notification-button").ClickAsync();
        await ScanHereAsync($"/cases/{caseId} with the notifications open");
        foreach (var path in (string[])["/settings/cases", "/settings/saved-replies", "/settings/team", "/settings/api-tokens",
                     "/settings/licences", "/help", "/help/new", "/inbound-mail"])
            await ScanAsync(path);
        await ScanAsync("/account/two-factor", interactive: false);
        AssertNone();
    }

    [Fact]
    public async Task Support_pages_have_no_serious_violations()
    {
        await new LoginPage(Page).SignInAsSupportAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath != LoginPage.LoginWithCodePath);
        foreach (var path in (string[])["/support", "/support/escalated", "/support/tickets", "/support/audit"])
            await ScanAsync(path);
        await ScanAsync("/support/tickets");
        await Page.GetByTestId("queue-row").First.Locator("a").First.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/support/tickets/", StringComparison.Ordinal));
        await SettledAsync();
        await ScanHereAsync("a support ticket");
        AssertNone();
    }

    [Fact]
    public async Task Portal_pages_have_no_serious_violations()
    {
        var portal = new PortalPage(Page);
        await portal.SignInWithCodeAsync(DemoLogins.PortalAlex);
        await ScanHereAsync("/portal");
        await ScanAsync("/portal/cases");
        await Page.GetByTestId("portal-case-row").First.Locator("a").First.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/portal/cases/", StringComparison.Ordinal));
        await SettledAsync();
        await ScanHereAsync("a portal case");
        AssertNone();
    }

    private async Task ScanAsync(string path, bool interactive = true)
    {
        await Page.GotoAsync(path);
        await SettledAsync(interactive);
        await ScanHereAsync(path);
    }

    /// <summary>Scans the page as it is, saves a screenshot of it and keeps what axe found.</summary>
    private async Task ScanHereAsync(string where)
    {
        _violations.AddRange(await Axe.SeriousViolationsAsync(Page, $"[{Viewport.Width}x{Viewport.Height}] {where}"));
        await ScreenshotAsync(where);
    }

    /// <summary>
    /// The page has loaded, has its heading, shows no loading state and (unless it is one of the static
    /// sign-in pages) is live.
    /// </summary>
    private async Task SettledAsync(bool interactive = true) =>
        await Page.WaitForFunctionAsync(
            """
            interactive => document.readyState === 'complete' && !!document.querySelector('h1')
              && (!interactive || !!document.querySelector('[data-testid=app-interactive]'))
              && !document.querySelector('[data-testid$=loading], .mud-skeleton')
            """, interactive, new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 100 });

    private void AssertNone() =>
        _violations.ShouldBeEmpty("axe-core found serious or critical WCAG 2.2 A/AA violations:\n" + string.Join("\n", _violations) + "\n");
}

/// <summary>The same scan on a phone (390 x 844): the layout, the menu button and the stacked lists differ.</summary>
public sealed class PhoneAccessibilityScanTests(E2EFixture fixture) : AccessibilityScanTests(fixture)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
    protected override bool IsMobile => true;
}
