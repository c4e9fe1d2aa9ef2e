using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Security;

/// <summary>Hand-edited or stale URLs never break a page: bad values are ignored or corrected.</summary>
public class BadQueryValueTests(BadQueryValueTests.App app) : IClassFixture<BadQueryValueTests.App>
{
    public sealed class App : DashboardAppFactory;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<FormClient> OwnerAsync()
    {
        var client = FormClient.For(app);
        (await client.SignInAsync("owner@northwind.test", "Demo-2026!")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [Theory]
    [InlineData("page=abc")]
    [InlineData("size=abc")]
    [InlineData("page=1.5")]
    [InlineData("page=-3")]
    [InlineData("page=0")]
    [InlineData("size=37")]
    [InlineData("size=100000000000")]
    [InlineData("page=abc&size=1.5&tab=nonsense&priority=extreme")]
    [InlineData("page=1&page=2&tab=all&tab=open")]
    public async Task A_bad_value_on_the_case_list_is_ignored_and_the_first_page_is_shown(string query)
    {
        var client = await OwnerAsync();

        using var response = await client.Http.GetAsync("/cases?" + query, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        html.ShouldNotContain("Exception");
        html.ShouldContain("data-testid=\"cases-total\"");
        html.ShouldMatch(@"data-testid=""cases-total""[^>]*>1–\d+ of \d");
    }

    [Fact]
    public void Every_query_parameter_of_every_page_arrives_as_text_and_no_route_has_a_type_constraint()
    {
        // A typed query parameter (int?, bool) or a route constraint ({page:int}) makes Blazor answer 500 or
        // 404 before the page can ignore or correct a bad value: pages take text and parse it themselves.
        var types = typeof(Program).Assembly.GetTypes();
        var typed = types
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(p => p.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is not null && p.PropertyType != typeof(string))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");
        var constrained = types.SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template).Where(t => t.Contains(':'));

        typed.ShouldBeEmpty();
        constrained.ShouldBeEmpty();
        types.SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Count().ShouldBeGreaterThan(5, "the pages were found");
    }

    [Theory]
    [InlineData("/account/login-2fa?rememberMe=abc&returnUrl=%2Fcases")]
    [InlineData("/account/login-2fa?rememberMe=1")]
    [InlineData("/account/login-recovery?returnUrl=javascript:alert(1)")]
    [InlineData("/account/login?ReturnUrl=%0d%0a")]
    public async Task Account_pages_take_bad_query_values_without_failing(string path)
    {
        using var response = await FormClient.For(app).Http.GetAsync(path, Ct);

        ((int)response.StatusCode).ShouldBeLessThan(500);
        if (response.StatusCode == HttpStatusCode.Redirect)
            new Uri(new Uri("http://localhost"), response.Headers.Location!).ToString().ShouldStartWith("http://localhost/account/login");
    }

    [Theory]
    [InlineData("q=%22&priority=")]
    [InlineData("q=*")]
    [InlineData("q=AND%20OR%20NOT")]
    [InlineData("q=NEAR(")]
    [InlineData("q=x%00y")]
    public async Task Search_text_the_full_text_index_cannot_parse_finds_nothing_instead_of_failing(string query)
    {
        var client = await OwnerAsync();

        using var response = await client.Http.GetAsync("/cases?" + query, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("data-testid=\"cases-empty\"");
        html.ShouldNotContain("data-testid=\"cases-error\"");
    }

    [Theory]
    [InlineData("page=99999999999")]
    [InlineData("page=500")]
    [InlineData("page=2147483647")]
    public async Task A_page_past_the_end_shows_the_last_page(string query)
    {
        var client = await OwnerAsync();

        using var response = await client.Http.GetAsync("/cases?tab=all&" + query, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        html.ShouldMatch(@"data-testid=""cases-total""[^>]*>\d+–(\d+) of \1<");
        html.ShouldContain("data-testid=\"case-row\"");
    }
}

/// <summary>The merchant's Help list (platform support tickets) takes the same bad values as the case list.</summary>
public class BadQueryValueOnHelpTests(BadQueryValueTests.App app) : IClassFixture<BadQueryValueTests.App>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("page=abc")]
    [InlineData("size=abc")]
    [InlineData("page=1.5")]
    [InlineData("page=-3")]
    [InlineData("size=37")]
    [InlineData("page=99999999999")]
    [InlineData("page=2147483647&size=50")]
    public async Task A_bad_or_past_the_end_page_on_the_help_list_shows_tickets(string query)
    {
        var client = FormClient.For(app);
        (await client.SignInAsync("owner@northwind.test", "Demo-2026!")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await client.Http.GetAsync("/help?" + query, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        html.ShouldNotContain("Exception");
        html.ShouldContain("data-testid=\"ticket-row\"");
        html.ShouldMatch(@"data-testid=""tickets-total""[^>]*>\d+–(\d+) of \1<|data-testid=""tickets-total""[^>]*>1–\d+ of \d");
    }
}
