using System.Net;
using System.Text.Json;
using Dashboard.Web.Tests.Api;

namespace Dashboard.Web.Tests.Tickets;

/// <summary>Calls of /api/v1/support-cases and the reference's shapes, field by field and in order.</summary>
public static class SupportCasesHttp
{
    public const string SupportCases = "/api/v1/support-cases";

    // name:kind as in StoreApiContractTests (s string, n integer, t time, t? time or null, a array); u: a UUID string.
    public static readonly string[] CaseShape =
        ["id:u", "number:n", "subject:s", "category:s", "severity:s", "status:s", "createdAt:t", "lastActivityAt:t", "closedAt:t?"];
    public static readonly string[] MessageShape = ["id:u", "authorKind:s", "authorLabel:s", "body:s", "attachments:a", "createdAt:t"];
    public static readonly string[] MetaShape = ["count:n", "offset:n", "limit:n"];

    public static readonly string[] Categories = ["orders_payments", "products_catalog", "domains_setup", "billing_plans", "store_builder", "other"];
    public static readonly string[] Severities = ["critical", "high", "normal", "low"];
    public static readonly string[] Statuses = ["open", "answered", "closed"];

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string url) =>
        await (await client.GetAsync(url, Xunit.TestContext.Current.CancellationToken)).ReadJsonAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, string json, params (string, string)[] headers) =>
        client.SendJsonAsync(HttpMethod.Post, url, json, headers);

    public static Task<HttpResponseMessage> PatchAsync(this HttpClient client, string url, string json) =>
        client.SendJsonAsync(HttpMethod.Patch, url, json);

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public static void ShouldBeCase(JsonElement c, params string[] extra)
    {
        ShouldHaveShape(c, CaseShape, extra);
        c.GetProperty("category").GetString().ShouldBeOneOf(Categories);
        c.GetProperty("severity").GetString().ShouldBeOneOf(Severities);
        c.GetProperty("status").GetString().ShouldBeOneOf(Statuses);
        c.GetProperty("number").GetInt32().ShouldBeGreaterThan(0);
        (c.GetProperty("status").GetString() == "closed").ShouldBe(c.GetProperty("closedAt").ValueKind != JsonValueKind.Null, "closedAt is set exactly when closed");
    }

    public static void ShouldBeMessage(JsonElement m)
    {
        ShouldHaveShape(m, MessageShape);
        m.GetProperty("authorKind").GetString().ShouldBeOneOf("merchant", "support");
    }

    public static void ShouldHaveShape(JsonElement element, string[] shape, params string[] extra)
    {
        element.ValueKind.ShouldBe(JsonValueKind.Object);
        element.EnumerateObject().Select(p => p.Name).ToArray()
            .ShouldBe(shape.Select(s => s.Split(':')[0]).Concat(extra).ToArray(), "property names and order as the reference");
        foreach (var field in shape)
        {
            var (name, kind) = (field.Split(':')[0], field.Split(':')[1]);
            var value = element.GetProperty(name);
            if (kind.EndsWith('?') && value.ValueKind == JsonValueKind.Null) continue;
            switch (kind.TrimEnd('?'))
            {
                case "s": value.ValueKind.ShouldBe(JsonValueKind.String, name); break;
                case "u": Guid.TryParseExact(value.GetString(), "D", out _).ShouldBeTrue(name + " is a UUID"); break;
                case "n": value.ValueKind.ShouldBe(JsonValueKind.Number, name); value.TryGetInt32(out _).ShouldBeTrue(name + " is an integer"); break;
                case "a": value.ValueKind.ShouldBe(JsonValueKind.Array, name); break;
                case "t":
                    value.ValueKind.ShouldBe(JsonValueKind.String, name);
                    value.GetString()!.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", name + " is UTC with milliseconds, like 2024-06-15T10:30:00.000Z");
                    break;
                default: throw new InvalidOperationException(kind);
            }
        }
    }
}
