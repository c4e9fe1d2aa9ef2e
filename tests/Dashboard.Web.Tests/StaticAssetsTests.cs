using System.Net;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests;

public class StaticAssetsTests(StaticAssetsTests.App app) : IClassFixture<StaticAssetsTests.App>
{
    public sealed class App : DashboardAppFactory;

    [Theory]
    [InlineData("/assets/logo.svg", "image/svg+xml")]
    [InlineData("/assets/favicon.svg", "image/svg+xml")]
    [InlineData("/assets/styles.css", "text/css")]
    public async Task Top_level_assets_are_served(string path, string contentType)
    {
        var response = await app.CreateClient().GetAsync(path, Xunit.TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
    }

    [Fact]
    public async Task Dashboard_pages_require_sign_in()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/cases", Xunit.TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }
}
