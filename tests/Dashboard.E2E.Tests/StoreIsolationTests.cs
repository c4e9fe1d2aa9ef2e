namespace Dashboard.E2E.Tests;

public sealed class StoreIsolationTests(E2EFixture fixture) : E2ETest(fixture)
{
    [Fact]
    public async Task Another_stores_case_is_not_found_and_shows_nothing_of_it()
    {
        // A real Northwind case, seen by its own owner in a separate browser context.
        string caseId, subject;
        {
            var northwind = await NewBrowserContextAsync("northwind owner");
            var page = await northwind.NewPageAsync();
            var list = await new LoginPage(page).SignInAsync(DemoLogins.NorthwindOwner);
            var (id, detail) = await list.OpenFirstAsync();
            await Assertions.Expect(detail.Subject).Not.ToBeEmptyAsync();
            caseId = id;
            subject = (await detail.Subject.InnerTextAsync()).Trim();
        }

        var contoso = await new LoginPage(Page).SignInAsync(DemoLogins.ContosoOwner);
        await Assertions.Expect(contoso.StoreName).ToHaveTextAsync(DemoLogins.ContosoName);
        // Both answer 404, which Chromium logs as a failed resource.
        ExpectPageStatus(404, $"/cases/{caseId}");
        ExpectPageStatus(404, "/cases/cs_doesnotexist000000000");
        var other = await new CaseDetailPage(Page).GotoAsync(caseId);
        await other.WaitForReadyAsync();
        await Assertions.Expect(other.NotFound).ToBeVisibleAsync();
        await Assertions.Expect(other.Subject).ToHaveCountAsync(0);
        await Assertions.Expect(other.Timeline).ToHaveCountAsync(0);
        await Assertions.Expect(other.ReplyBody).ToHaveCountAsync(0);
        // The page itself shows nothing of it. (Not the whole document: the same demo subject may be one of
        // Contoso's own cases, listed in the closed notification menu.)
        (await Page.Locator("main").InnerTextAsync()).ShouldNotContain(subject);
        (await Page.ContentAsync()).ShouldNotContain(caseId + "\"", Case.Sensitive, "no link or id of the other store's case (the address bar aside)");
        await ScreenshotAsync("not-found");

        // Exactly as a case that does not exist.
        await other.GotoAsync("cs_doesnotexist000000000");
        await other.WaitForReadyAsync();
        await Assertions.Expect(other.NotFound).ToBeVisibleAsync();
    }
}
