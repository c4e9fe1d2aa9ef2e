using System.Net;
using System.Text.Json;

namespace Dashboard.Web.Tests.Operations;

/// <summary>A health endpoint's answer as an operator's probe reads it: the HTTP status and the JSON.</summary>
public sealed record HealthAnswer(HttpStatusCode Code, string Body, JsonElement Json)
{
    public string Status => Json.GetProperty("status").GetString()!;

    public IReadOnlyDictionary<string, JsonElement> Checks =>
        Json.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);

    public string CheckStatus(string name) => Checks[name].GetProperty("status").GetString()!;

    public string CheckDescription(string name) => Checks[name].GetProperty("description").GetString() ?? "";

    public static async Task<HealthAnswer> GetAsync(HttpClient http, string path)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        using var response = await http.GetAsync(path, ct);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await response.Content.ReadAsStringAsync(ct);
        return new HealthAnswer(response.StatusCode, body, JsonDocument.Parse(body).RootElement.Clone());
    }
}
