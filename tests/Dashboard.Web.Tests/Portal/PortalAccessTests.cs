using System.Net;
using Dashboard.Domain;
using Dashboard.Web.Features.Portal.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Portal;

/// <summary>
/// Over HTTP, through the real forms: the portal's sign-in, and the two sides never standing in for
/// each other (a customer cookie opens neither the dashboard nor the Store API; a merchant cookie
/// does not open the portal). Another customer's case answers 404.
/// </summary>
public class PortalAccessTests(PortalApp app) : IClassFixture<PortalApp>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<HttpClient> CustomerAsync(string email)
    {
        var browser = app.Browser();
        await PortalApp.SignInCustomerAsync(browser, email);
        return browser;
    }

    private async Task<(string Id, string Subject)> CaseOfAsync(string email)
    {
        await using var db = app.Db();
        var c = await db.Cases.Where(x => x.Customer.NormalizedEmail == email).OrderBy(x => x.Id).FirstAsync(Ct);
        return (c.Id, c.Subject);
    }

    [Fact]
    public async Task A_customer_signed_in_by_code_sees_their_orders_of_both_stores()
    {
        var browser = await CustomerAsync(PortalApp.Alex);

        var response = await browser.GetAsync("/portal", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("Northwind Keys");
        html.ShouldContain("Contoso Games");
        html.ShouldContain("NK-20001");
        html.ShouldContain("CG-20003");
        html.ShouldContain("Available once the order is completed");
        html.ShouldNotContain("NK-20003", Case.Sensitive, "Sam's order");
    }

    [Fact]
    public async Task A_sign_in_link_is_confirmed_by_a_post_works_once_and_a_reused_one_says_so()
    {
        var browser = app.Browser();
        var link = PortalApp.DevLink(await PortalApp.RequestSignInAsync(browser, PortalApp.Sam));
        var path = new Uri(link).PathAndQuery;

        var confirm = await browser.GetStringAsync(path, Ct);
        confirm.ShouldContain(PortalApp.Sam);
        (await browser.GetAsync("/portal", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "opening the link alone signs nobody in");

        var fields = PortalApp.HiddenFields(confirm, "portal-link-form");
        var used = await browser.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
        used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        PortalApp.PathOf(used).ShouldBe("/portal");
        (await browser.GetAsync("/portal", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await app.Browser().GetStringAsync(path, Ct);
        again.ShouldContain(System.Net.WebUtility.HtmlEncode(PortalSignInService.UsedLink));
    }

    [Fact]
    public async Task An_altered_link_shows_a_clear_error_and_signs_nobody_in()
    {
        var browser = app.Browser();
        var link = PortalApp.DevLink(await PortalApp.RequestSignInAsync(browser, PortalApp.Sam));
        var altered = new Uri(link).PathAndQuery[..^2] + "xx";

        var page = await browser.GetStringAsync(altered, Ct);

        page.ShouldContain(System.Net.WebUtility.HtmlEncode(PortalSignInService.InvalidLink));
        page.ShouldNotContain("portal-link-form");
        (await browser.GetAsync("/portal", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_wrong_code_is_answered_on_the_page_and_signs_nobody_in()
    {
        var browser = app.Browser();
        var page = await PortalApp.RequestSignInAsync(browser, PortalApp.Sam);
        var fields = PortalApp.HiddenFields(page, "portal-code-form");
        var right = System.Text.RegularExpressions.Regex.Match(page, "portal-dev-code\">(\\d{6})<").Groups[1].Value;
        fields["CodeForm.Code"] = right == "000000" ? "111111" : "000000";

        var response = await browser.PostAsync("/portal/sign-in", new FormUrlEncodedContent(fields), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("That code is not right. 4 tries left.");
        (await browser.GetAsync("/portal", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_page_and_no_email_is_written()
    {
        var browser = app.Browser();

        var page = await PortalApp.RequestSignInAsync(browser, "stranger@nowhere.example");

        page.ShouldContain("Check your email");
        page.ShouldContain("portal-code-form");
        page.ShouldContain("portal-dev-no-email");
        await using var db = app.Db();
        (await db.Outbox.AnyAsync(o => o.ToAddress == "stranger@nowhere.example", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_customer_cookie_opens_neither_the_dashboard_nor_the_store_api()
    {
        var browser = await CustomerAsync(PortalApp.Alex);

        var dashboard = await browser.GetAsync("/cases", Ct);
        var support = await browser.GetAsync("/support/escalated", Ct);
        var api = await browser.GetAsync($"/v2/core/stores/{DemoIds.Northwind}/cases", Ct);

        dashboard.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        dashboard.Headers.Location!.ToString().ShouldContain("/account/login");
        support.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        support.Headers.Location!.ToString().ShouldContain("/account/login");
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        api.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task A_merchant_cookie_does_not_open_the_portal()
    {
        var merchant = app.Browser();
        await PortalApp.SignInMerchantAsync(merchant);
        (await merchant.GetAsync("/cases", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "signed in to the dashboard");
        var (caseId, _) = await CaseOfAsync(PortalApp.Alex);

        foreach (var path in new[] { "/portal", "/portal/cases", $"/portal/cases/{caseId}" })
        {
            var response = await merchant.GetAsync(path, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            PortalApp.PathOf(response).ShouldStartWith("/portal/sign-in?returnUrl=");
        }
        var signOut = await merchant.PostAsync("/portal/sign-out", new FormUrlEncodedContent([]), Ct);
        signOut.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_customers_case_answers_404_and_shows_nothing_of_it()
    {
        var (alexCase, subject) = await CaseOfAsync(PortalApp.Alex);
        var alex = await CustomerAsync(PortalApp.Alex);
        var sam = await CustomerAsync(PortalApp.Sam);

        var own = await alex.GetAsync($"/portal/cases/{alexCase}", Ct);
        var theirs = await sam.GetAsync($"/portal/cases/{alexCase}", Ct);
        var madeUp = await sam.GetAsync("/portal/cases/cs_doesnotexist0000000", Ct);

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        System.Net.WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync(Ct)).ShouldContain(subject);
        theirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await theirs.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("portal-case-not-found");
        System.Net.WebUtility.HtmlDecode(html).ShouldNotContain(subject); // decoded: Blazor encodes the dash as &#x2014;
        madeUp.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Signing_out_ends_the_portal_session()
    {
        var browser = await CustomerAsync(PortalApp.Sam);
        var page = await browser.GetStringAsync("/portal", Ct);
        var fields = PortalApp.HiddenFields(page, "portal-sign-out");

        var response = await browser.PostAsync("/portal/sign-out", new FormUrlEncodedContent(fields), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        PortalApp.PathOf(response).ShouldBe("/portal/sign-in");
        (await browser.GetAsync("/portal", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static class DemoIds
    {
        public const string Northwind = Features.Seed.DemoAccounts.NorthwindStoreId;
    }
}
