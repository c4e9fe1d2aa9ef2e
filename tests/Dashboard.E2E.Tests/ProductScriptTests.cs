namespace Dashboard.E2E.Tests;

/// <summary>
/// The product's own scripts, run for real (bUnit only checks that components call them by the
/// right names): live.js keeps the Awaiting you count in the tab title, dashboard.js copies ids.
/// Paste and drop (dashboard.attachZone) are in AttachmentTests, tab reveal on a phone in PhoneTests.
/// </summary>
public sealed class ProductScriptTests(E2EFixture fixture) : E2ETest(fixture)
{
    [Fact]
    public async Task Live_js_puts_the_awaiting_you_count_in_front_of_every_pages_title_but_once()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var db = Fixture.Database;
        var awaiting = await db.CountAsync(DemoLogins.NorthwindStoreId, AppDatabase.AwaitingMerchant);
        awaiting.ShouldBeGreaterThan(0);

        await Assertions.Expect(Page).ToHaveTitleAsync($"Awaiting you ({awaiting}) · Cases", new() { Timeout = 15_000 });

        await list.SelectTabAsync("closed");
        var closed = await db.CountAsync(DemoLogins.NorthwindStoreId, AppDatabase.Closed);
        await Assertions.Expect(Page).ToHaveTitleAsync($"({awaiting}) Closed ({closed}) · Cases");

        var (caseId, _) = await list.OpenFirstAsync();
        await Assertions.Expect(Page).ToHaveTitleAsync($"({awaiting}) {await db.SubjectAsync(caseId)} · Case");
    }

    [Fact]
    public async Task The_copy_button_puts_the_case_id_on_the_clipboard()
    {
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = Fixture.BaseUrl });
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var (caseId, _) = await list.OpenFirstAsync();

        await Page.GetByTestId("copy-case-id").ClickAsync();

        await Assertions.Expect(Page.GetByText("Copied", new() { Exact = true })).ToBeVisibleAsync();
        (await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe(caseId);
    }
}
