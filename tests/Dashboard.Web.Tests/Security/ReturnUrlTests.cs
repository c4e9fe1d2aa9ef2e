using System.Net;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Security;

public class ReturnUrlTests(ReturnUrlTests.App app) : IClassFixture<ReturnUrlTests.App>
{
    public sealed class App : DashboardAppFactory;

    /// <summary>Where a redirect goes, as a path on this site; fails when it leaves the site.</summary>
    private static string Local(HttpResponseMessage response)
    {
        var target = new Uri(new Uri("http://localhost"), response.Headers.Location!);
        target.Authority.ShouldBe("localhost");
        return target.PathAndQuery;
    }

    public static TheoryData<string> Foreign =>
    [
        "https://evil.example/",
        "http://evil.example/cases",
        "//evil.example/",
        "\\\\evil",
        "/\\evil",
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "/cases\tx",
        "/\t/evil.example",
        "/cases\r\nSet-Cookie: x=1",
        "/cases\nLocation: https://evil.example/",
        "cases",
        " /cases",
        "",
    ];

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task Sign_in_with_a_foreign_or_malformed_return_url_lands_on_the_case_list(string returnUrl)
    {
        var client = FormClient.For(app);

        using var response = await client.SignInAsync("owner@contoso.test", "Demo-2026!", returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Local(response).ShouldBe("/cases");
        response.Headers.Contains("Set-Cookie").ShouldBeTrue();
        response.Headers.GetValues("Set-Cookie").ShouldNotContain(c => c.StartsWith("x=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/cases?tab=closed")]
    [InlineData("/settings/api-tokens")]
    [InlineData("/cases/cs_0123456789abcdef")]
    public async Task Sign_in_with_a_local_return_url_goes_there(string returnUrl)
    {
        var client = FormClient.For(app);

        using var response = await client.SignInAsync("owner@contoso.test", "Demo-2026!", returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Local(response).ShouldBe(returnUrl);
    }

    [Theory]
    [MemberData(nameof(Foreign))]
    public void Only_a_path_on_this_site_is_local(string url) => ReturnUrl.IsLocal(url).ShouldBeFalse();
}
