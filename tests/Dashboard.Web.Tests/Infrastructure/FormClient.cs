using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// An HTTP client that uses the static account pages as a browser without JavaScript would: it reads
/// the form's antiforgery token from the page, posts the form and keeps the cookies. Redirects are
/// not followed, so a test sees where the app sends the browser.
/// </summary>
public sealed partial class FormClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static FormClient For(DashboardAppFactory app, string baseAddress = "http://localhost") =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) }));

    /// <summary>GETs <paramref name="path"/>, fills its form <paramref name="formName"/> and posts it back to the same address.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string formName, IDictionary<string, string> fields)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        using var page = await Http.GetAsync(path, ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}");
        var html = await page.Content.ReadAsStringAsync(ct);
        var token = AntiforgeryField().Match(html);
        token.Success.ShouldBeTrue($"no antiforgery token on {path}");
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        return await Http.PostAsync(path, new FormUrlEncodedContent(form), ct);
    }

    /// <summary>Posts the sign-in form; answers the app's response (a redirect on success).</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password, string? returnUrl = null) =>
        PostFormAsync("/account/login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)), "login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await Http.GetAsync(path, Xunit.TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}");
        return await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
