using System.Net;

namespace Dashboard.E2E.Tests;

public sealed class ApiTokenTests(E2EFixture fixture) : E2ETest(fixture)
{
    [Fact]
    public async Task A_token_created_and_revoked_on_the_page_works_and_then_stops_at_once()
    {
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        await Page.GotoAsync("/settings/api-tokens");
        await Blazor.WaitForLoadedAsync(Page, loaded: "[data-testid=token-create]", loading: "[data-testid=api-tokens-denied]");
        var name = $"Zapier {Guid.NewGuid():N}"[..14];

        await Page.Locator("[data-testid=token-name] input, input[data-testid=token-name]").FillAsync(name);
        await Page.GetByTestId("token-create").ClickAsync();
        var secret = (await Page.GetByTestId("token-secret").InnerTextAsync()).Trim();
        secret.ShouldStartWith("sk_");
        var row = Page.GetByTestId("token-row").Filter(new() { HasText = name });
        await Assertions.Expect(row.GetByTestId("token-status")).ToHaveTextAsync("Active");

        var casesUrl = $"/v2/core/stores/{DemoLogins.NorthwindStoreId}/cases?limit=1";
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + secret };
        (await Context.APIRequest.GetAsync(casesUrl, new() { Headers = headers })).Status.ShouldBe((int)HttpStatusCode.OK);
        await ScreenshotAsync("created");

        await row.GetByTestId("token-revoke").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync(name);
        await ScreenshotAsync("confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();

        await Assertions.Expect(row.GetByTestId("token-status")).ToHaveTextAsync("Revoked");
        await Assertions.Expect(row.GetByTestId("token-revoke")).ToHaveCountAsync(0);
        var refused = await Context.APIRequest.GetAsync(casesUrl, new() { Headers = headers });
        refused.Status.ShouldBe((int)HttpStatusCode.Unauthorized);
        (await refused.TextAsync()).ShouldContain("API token has been revoked");
        await ScreenshotAsync("revoked");
    }
}
