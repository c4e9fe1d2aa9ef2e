using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Seed;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Api;

/// <summary>The real host with the demo stores and their demo API tokens.</summary>
public class StoreApiApp : DashboardAppFactory
{
    public const string Northwind = DemoAccounts.NorthwindStoreId;
    public const string Contoso = DemoAccounts.ContosoStoreId;
    public const string NorthwindAll = ApiTokenSeed.NorthwindAllScopes;
    public const string NorthwindReadOnly = ApiTokenSeed.NorthwindReadOnly;
    public const string ContosoAll = ApiTokenSeed.ContosoAllScopes;

    public HttpClient Api(string? token)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public DashboardDbContext Db() => Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();

    /// <summary>A new token of a store, created through the product's service as its owner would on the settings page.</summary>
    public async Task<string> NewTokenAsync(string name, ApiScopes scopes, string store = Northwind)
    {
        string ownerId;
        await using (var db = Db())
            ownerId = await db.StoreMembers.Where(m => m.StoreId == store && m.Role == Dashboard.Domain.StoreRole.Owner).Select(m => m.UserId).FirstAsync();
        var created = await Services.GetRequiredService<ApiTokenService>().CreateAsync(ownerId, store, name, scopes, null);
        created.Succeeded.ShouldBeTrue(created.Error);
        return created.Value!.Secret;
    }

    public static string Cases(string store = Northwind) => $"/v2/core/stores/{store}/cases";

    /// <summary>A case of the store in <paramref name="status"/> (wire name), found through the API itself.</summary>
    public async Task<JsonElement> AnyCaseAsync(string status, string store = Northwind, string token = NorthwindAll, int skip = 0)
    {
        var body = await Api(token).GetJsonAsync($"{Cases(store)}?status={status}&limit=50", HttpStatusCode.OK);
        var items = body.GetProperty("data").GetProperty("items");
        items.GetArrayLength().ShouldBeGreaterThan(skip, $"demo data has no {status} case #{skip}");
        return items[skip];
    }
}

public static class StoreApiHttp
{
    public static readonly CancellationToken Ct = CancellationToken.None;

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected)
    {
        var response = await client.GetAsync(url, Xunit.TestContext.Current.CancellationToken);
        return await response.ReadEnvelopeAsync(expected);
    }

    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, string? json,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await client.SendAsync(request, Xunit.TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> ReadEnvelopeAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected, text);
        var contentType = response.Content.Headers.ContentType;
        contentType.ShouldNotBeNull($"no Content-Type on a Store API answer: {text}");
        contentType.MediaType.ShouldBe("application/json", text);
        var root = JsonDocument.Parse(text).RootElement.Clone();
        root.GetProperty("ok").GetBoolean().ShouldBe((int)expected < 400, text);
        return root;
    }

    /// <summary>Asserts an error envelope: exactly {ok:false, error:{code, message}} with the message.</summary>
    public static async Task<JsonElement> ShouldFailAsync(this HttpResponseMessage response, HttpStatusCode expected, string? message = null)
    {
        var root = await response.ReadEnvelopeAsync(expected);
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["ok", "error"]);
        var error = root.GetProperty("error");
        error.EnumerateObject().Select(p => p.Name).ShouldBe(["code", "message"]);
        error.GetProperty("code").GetString().ShouldNotBeNullOrEmpty();
        if (message is not null) error.GetProperty("message").GetString().ShouldBe(message);
        return error;
    }
}
