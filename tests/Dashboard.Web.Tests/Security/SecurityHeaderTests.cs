using System.Net;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Security;

/// <summary>Every kind of response carries the security headers; HSTS only over HTTPS outside Development.</summary>
public class SecurityHeaderTests(SecurityHeaderTests.App app) : IClassFixture<SecurityHeaderTests.App>
{
    public sealed class App : DashboardAppFactory;

    /// <summary>Production, with the sign-in page broken on purpose so it throws: the error page is what is served.</summary>
    private sealed class ProductionApp : DashboardAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("DemoData:Enabled", "false");
            builder.ConfigureTestServices(s => s.AddScoped<IdentityRedirectManager>(_ => throw new InvalidOperationException("broken on purpose")));
        }
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static void ShouldCarryTheHeaders(HttpResponseMessage response, string what)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values) : "";
        var csp = Header("Content-Security-Policy");
        csp.ShouldContain("script-src 'self';", Case.Sensitive, what);
        csp.ShouldNotContain("unsafe-eval", Case.Sensitive, what);
        csp.ShouldContain("frame-ancestors 'none'", Case.Sensitive, what);
        csp.ShouldContain("object-src 'none'", Case.Sensitive, what);
        Header("X-Content-Type-Options").ShouldBe("nosniff", what);
        Header("X-Frame-Options").ShouldBe("DENY", what);
        Header("Referrer-Policy").ShouldBe("same-origin", what);
        Header("Permissions-Policy").ShouldContain("camera=()", Case.Sensitive, what);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse(what + ": no HSTS in Development or over HTTP");
    }

    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/cases", HttpStatusCode.Redirect)]
    [InlineData("/api-docs", HttpStatusCode.OK)]
    [InlineData("/v2/openapi.json", HttpStatusCode.OK)]
    [InlineData("/assets/styles.css", HttpStatusCode.OK)]
    [InlineData("/_framework/blazor.web.js", HttpStatusCode.OK)]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", HttpStatusCode.OK)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/assets/missing.css", HttpStatusCode.NotFound)]
    [InlineData("/v2/core/stores/shp_northwindkeys01/cases", HttpStatusCode.Unauthorized)]
    [InlineData("/account/access-denied", HttpStatusCode.Forbidden)]
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(status, path);
        ShouldCarryTheHeaders(response, path);
        response.Headers.GetValues("Content-Security-Policy").Count().ShouldBe(1, "one policy, not Blazor's frame-ancestors beside it");
    }

    [Fact]
    public async Task The_attachment_download_keeps_its_own_sandboxing_policy()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/attachments/att_0123456789abcdef?store=shp_x&exp=1&sig=x", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe("default-src 'none'; sandbox");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Fact]
    public async Task Outside_development_an_error_page_over_https_carries_the_headers_and_hsts()
    {
        await using var production = new ProductionApp();
        var https = production.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://dashboard.example") });
        var http = production.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://dashboard.example") });

        using var error = await https.GetAsync("/account/login", Ct);
        using var notFound = await https.GetAsync("/no/such/page", Ct);
        using var plain = await http.GetAsync("/no/such/page", Ct);

        error.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await error.Content.ReadAsStringAsync(Ct)).ShouldContain("Something went wrong");
        (await error.Content.ReadAsStringAsync(Ct)).ShouldNotContain("broken on purpose");
        foreach (var response in new[] { error, notFound })
        {
            response.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000");
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        }
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS means nothing over plain HTTP");
        plain.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }
}
