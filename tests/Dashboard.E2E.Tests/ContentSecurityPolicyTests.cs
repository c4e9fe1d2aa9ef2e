namespace Dashboard.E2E.Tests;

/// <summary>
/// The dashboard works under its Content-Security-Policy: walking the main pages (and using them: a reply
/// with an image, the lightbox, menus) reports no violation, while an injected inline script is blocked.
/// </summary>
public sealed class ContentSecurityPolicyTests(E2EFixture fixture) : E2ETest(fixture)
{
    private const string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    // Every document records the violations it sees; the test reads them before leaving each page.
    private const string Recorder = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${(e.sample || '').slice(0, 60)}`));
        """;

    private readonly List<string> _violations = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Context.AddInitScriptAsync(Recorder);
    }

    /// <summary>Collects what the current page recorded, named after the page.</summary>
    private async Task CollectAsync(string where)
    {
        var seen = await Page.EvaluateAsync<string[]>("() => window.__csp || []");
        _violations.AddRange(seen.Select(v => $"{where}: {v}"));
    }

    private async Task VisitAsync(string path, string loaded)
    {
        var response = await Page.GotoAsync(path);
        response.ShouldNotBeNull();
        (await response.HeaderValueAsync("content-security-policy")).ShouldNotBeNull().ShouldContain("script-src 'self'");
        await Assertions.Expect(Page.Locator(loaded).First).ToBeVisibleAsync();
        await CollectAsync(path);
    }

    [Fact]
    public async Task The_main_pages_report_no_policy_violation_and_an_injected_inline_script_is_blocked()
    {
        await VisitAsync(LoginPage.Path, "#email");
        await ScreenshotAsync("sign-in");

        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        await Page.GetByTestId("account-menu").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("sign-out")).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Escape");
        await CollectAsync("case list");

        var (_, detail) = await list.OpenFirstAsync();
        await Page.GetByTestId("attach-input").SetInputFilesAsync(new FilePayload
        {
            Name = "screenshot.png", MimeType = "image/png", Buffer = Convert.FromBase64String(PngBase64),
        });
        var reply = $"A screenshot under the policy ({Guid.NewGuid():N}).";
        await detail.ReplyAsync(reply);
        var entry = detail.Timeline.Filter(new() { HasText = reply });
        await entry.GetByTestId("attachment-thumb").First.ClickAsync();
        await Assertions.Expect(Page.GetByTestId("attachment-lightbox")).ToBeVisibleAsync();
        await ScreenshotAsync("lightbox");
        await Page.Keyboard.PressAsync("Escape");
        await detail.StatusMenu.ClickAsync();
        await Page.Keyboard.PressAsync("Escape");
        await CollectAsync("case detail");

        await VisitAsync("/settings/api-tokens", "h1");
        await VisitAsync("/account/two-factor", "h1");
        await VisitAsync("/api-docs", "h1");
        ExpectPageStatus(404, "/no/such/page");
        await VisitAsync("/no/such/page", "h1");

        await Context.ClearCookiesAsync();
        await new LoginPage(Page).SignInAsSupportAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath is "/support/escalated" or "/cases");
        await Blazor.WaitForLoadedAsync(Page, loaded: "[data-testid=case-row]", loading: "[data-testid=cases-loading]");
        await CollectAsync("escalated cases");
        await Page.GetByTestId("case-row").First.Locator("a").ClickAsync();
        var support = new CaseDetailPage(Page);
        await support.WaitForReadyAsync();
        await Assertions.Expect(support.Subject).ToBeVisibleAsync();
        await CollectAsync("support case");

        _violations.ShouldBeEmpty();
        BrowserErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();

        // The recorder works and the policy is enforced: an inline handler injected into the page never runs
        // (Chromium also logs the block as a console error).
        ExpectBrowserError("^console\\.error: Executing inline event handler violates the following Content Security Policy directive 'script-src 'self''");
        await Page.EvaluateAsync("() => document.body.insertAdjacentHTML('beforeend', '<img src=\"/assets/logo.svg\" onload=\"window.__ran = true\">')");
        await Page.WaitForFunctionAsync("() => window.__csp.length > 0");
        (await Page.EvaluateAsync<bool>("() => window.__ran === true")).ShouldBeFalse();
        (await Page.EvaluateAsync<string[]>("() => window.__csp")).ShouldContain(v => v.StartsWith("script-src-attr"));
    }
}
