using Microsoft.Data.Sqlite;

namespace Dashboard.E2E.Tests;

/// <summary>
/// The demo's "key already used" case (seeded with a fixed id): a store member replaces the key from
/// the rail; the rail and the timeline show it and the customer's email is in the outbox.
/// </summary>
public sealed class LicenceTests(E2EFixture fixture) : E2ETest(fixture)
{
    /// <summary>Seeded by DemoLicencePool (copied here on purpose, like DemoLogins).</summary>
    public const string KeyAlreadyUsedCaseId = "cs_demokeyinuse0001";

    [Fact]
    public async Task Replacing_the_key_from_the_rail_shows_in_the_rail_and_timeline_and_emails_the_customer()
    {
        // The demo agent is kept for the lockout test; the owner has the same licence rights by default.
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var detail = await new CaseDetailPage(Page).GotoAsync(KeyAlreadyUsedCaseId);
        await detail.WaitForReadyAsync();
        var actions = Page.GetByTestId("licence-actions");
        var orderRail = Page.GetByTestId("order-rail");
        await Assertions.Expect(actions.GetByTestId("licence-fix").First).ToBeVisibleAsync();
        var customerEmail = (await Page.GetByTestId("customer-rail").Locator("a").TextContentAsync())!.Trim();
        var oldKey = (await orderRail.Locator(".licence-key").First.TextContentAsync())!.Trim();
        await actions.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("rail");

        await actions.GetByTestId("licence-replace").First.ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync($"The key {oldKey}");
        await Assertions.Expect(dialog).ToContainTextAsync($"emailed to {customerEmail}");
        await ScreenshotAsync("confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Replace key" }).ClickAsync();

        var trail = detail.Timeline.Filter(new() { HasText = "Replaced key " + oldKey[..6] + "…" });
        await Assertions.Expect(trail).ToHaveCountAsync(1);
        await Assertions.Expect(trail).ToContainTextAsync("by Nadia Holm");
        var revoked = orderRail.Locator(".licences li").Filter(new() { HasText = oldKey });
        await Assertions.Expect(revoked).ToContainTextAsync("Revoked");
        await Assertions.Expect(orderRail.Locator(".licences li")).ToHaveCountAsync(2);
        var newKey = (await orderRail.Locator(".licences li").Filter(new() { HasNotText = oldKey }).Locator(".licence-key").TextContentAsync())!.Trim();
        await actions.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("replaced");

        var (to, body) = await ReplacementEmailAsync();
        to.ShouldBe(customerEmail);
        body.ShouldContain("Your new key: " + newKey);
    }

    /// <summary>The case's replacement email as the outbox holds it (address, text body).</summary>
    private async Task<(string To, string Body)> ReplacementEmailAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Fixture.App.DataDirectory, "dashboard.db"), Pooling = false, DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ToAddress, TextBody FROM Outbox WHERE CaseId = $case AND Kind = 'licence-replaced'";
        command.Parameters.AddWithValue("$case", KeyAlreadyUsedCaseId);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue("the replacement email is in the outbox");
        var email = (reader.GetString(0), reader.GetString(1));
        (await reader.ReadAsync()).ShouldBeFalse("one replacement, one email");
        return email;
    }
}
