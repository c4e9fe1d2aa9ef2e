using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Api;

/// <summary>
/// What a careless client sends is refused in the envelope and changes nothing: a body that is not
/// JSON by its Content-Type (415), a field in the wrong case or given twice (400 naming it), a wrong
/// method on a real path (405 with Allow). What the standards allow (a UTF-8 byte order mark) works.
/// </summary>
public class StoreApiStrictnessTests(StoreApiApp app) : IClassFixture<StoreApiApp>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    private HttpClient Client => app.Api(StoreApiApp.NorthwindAll);

    private async Task<(string Id, string Url, long Version, CasePriority Priority)> OpenCaseAsync(int skip = 0)
    {
        var id = (await app.AnyCaseAsync("OPEN", skip: skip)).GetProperty("id").GetString()!;
        await using var db = app.Db();
        var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == id, Ct);
        return (id, $"{StoreApiApp.Cases()}/{id}", c.Version, c.Priority);
    }

    private async Task<long> VersionOfAsync(string caseId)
    {
        await using var db = app.Db();
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync(Ct);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, byte[] body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
        if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await Client.SendAsync(request, Ct);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task Patch_with_a_body_that_is_not_declared_json_is_415_and_changes_nothing(string? contentType)
    {
        var (id, url, version, _) = await OpenCaseAsync();
        var response = await SendAsync(HttpMethod.Patch, url, """{"priority":"URGENT"}"""u8.ToArray(), contentType);
        await response.ShouldFailAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type must be application/json (UTF-8)");
        (await VersionOfAsync(id)).ShouldBe(version);
    }

    [Fact]
    public async Task Reply_as_text_plain_is_415_naming_both_accepted_types()
    {
        var (id, url, version, _) = await OpenCaseAsync();
        var response = await SendAsync(HttpMethod.Post, url + "/messages", """{"body":"Hello"}"""u8.ToArray(), "text/plain");
        await response.ShouldFailAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type must be application/json or multipart/form-data (UTF-8)");
        (await VersionOfAsync(id)).ShouldBe(version);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/merge-patch+json")]
    public async Task Json_content_types_are_accepted(string contentType)
    {
        var (_, url, _, priority) = await OpenCaseAsync(skip: 1);
        var other = priority == CasePriority.High ? "LOW" : "HIGH";
        var response = await SendAsync(HttpMethod.Patch, url, Encoding.UTF8.GetBytes($$"""{"priority":"{{other}}"}"""), contentType);
        var data = (await response.ReadEnvelopeAsync(HttpStatusCode.OK)).GetProperty("data");
        data.GetProperty("priority").GetString().ShouldBe(other);
    }

    [Theory]
    [InlineData("""{"Priority":"URGENT"}""", "Request body has an unknown field \"Priority\"; field names are case-sensitive (did you mean \"priority\"?)")]
    [InlineData("""{"STATUS":"CLOSED"}""", "Request body has an unknown field \"STATUS\"; field names are case-sensitive (did you mean \"status\"?)")]
    [InlineData("""{"priorty":"URGENT"}""", "Request body has an unknown field \"priorty\"; the fields are priority, status")]
    [InlineData("""{"priority":"LOW","priority":"URGENT"}""", "Request body has the field \"priority\" more than once")]
    [InlineData("""{"status":"CLOSED","priority":"LOW","status":"OPEN"}""", "Request body has the field \"status\" more than once")]
    [InlineData("""["priority","URGENT"]""", "Request body must be a JSON object")]
    public async Task Patch_with_a_misspelt_or_repeated_field_is_400_naming_it_and_changes_nothing(string body, string message)
    {
        var (id, url, version, _) = await OpenCaseAsync();
        await (await Client.SendJsonAsync(HttpMethod.Patch, url, body)).ShouldFailAsync(HttpStatusCode.BadRequest, message);
        (await VersionOfAsync(id)).ShouldBe(version);
    }

    [Fact]
    public async Task Reply_with_the_body_field_twice_is_refused_and_posts_nothing()
    {
        var (id, url, version, _) = await OpenCaseAsync();
        await (await Client.SendJsonAsync(HttpMethod.Post, url + "/messages", """{"body":"first","body":"second"}"""))
            .ShouldFailAsync(HttpStatusCode.BadRequest, "Request body has the field \"body\" more than once");
        (await VersionOfAsync(id)).ShouldBe(version);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_before_the_json_is_accepted()
    {
        var (_, url, _, priority) = await OpenCaseAsync(skip: 2);
        var other = priority == CasePriority.Urgent ? "LOW" : "URGENT";
        byte[] bom = [0xEF, 0xBB, 0xBF];
        var patch = await SendAsync(HttpMethod.Patch, url, [.. bom, .. Encoding.UTF8.GetBytes($$"""{"priority":"{{other}}"}""")], "application/json");
        (await patch.ReadEnvelopeAsync(HttpStatusCode.OK)).GetProperty("data").GetProperty("priority").GetString().ShouldBe(other);

        var reply = await SendAsync(HttpMethod.Post, url + "/messages", [.. bom, .. """{"body":"Sent from a BOM-happy client"}"""u8.ToArray()], "application/json; charset=utf-8");
        (await reply.ReadEnvelopeAsync(HttpStatusCode.Created)).GetProperty("data").GetProperty("message").GetProperty("body").GetString()
            .ShouldBe("Sent from a BOM-happy client");
    }

    [Theory]
    [InlineData("GET", "/cases/cs_abcdefghijklmnop/messages", "POST")]
    [InlineData("GET", "/cases/cs_abcdefghijklmnop/read", "POST")]
    [InlineData("DELETE", "/cases/cs_abcdefghijklmnop", "GET, PATCH")]
    [InlineData("PUT", "/cases", "GET")]
    [InlineData("POST", "/orders/ord_abcdefghijklmnop", "GET")]
    public async Task A_wrong_method_on_a_known_path_is_405_with_allow_in_the_envelope(string method, string path, string allow)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/v2/core/stores/{StoreApiApp.Northwind}{path}");
        var response = await Client.SendAsync(request, Ct);
        await response.ShouldFailAsync(HttpStatusCode.MethodNotAllowed, $"{method} is not allowed on this endpoint; allowed: {allow}");
        response.Content.Headers.Allow.ShouldBe(allow.Split(", "));
    }

    [Fact]
    public async Task An_unknown_path_stays_404()
    {
        await (await Client.GetAsync($"/v2/core/stores/{StoreApiApp.Northwind}/cases/cs_abcdefghijklmnop/history", Ct))
            .ShouldFailAsync(HttpStatusCode.NotFound, "No such endpoint");
    }

    [Fact]
    public async Task A_status_that_is_no_status_is_refused_listing_only_the_ones_a_merchant_can_set()
    {
        var (_, url, _, _) = await OpenCaseAsync();
        await (await Client.SendJsonAsync(HttpMethod.Patch, url, """{"status":"RESOLVED"}"""))
            .ShouldFailAsync(HttpStatusCode.BadRequest, "status must be one of OPEN, AWAITING_CUSTOMER, CLOSED");
        CaseWorkflow.MerchantSettableStatuses.ShouldBe([CaseStatus.Open, CaseStatus.AwaitingCustomer, CaseStatus.Closed]);
    }

    [Fact]
    public async Task Times_are_whole_seconds_utc_like_the_reference()
    {
        var (_, url, _, _) = await OpenCaseAsync(skip: 3);
        var reply = await Client.SendJsonAsync(HttpMethod.Post, url + "/messages", """{"body":"What time is it?"}""");
        var text = await reply.Content.ReadAsStringAsync(Ct);
        var detail = await Client.GetStringAsync(url, Ct);
        var list = await Client.GetStringAsync(StoreApiApp.Cases() + "?limit=100", Ct);
        foreach (var json in new[] { text, detail, list })
        {
            var times = Times(JsonDocument.Parse(json).RootElement).ToList();
            times.ShouldNotBeEmpty();
            times.ShouldAllBe(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        }
    }

    private static IEnumerable<string> Times(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name.EndsWith("At", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Times(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Times),
        _ => [],
    };
}
