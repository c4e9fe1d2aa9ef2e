using System.Net;
using Dashboard.Data.Entities;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Api;

/// <summary>Bearer tokens only; scopes; one store per token; revoked and expired tokens refused at once.</summary>
public class StoreApiAuthTests(StoreApiApp app) : IClassFixture<StoreApiApp>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("sk_not_a_real_token_000000")]
    [InlineData("not-even-sk")]
    public async Task Missing_or_unknown_token_is_401(string? token)
    {
        var response = await app.Api(token).GetAsync(StoreApiApp.Cases(), Ct);
        await response.ShouldFailAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Fact]
    public async Task Dashboard_cookie_does_not_authorize_and_nothing_redirects()
    {
        var client = app.Api(null);
        // Sign in as the Northwind owner the way the login form does.
        var login = await client.GetAsync("/account/login", Ct);
        var html = await login.Content.ReadAsStringAsync(Ct);
        var antiforgery = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "owner@northwind.test", ["Input.Password"] = DemoAccounts.Password, ["__RequestVerificationToken"] = antiforgery, ["_handler"] = "login",
        });
        await client.PostAsync("/account/login", form, Ct);
        (await client.GetAsync("/cases", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "signed in to the dashboard");
        var response = await client.GetAsync(StoreApiApp.Cases(), Ct);
        await response.ShouldFailAsync(HttpStatusCode.Unauthorized);
        response.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task Read_only_token_reads_but_cannot_write()
    {
        var client = app.Api(StoreApiApp.NorthwindReadOnly);
        var some = await app.AnyCaseAsync("OPEN");
        var id = some.GetProperty("id").GetString();
        (await client.GetAsync($"{StoreApiApp.Cases()}/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/v2/core/stores/{StoreApiApp.Northwind}/orders/{some.GetProperty("orderId").GetString()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await client.SendJsonAsync(HttpMethod.Patch, $"{StoreApiApp.Cases()}/{id}", """{"priority":"HIGH"}"""))
            .ShouldFailAsync(HttpStatusCode.Forbidden, "This API token lacks the CASES_WRITE scope");
        await (await client.SendJsonAsync(HttpMethod.Post, $"{StoreApiApp.Cases()}/{id}/messages", """{"body":"hi"}"""))
            .ShouldFailAsync(HttpStatusCode.Forbidden, "This API token lacks the CASES_WRITE scope");
        await (await client.SendJsonAsync(HttpMethod.Post, $"{StoreApiApp.Cases()}/{id}/read", null))
            .ShouldFailAsync(HttpStatusCode.Forbidden, "This API token lacks the CASES_WRITE scope");
    }

    [Fact]
    public async Task Each_scope_opens_only_its_endpoints()
    {
        var casesOnly = await AddTokenAsync(StoreApiApp.Northwind, ApiScopes.CasesRead);
        var ordersOnly = await AddTokenAsync(StoreApiApp.Northwind, ApiScopes.OrdersRead);
        var writeOnly = await AddTokenAsync(StoreApiApp.Northwind, ApiScopes.CasesWrite);
        var some = await app.AnyCaseAsync("AWAITING_MERCHANT");
        var caseUrl = $"{StoreApiApp.Cases()}/{some.GetProperty("id").GetString()}";
        var orderUrl = $"/v2/core/stores/{StoreApiApp.Northwind}/orders/{some.GetProperty("orderId").GetString()}";

        (await app.Api(casesOnly).GetAsync(caseUrl, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await app.Api(casesOnly).GetAsync(orderUrl, Ct)).ShouldFailAsync(HttpStatusCode.Forbidden, "This API token lacks the ORDERS_READ scope");
        (await app.Api(ordersOnly).GetAsync(orderUrl, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await app.Api(ordersOnly).GetAsync(StoreApiApp.Cases(), Ct)).ShouldFailAsync(HttpStatusCode.Forbidden, "This API token lacks the CASES_READ scope");
        await (await app.Api(writeOnly).GetAsync(caseUrl, Ct)).ShouldFailAsync(HttpStatusCode.Forbidden, "This API token lacks the CASES_READ scope");
        (await app.Api(writeOnly).SendJsonAsync(HttpMethod.Post, caseUrl + "/read", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_of_another_store_is_403_on_that_stores_path()
    {
        await (await app.Api(StoreApiApp.ContosoAll).GetAsync(StoreApiApp.Cases(StoreApiApp.Northwind), Ct))
            .ShouldFailAsync(HttpStatusCode.Forbidden, "This API token does not belong to this store");
        var some = await app.AnyCaseAsync("OPEN");
        await (await app.Api(StoreApiApp.ContosoAll).SendJsonAsync(HttpMethod.Patch, $"{StoreApiApp.Cases()}/{some.GetProperty("id").GetString()}", """{"status":"CLOSED"}"""))
            .ShouldFailAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_stores_ids_on_the_own_path_are_404_like_missing_ones()
    {
        var contosoCase = await app.AnyCaseAsync("OPEN", StoreApiApp.Contoso, StoreApiApp.ContosoAll);
        var client = app.Api(StoreApiApp.NorthwindAll);
        var foreign = await (await client.GetAsync($"{StoreApiApp.Cases()}/{contosoCase.GetProperty("id").GetString()}", Ct))
            .ShouldFailAsync(HttpStatusCode.NotFound, "Case not found");
        var missing = await (await client.GetAsync($"{StoreApiApp.Cases()}/cs_doesnotexist0000000", Ct))
            .ShouldFailAsync(HttpStatusCode.NotFound, "Case not found");
        foreign.GetRawText().ShouldBe(missing.GetRawText());
        await (await client.SendJsonAsync(HttpMethod.Patch, $"{StoreApiApp.Cases()}/{contosoCase.GetProperty("id").GetString()}", """{"status":"CLOSED"}"""))
            .ShouldFailAsync(HttpStatusCode.NotFound, "Case not found");
        await (await client.SendJsonAsync(HttpMethod.Post, $"{StoreApiApp.Cases()}/{contosoCase.GetProperty("id").GetString()}/messages", """{"body":"x"}"""))
            .ShouldFailAsync(HttpStatusCode.NotFound, "Case not found");
        await (await client.GetAsync($"/v2/core/stores/{StoreApiApp.Northwind}/orders/{contosoCase.GetProperty("orderId").GetString()}", Ct))
            .ShouldFailAsync(HttpStatusCode.NotFound, "Order not found");
        // Filtering by another store's customer finds nothing rather than leaking.
        var list = await client.GetJsonAsync($"{StoreApiApp.Cases()}?customerId={contosoCase.GetProperty("customerId").GetString()}", HttpStatusCode.OK);
        list.GetProperty("data").GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Revoked_token_is_refused_immediately()
    {
        var tokens = app.Services.GetRequiredService<ApiTokenService>();
        var owner = await OwnerIdAsync();
        var created = await tokens.CreateAsync(owner, StoreApiApp.Northwind, "Zapier", ApiScopes.CasesRead, null, Ct);
        created.Succeeded.ShouldBeTrue(created.Error);
        var client = app.Api(created.Value!.Secret);
        (await client.GetAsync(StoreApiApp.Cases(), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tokens.RevokeAsync(owner, StoreApiApp.Northwind, created.Value.Token.Id, Ct)).Succeeded.ShouldBeTrue();
        await (await client.GetAsync(StoreApiApp.Cases(), Ct)).ShouldFailAsync(HttpStatusCode.Unauthorized, "API token has been revoked");
    }

    [Fact]
    public async Task Expired_token_is_401()
    {
        var secret = await AddTokenAsync(StoreApiApp.Northwind, ApiScopes.CasesRead, expiresAt: DateTime.UtcNow.AddSeconds(-1));
        await (await app.Api(secret).GetAsync(StoreApiApp.Cases(), Ct)).ShouldFailAsync(HttpStatusCode.Unauthorized, "API token has expired");
    }

    [Fact]
    public async Task Use_records_last_used_at()
    {
        var secret = await AddTokenAsync(StoreApiApp.Northwind, ApiScopes.CasesRead);
        (await app.Api(secret).GetAsync(StoreApiApp.Cases() + "?limit=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = app.Db();
        var hash = ApiTokenService.Hash(secret);
        (await db.ApiTokens.SingleAsync(t => t.SecretHash == hash, Ct)).LastUsedAt.ShouldNotBeNull();
    }

    private async Task<string> OwnerIdAsync()
    {
        await using var db = app.Db();
        return await db.Users.Where(u => u.Email == "owner@northwind.test").Select(u => u.Id).SingleAsync(Ct);
    }

    private async Task<string> AddTokenAsync(string storeId, ApiScopes scopes, DateTime? expiresAt = null)
    {
        var secret = ApiTokenService.NewSecret();
        await using var db = app.Db();
        db.ApiTokens.Add(new ApiToken
        {
            StoreId = storeId, Name = "Test " + scopes, Prefix = secret[..12], SecretHash = ApiTokenService.Hash(secret), Scopes = scopes,
            CreatedAt = DateTime.UtcNow.AddDays(-1), ExpiresAt = expiresAt,
        });
        await db.SaveChangesAsync(Ct);
        return secret;
    }
}
