namespace Dashboard.E2E.Tests.Accessibility;

/// <summary>
/// The controls a support agent uses all day, driven by the keyboard alone: the app bar's menus, the
/// reply box (Attach, Ctrl+Enter). Screenshots show the focus rings.
/// </summary>
public sealed class KeyboardTests(E2EFixture fixture) : E2ETest(fixture)
{
    private ILocator AccountMenu => Page.GetByTestId("account-menu");
    private ILocator NotificationMenu => Page.GetByTestId("notification-button");

    [Fact]
    public async Task The_account_menu_is_one_button_named_after_the_person_that_opens_with_Enter_and_closes_with_Escape()
    {
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        await Assertions.Expect(AccountMenu).ToHaveAccessibleNameAsync("Nadia Holm");
        (await AccountMenu.Locator("button, a, input, [tabindex]").CountAsync()).ShouldBe(0, "nothing focusable inside the menu's button");

        await AccountMenu.FocusAsync();
        await ScreenshotAsync("account-menu-focused");
        await Page.Keyboard.PressAsync("Enter");
        var twoFactor = Page.GetByTestId("two-factor-link");
        await Assertions.Expect(twoFactor).ToBeVisibleAsync();
        await Assertions.Expect(AccountMenu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(twoFactor).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(Page.GetByTestId("sign-out")).ToBeFocusedAsync();
        await ScreenshotAsync("account-menu-open-sign-out-focused");
        await Page.Keyboard.PressAsync("Home");
        await Assertions.Expect(twoFactor).ToBeFocusedAsync();

        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(twoFactor).ToBeHiddenAsync();
        await Assertions.Expect(AccountMenu).ToBeFocusedAsync();
        await Assertions.Expect(AccountMenu).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task The_notification_menu_is_one_button_that_says_how_many_are_new_and_opens_with_Space()
    {
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        await Assertions.Expect(NotificationMenu).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex(@"^Notifications: [\d,+]+ new$"));
        (await NotificationMenu.Locator("button, a, input, [tabindex]").CountAsync()).ShouldBe(0, "nothing focusable inside the menu's button");

        await NotificationMenu.FocusAsync();
        await Page.Keyboard.PressAsync(" ");
        await Assertions.Expect(Page.GetByTestId("notifications-mark-seen")).ToBeVisibleAsync();
        await ScreenshotAsync("notifications-open");
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Page.GetByTestId("notifications-mark-seen")).ToBeHiddenAsync();
        await Assertions.Expect(NotificationMenu).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_sign_in_error_is_tied_to_its_field_which_gets_the_focus()
    {
        var login = await new LoginPage(Page).GotoAsync();
        await login.Email.FillAsync(DemoLogins.NorthwindOwner);
        await Page.RunAndWaitForResponseAsync(() => login.Submit.ClickAsync(), r => r.Request.Method == "POST");

        var error = Page.GetByTestId("password-error");
        await Assertions.Expect(error).ToHaveTextAsync("Enter your password");
        await Assertions.Expect(login.Password).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(login.Password).ToHaveAccessibleDescriptionAsync("Enter your password");
        await Assertions.Expect(login.Password).ToBeFocusedAsync();
        await Assertions.Expect(login.Email).ToHaveValueAsync(DemoLogins.NorthwindOwner);
        await Assertions.Expect(login.Email).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await ScreenshotAsync("password-error");
    }

    [Fact]
    public async Task Attach_opens_the_file_picker_with_Enter_and_with_Space_and_the_reply_sends_with_Ctrl_Enter()
    {
        var caseId = await AppCases.OpenAsync(Fixture.App, DemoLogins.NorthwindStoreId, "Keyboard only reply", "Can you resend my key?");
        await new LoginPage(Page).SignInAsync(DemoLogins.NorthwindOwner);
        var detail = await new CaseDetailPage(Page).GotoAsync(caseId);
        await detail.WaitForReadyAsync();

        var attach = Page.GetByTestId("attach-input");
        await detail.ReplyBody.FocusAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(attach).ToBeFocusedAsync();
        var ring = await Page.GetByTestId("attach-button").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth");
        ring.ShouldBe("solid 2px", "the focus ring is drawn around the Attach button");
        await ScreenshotAsync("attach-focused");

        foreach (var key in (string[])["Enter", " "])
        {
            var chooser = await Page.RunAndWaitForFileChooserAsync(() => Page.Keyboard.PressAsync(key), new() { Timeout = 30_000 });
            chooser.IsMultiple.ShouldBeTrue();
        }

        await detail.ReplyBody.FocusAsync();
        await Page.Keyboard.TypeAsync("Sent from the keyboard alone.");
        await Page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(detail.Timeline.Filter(new() { HasText = "Sent from the keyboard alone." })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(detail.ReplyBody).ToHaveValueAsync("");
    }
}
