using System.Net;
using Dashboard.Data;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Security;

/// <summary>
/// The first, server-rendered response of a page that shows "Case not found" or "Access denied" carries
/// 404 or 403, so crawlers, monitors and scripts see what a person sees.
/// </summary>
public class PageStatusTests(PageStatusTests.App app) : IClassFixture<PageStatusTests.App>
{
    public sealed class App : DashboardAppFactory;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<FormClient> SignedInAsync(string email)
    {
        var client = FormClient.For(app);
        (await client.SignInAsync(email, "Demo-2026!")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(FormClient client, string path)
    {
        using var response = await client.Http.GetAsync(path, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<string> CaseIdOfAsync(string storeId, bool escalated = false)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.Cases.Where(c => c.StoreId == storeId && c.Escalated == escalated).Select(c => c.Id).FirstAsync(Ct);
    }

    [Fact]
    public async Task Another_stores_case_and_a_missing_case_answer_404_with_the_case_not_found_page()
    {
        var contoso = await SignedInAsync("owner@contoso.test");
        var northwindCase = await CaseIdOfAsync("shp_northwindkeys01");

        foreach (var path in new[] { $"/cases/{northwindCase}", "/cases/cs_doesnotexist000000", "/cases/not-an-id" })
        {
            var (status, html) = await GetAsync(contoso, path);
            status.ShouldBe(HttpStatusCode.NotFound, path);
            html.ShouldContain("data-testid=\"case-not-found\"", Case.Sensitive, path);
        }
        (await GetAsync(contoso, $"/cases/{await CaseIdOfAsync("shp_contosogames01")}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Support_pages_answer_403_to_a_merchant()
    {
        var owner = await SignedInAsync("owner@northwind.test");
        var escalated = await CaseIdOfAsync("shp_northwindkeys01", escalated: true);

        foreach (var path in new[] { "/support/escalated", $"/support/cases/{escalated}" })
        {
            var (status, html) = await GetAsync(owner, path);
            status.ShouldBe(HttpStatusCode.Forbidden, path);
            html.ShouldContain("data-testid=\"access-denied\"", Case.Sensitive, path);
            html.ShouldNotContain("Pandabase Support here", Case.Sensitive, path);
        }
    }

    [Fact]
    public async Task The_access_denied_page_answers_403_and_an_unknown_address_404()
    {
        var owner = await SignedInAsync("owner@northwind.test");

        (await GetAsync(owner, "/account/access-denied")).Status.ShouldBe(HttpStatusCode.Forbidden);
        var (status, html) = await GetAsync(owner, "/no/such/page");
        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("Not found");
    }
}
