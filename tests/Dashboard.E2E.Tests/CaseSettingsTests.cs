namespace Dashboard.E2E.Tests;

/// <summary>
/// Settings → Cases in the browser: the owner turns the auto-reply on and previews it on the store's
/// most recent case; a case a customer then opens (through the product's CaseService, the portal's
/// path) shows it in the timeline. An agent sees the settings read-only.
/// </summary>
public sealed class CaseSettingsTests(E2EFixture fixture) : E2ETest(fixture)
{
    private const string Template = "Hi {{customer.first_name}}, {{store.name}} received “{{case.subject}}” about order {{order.number}}.";

    [Fact]
    public async Task An_owner_turns_the_auto_reply_on_previews_it_on_a_real_case_and_a_new_case_shows_it()
    {
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        await Assertions.Expect(Page.GetByTestId("nav-settings-cases")).ToBeVisibleAsync();
        var settings = await new CaseSettingsPage(Page).GotoAsync();
        var recent = (await Fixture.Database.CaseIdsAsync(DemoLogins.NorthwindStoreId, limit: 1))[0];
        var recentSubject = await Fixture.Database.SubjectAsync(recent);
        await Assertions.Expect(settings.PreviewSource).ToContainTextAsync($"“{recentSubject}” ({recent})");
        await Assertions.Expect(settings.AutoReplySwitch).Not.ToBeCheckedAsync();

        await settings.AutoReplySwitch.CheckAsync(new() { Force = true }); // MudSwitch draws its own track over the input
        await settings.AutoReplyText.FillAsync(Template);
        await Assertions.Expect(settings.PreviewBody).ToContainTextAsync($", {DemoLogins.NorthwindName} received “{recentSubject}” about order ");
        await Assertions.Expect(settings.PreviewBody).Not.ToContainTextAsync("{{");
        await ScreenshotAsync("owner-auto-reply-on");
        await settings.Save.ClickAsync();
        await Assertions.Expect(settings.Message).ToHaveTextAsync("Settings saved");

        var caseId = await AppCases.OpenAsync(Fixture.App, DemoLogins.NorthwindStoreId, "Key not accepted", "The key says it is invalid.");
        var detail = await new CaseDetailPage(Page).GotoAsync(caseId);
        await detail.WaitForReadyAsync();
        var auto = Page.Locator("[data-testid=timeline-entry][data-entry-kind=auto-reply]");
        await Assertions.Expect(auto).ToHaveCountAsync(1);
        await Assertions.Expect(auto).ToContainTextAsync("Automatic reply");
        await Assertions.Expect(auto).ToContainTextAsync($", {DemoLogins.NorthwindName} received “Key not accepted” about order ");
        await Assertions.Expect(auto).Not.ToContainTextAsync("{{");
        await Assertions.Expect(detail.Status).ToContainTextAsync("Open", new() { IgnoreCase = true });
        await ScreenshotAsync("new-case-with-auto-reply");

        // Northwind goes back to the seeded state (no auto-reply) for the tests that follow.
        settings = await new CaseSettingsPage(Page).GotoAsync();
        await settings.AutoReplySwitch.UncheckAsync(new() { Force = true });
        await settings.Save.ClickAsync();
        await Assertions.Expect(settings.Message).ToHaveTextAsync("Settings saved");
    }

    [Fact]
    public async Task Out_of_range_days_and_an_unknown_placeholder_are_refused_with_the_rule_and_the_input_stays()
    {
        await new LoginPage(Page).SignInAsync(DemoLogins.ContosoOwner);
        var settings = await new CaseSettingsPage(Page).GotoAsync();
        await settings.AutoReplyText.FillAsync("Hi {{customer.name}}");
        await settings.IdleDays.FillAsync("120");

        await settings.Save.ClickAsync();

        await Assertions.Expect(settings.Message).ToHaveTextAsync("Nothing was saved: please correct the fields marked below.");
        await Assertions.Expect(Page.GetByTestId("settings-auto-reply")).ToContainTextAsync(
            "Unknown placeholder {{customer.name}}. You can use: {{customer.first_name}}, {{order.number}}, {{store.name}}, {{case.subject}}");
        await Assertions.Expect(Page.GetByTestId("settings-auto-close")).ToContainTextAsync("Close after must be between 1 and 90 days");
        await Assertions.Expect(settings.AutoReplyText).ToHaveValueAsync("Hi {{customer.name}}");
        await Assertions.Expect(settings.IdleDays).ToHaveValueAsync("120");
        await ScreenshotAsync("owner-refused");
    }

    [Fact]
    public async Task An_agent_sees_the_settings_read_only()
    {
        await new LoginPage(Page).SignInAsync(DemoLogins.ContosoAgent);
        var settings = await new CaseSettingsPage(Page).GotoAsync();

        await Assertions.Expect(settings.ReadOnlyNotice).ToContainTextAsync("Only the store's owner can change these settings");
        await Assertions.Expect(settings.Save).ToHaveCountAsync(0);
        await Assertions.Expect(settings.AutoReplyText).ToHaveAttributeAsync("readonly", "");
        await Assertions.Expect(settings.AutoReplySwitch).ToBeDisabledAsync();
        await Assertions.Expect(settings.PreviewBody).ToContainTextAsync(DemoLogins.ContosoName);
        await ScreenshotAsync("agent-read-only");
    }
}

public sealed class PhoneCaseSettingsTests(E2EFixture fixture) : E2ETest(fixture)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
    protected override bool IsMobile => true;

    [Theory]
    [InlineData(DemoLogins.ContosoOwner)]
    [InlineData(DemoLogins.ContosoAgent)]
    public async Task On_a_phone_the_settings_fit_the_screen(string login)
    {
        await new LoginPage(Page).SignInAsync(login);
        var settings = await new CaseSettingsPage(Page).GotoAsync();

        await Assertions.Expect(settings.PreviewBody).ToContainTextAsync(DemoLogins.ContosoName);
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync(login == DemoLogins.ContosoOwner ? "owner" : "agent-read-only");
    }
}
