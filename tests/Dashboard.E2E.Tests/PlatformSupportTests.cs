namespace Dashboard.E2E.Tests;

public sealed class PlatformSupportTests(E2EFixture fixture) : E2ETest(fixture)
{
    private const string EscalatedPath = "/support/escalated";

    [Fact]
    public async Task Support_sees_escalated_cases_of_every_store_and_the_merchant_sees_its_post()
    {
        await new LoginPage(Page).SignInAsSupportAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == EscalatedPath);
        await Blazor.WaitForLoadedAsync(Page, loaded: "[data-testid=case-row], [data-testid=cases-empty]", loading: "[data-testid=cases-loading]");
        var rows = Page.GetByTestId("case-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = DemoLogins.NorthwindName })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(rows.Filter(new() { HasText = DemoLogins.ContosoName })).Not.ToHaveCountAsync(0);
        await ScreenshotAsync("escalated");

        var row = rows.Filter(new() { HasText = DemoLogins.NorthwindName }).First;
        var caseId = (await row.GetAttributeAsync("data-case-id"))!;
        await row.Locator($"a[href$='cases/{caseId}']").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/support/cases/{caseId}");
        var detail = new CaseDetailPage(Page);
        await detail.WaitForReadyAsync();
        await Assertions.Expect(detail.Subject).Not.ToBeEmptyAsync();

        var post = $"Pandabase Support here: we are looking into this with both of you ({Guid.NewGuid():N}).";
        await detail.ReplyAsync(post);
        var mine = detail.Timeline.Filter(new() { HasText = post });
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Assertions.Expect(mine).ToHaveAttributeAsync("data-author-kind", "SUPPORT");
        await ScreenshotAsync("posted");

        // The store's owner sees the post in the same case.
        var northwind = await NewBrowserContextAsync("northwind owner");
        var ownerPage = await northwind.NewPageAsync();
        await new LoginPage(ownerPage).SignInAsync(DemoLogins.NorthwindOwner);
        var ownerView = await new CaseDetailPage(ownerPage).GotoAsync(caseId);
        await ownerView.WaitForReadyAsync();
        var seen = ownerView.Timeline.Filter(new() { HasText = post });
        await Assertions.Expect(seen).ToHaveCountAsync(1);
        await Assertions.Expect(seen).ToHaveAttributeAsync("data-author-kind", "SUPPORT");
    }

    [Fact]
    public async Task A_merchant_is_denied_the_support_pages()
    {
        ExpectPageStatus(403, EscalatedPath);
        await new LoginPage(Page).SignInAsync(DemoLogins.ContosoOwner);
        var response = await Page.GotoAsync(EscalatedPath);
        response.ShouldNotBeNull().Status.ShouldBe(403);
        await Assertions.Expect(Page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("case-row")).ToHaveCountAsync(0);
    }
}
