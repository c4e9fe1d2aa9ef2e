namespace Dashboard.E2E.Tests.Pages;

/// <summary>The static sign-in page (/account/login): <c>#email</c>, <c>#password</c>, the submit button.</summary>
public sealed class LoginPage(IPage page)
{
    public const string Path = "/account/login";

    public ILocator Email => page.Locator("#email");
    public ILocator Password => page.Locator("#password");
    public ILocator Submit => page.Locator("button[type=submit]");

    /// <summary>The form's error ("Email or password is incorrect.", the lockout message): the page's alert.</summary>
    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public async Task<LoginPage> GotoAsync()
    {
        await page.GotoAsync(Path);
        return this;
    }

    /// <summary>
    /// Fills and submits the form and waits for the server's answer to the post (so the next attempt
    /// never types into the page that is being replaced); does not wait for where a success leads.
    /// </summary>
    public async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await page.RunAndWaitForResponseAsync(() => Submit.ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == Path);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>The two-factor step (/account/login-2fa): the code box.</summary>
    public ILocator Code => page.GetByTestId("two-factor-code");

    /// <summary>Enters the authenticator code on the two-factor step and waits for the server's answer.</summary>
    public async Task SubmitCodeAsync(string code)
    {
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == LoginWithCodePath);
        await Code.FillAsync(code);
        await page.RunAndWaitForResponseAsync(() => Submit.ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == LoginWithCodePath);
    }

    public const string LoginWithCodePath = "/account/login-2fa";

    /// <summary>Signs in the demo support account: password, then the current code of its published key.</summary>
    public async Task SignInAsSupportAsync()
    {
        await GotoAsync();
        await SubmitAsync(DemoLogins.PlatformSupport, DemoLogins.Password);
        await SubmitCodeAsync(DemoLogins.CurrentCode());
    }

    /// <summary>Signs in and waits for the case list.</summary>
    public async Task<CaseListPage> SignInAsync(string email, string password = DemoLogins.Password)
    {
        await GotoAsync();
        await SubmitAsync(email, password);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == CaseListPage.Path);
        var list = new CaseListPage(page);
        await list.WaitForReadyAsync();
        return list;
    }
}
