using Dashboard.Web.Features.Email;
using Dashboard.Web.Infrastructure;

namespace Dashboard.Web.Tests.Portal;

/// <summary>Links in emails: this host's own /portal unless Portal:BaseUrl says otherwise.</summary>
public class PublicUrlsTests
{
    [Theory]
    [InlineData("http://localhost:5080", "http://localhost:5080/portal/cases/cs_abc")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080/portal/cases/cs_abc")]
    [InlineData("http://[::]:8080/", "http://localhost:8080/portal/cases/cs_abc")]
    [InlineData("http://+:80", "http://localhost:80/portal/cases/cs_abc")]
    public void Without_a_base_url_links_point_at_this_hosts_portal(string listening, string expected)
    {
        var urls = new PublicUrls(new PortalOptions(), listening);

        urls.PortalCase("cs_abc").ShouldBe(expected);
        urls.DashboardCase("cs_abc").ShouldBe(expected.Replace("/portal", ""));
    }

    [Fact]
    public void Configured_addresses_win_over_the_host()
    {
        var urls = new PublicUrls(new PortalOptions { BaseUrl = "https://help.example.com/portal/", DashboardUrl = "https://admin.example.com" }, "http://127.0.0.1:5000");

        urls.PortalCase("cs_abc").ShouldBe("https://help.example.com/portal/cases/cs_abc");
        urls.PortalSignInLink("t-1").ShouldBe("https://help.example.com/portal/sign-in/link?token=t-1");
        urls.DashboardCase("cs_abc").ShouldBe("https://admin.example.com/cases/cs_abc");
    }
}
