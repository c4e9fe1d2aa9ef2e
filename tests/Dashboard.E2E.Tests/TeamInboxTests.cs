using System.Net;
using System.Text.Json;

namespace Dashboard.E2E.Tests;

/// <summary>The team inbox in a real browser: a team note stays inside the team, assignment shows in the list and its filter, saved replies insert at the caret.</summary>
public sealed class TeamInboxTests(E2EFixture fixture) : E2ETest(fixture)
{
    private const string ReadOnlyToken = Dashboard.Web.Features.Api.ApiTokenSeed.NorthwindReadOnly;

    [Fact]
    public async Task A_note_written_in_the_page_shows_as_a_team_note_and_is_not_in_the_store_api_case()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var (caseId, detail) = await list.OpenFirstAsync();
        await detail.WaitForReadyAsync();
        var note = $"Team only {Guid.NewGuid():N}"[..24];

        await Page.GetByTestId("reply-mode-note").ClickAsync();
        await Assertions.Expect(detail.ReplyBody).ToHaveAttributeAsync("placeholder", "Only your team sees notes");
        await detail.ReplyAsync(note);

        var entry = Page.Locator("[data-testid=timeline-entry][data-entry-kind=team-note]").Filter(new() { HasText = note });
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await Assertions.Expect(entry).ToContainTextAsync("Team note");
        await entry.ScrollIntoViewIfNeededAsync();
        await Page.GetByTestId("reply-mode-note").ClickAsync();
        await ScreenshotAsync("case-with-note");

        var response = await Context.APIRequest.GetAsync($"/v2/core/stores/{DemoLogins.NorthwindStoreId}/cases/{caseId}",
            new() { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + ReadOnlyToken } });
        response.Status.ShouldBe((int)HttpStatusCode.OK);
        var body = await response.TextAsync();
        var messages = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("messages");
        messages.GetArrayLength().ShouldBeGreaterThan(0);
        body.ShouldNotContain(note);
    }

    [Fact]
    public async Task Assigning_a_case_shows_the_assignee_in_the_list_and_the_assigned_to_me_filter_finds_it()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var (caseId, detail) = await list.OpenFirstAsync();
        await detail.WaitForReadyAsync();
        var select = Page.GetByTestId("assignee-select");
        const string me = "Nadia Holm"; // the Northwind owner of the demo data
        var myId = await select.Locator("option", new() { HasText = me }).First.GetAttributeAsync("value");

        await select.SelectOptionAsync(myId!);

        await Assertions.Expect(detail.Timeline.Last).ToContainTextAsync($"Assigned to {me} by {me}");
        await Page.GotoAsync("/cases?tab=all&assigned=me");
        await list.WaitForReadyAsync();
        await Assertions.Expect(Page.GetByTestId("assignee-filter")).ToHaveValueAsync("me");
        var row = list.Row(caseId);
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("case-assignee")).ToContainTextAsync(me);
        await ScreenshotAsync("assigned-to-me");

        await Page.GetByTestId("assignee-filter").SelectOptionAsync("unassigned");
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("assigned=unassigned"));
        await Assertions.Expect(list.Row(caseId)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_saved_reply_added_in_settings_is_inserted_at_the_caret_keeping_the_typed_text()
    {
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        await Page.GotoAsync("/settings/saved-replies");
        await Blazor.WaitForLoadedAsync(Page, loaded: "[data-testid=saved-reply-save]", loading: "[data-testid=saved-replies-loading]");
        var name = $"Resend {Guid.NewGuid():N}"[..15];
        await Page.Locator("[data-testid=saved-reply-name] input, input[data-testid=saved-reply-name]").FillAsync(name);
        await Page.Locator("[data-testid=saved-reply-text] textarea, textarea[data-testid=saved-reply-text]").First.FillAsync("Order {{order.number}}: key sent again.");
        await Page.GetByTestId("saved-reply-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("saved-reply-row").Filter(new() { HasText = name })).ToHaveCountAsync(1);
        await ScreenshotAsync("saved-replies");

        var list = await new CaseListPage(Page).GotoAsync("open");
        var (_, detail) = await list.OpenFirstAsync();
        await detail.WaitForReadyAsync();
        await detail.ReplyBody.FillAsync("Hello! ");
        await detail.ReplyBody.PressAsync("End");
        await Page.GetByTestId("saved-replies-button").ClickAsync();
        await Page.GetByTestId("saved-reply-search").FillAsync(name);
        await Page.GetByTestId("saved-reply-option").First.ClickAsync();

        await Assertions.Expect(detail.ReplyBody).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^Hello! Order \S+: key sent again\.$"));
        (await detail.ReplyBody.InputValueAsync()).ShouldNotContain("{{");
        await Assertions.Expect(detail.ReplyCounter).Not.ToHaveTextAsync("7 / 4,000");
    }
}

public sealed class PhoneTeamInboxTests(E2EFixture fixture) : E2ETest(fixture)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
    protected override bool IsMobile => true;

    [Fact]
    public async Task On_a_phone_the_note_mode_and_the_team_settings_fit()
    {
        var list = await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var (_, detail) = await list.OpenFirstAsync();
        await detail.WaitForReadyAsync();
        await Page.GetByTestId("reply-mode-note").ClickAsync();
        await detail.ReplyBody.ScrollIntoViewIfNeededAsync();
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync("case-note-mode");

        await Page.GotoAsync("/settings/team");
        await Blazor.WaitForLoadedAsync(Page, loaded: "[data-testid=team-member]", loading: "[data-testid=team-loading]");
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync("team");
        await Page.GotoAsync("/settings/saved-replies");
        await Blazor.WaitForLoadedAsync(Page, loaded: "[data-testid=saved-reply-save]", loading: "[data-testid=saved-replies-loading]");
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync("saved-replies");
    }

    [Fact]
    public async Task On_a_laptop_the_team_page_lists_members_with_roles()
    {
        await Page.SetViewportSizeAsync(1366, 900);
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        await Page.GotoAsync("/settings/team");
        await Blazor.WaitForLoadedAsync(Page, loaded: "[data-testid=team-member]", loading: "[data-testid=team-loading]");
        (await Page.GetByTestId("team-member").CountAsync()).ShouldBeGreaterThan(1);
        await Assertions.Expect(Page.GetByTestId("team-role").First).ToBeVisibleAsync();
        await ScreenshotAsync("team");
    }
}
