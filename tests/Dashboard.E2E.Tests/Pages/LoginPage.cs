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

    /// <summary>Fills and submits the form; does not wait for where it leads.</summary>
    public async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
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
