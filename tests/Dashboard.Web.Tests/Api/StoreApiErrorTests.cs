using System.Net;
using System.Text.Json;

namespace Dashboard.Web.Tests.Api;

/// <summary>Every refusal answers in the envelope with the right status and a message naming the field.</summary>
public class StoreApiErrorTests(StoreApiApp app) : IClassFixture<StoreApiApp>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    private HttpClient Client => app.Api(StoreApiApp.NorthwindAll);

    [Theory]
    [InlineData("?limit=0", "limit must be between 1 and 100")]
    [InlineData("?limit=101", "limit must be between 1 and 100")]
    [InlineData("?limit=ten", "limit must be between 1 and 100")]
    [InlineData("?page=0", "page must be an integer between 1 and 10000000")]
    [InlineData("?page=-3", "page must be an integer between 1 and 10000000")]
    [InlineData("?status=open", "status must be one of OPEN, AWAITING_CUSTOMER, AWAITING_MERCHANT, CLOSED")]
    [InlineData("?priority=CRITICAL", "priority must be one of LOW, NORMAL, HIGH, URGENT")]
    [InlineData("?customerId=ord_abcdefghijkl", "customerId is not a valid id (cus_…, 12–48 characters)")]
    [InlineData("?orderId=ord_x", "orderId is not a valid id (ord_…, 12–48 characters)")]
    public async Task Bad_list_parameters_are_400_naming_the_field(string query, string message) =>
        await (await Client.GetAsync(StoreApiApp.Cases() + query, Ct)).ShouldFailAsync(HttpStatusCode.BadRequest, message);

    [Fact]
    public async Task List_defaults_to_page_1_of_20()
    {
        var pagination = (await Client.GetJsonAsync(StoreApiApp.Cases(), HttpStatusCode.OK)).GetProperty("data").GetProperty("pagination");
        pagination.GetProperty("page").GetInt32().ShouldBe(1);
        pagination.GetProperty("limit").GetInt32().ShouldBe(20);
    }

    [Fact]
    public async Task Page_past_the_end_is_empty_not_an_error()
    {
        var data = (await Client.GetJsonAsync(StoreApiApp.Cases() + "?page=9999", HttpStatusCode.OK)).GetProperty("data");
        data.GetProperty("items").GetArrayLength().ShouldBe(0);
        data.GetProperty("pagination").GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("/v2/core/stores/shp_northwindkeys01/cases/ord_abcdefghijklmnop", "caseId is not a valid id (cs_…, 12–48 characters)")]
    [InlineData("/v2/core/stores/shp_northwindkeys01/cases/cs_short", "caseId is not a valid id (cs_…, 12–48 characters)")]
    [InlineData("/v2/core/stores/shp_northwindkeys01/orders/cs_abcdefghijklmnop", "orderId is not a valid id (ord_…, 12–48 characters)")]
    [InlineData("/v2/core/stores/northwind/cases", "storeId is not a valid store id (shp_…, 12–48 characters)")]
    public async Task Malformed_ids_are_400_before_any_lookup(string url, string message) =>
        await (await Client.GetAsync(url, Ct)).ShouldFailAsync(HttpStatusCode.BadRequest, message);

    [Fact]
    public async Task Unknown_endpoint_and_method_answer_in_the_envelope()
    {
        await (await Client.GetAsync("/v2/core/stores/shp_northwindkeys01/nothing", Ct)).ShouldFailAsync(HttpStatusCode.NotFound);
        await (await Client.DeleteAsync(StoreApiApp.Cases() + "/cs_abcdefghijklmnop", Ct)).ShouldFailAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("{}", "Nothing to update")]
    [InlineData("", "Nothing to update")]
    [InlineData("""{"priority":null,"status":null}""", "Nothing to update")]
    [InlineData("""{"status":"AWAITING_MERCHANT"}""", "Status AWAITING_MERCHANT cannot be set by a merchant; it follows a customer reply")]
    [InlineData("""{"status":"OPEN"}""", "Only closed cases can be reopened")]
    [InlineData("""{"status":"closed"}""", "status must be one of OPEN, AWAITING_CUSTOMER, CLOSED")]
    [InlineData("""{"priority":"BLOCKER"}""", "priority must be one of LOW, NORMAL, HIGH, URGENT")]
    [InlineData("""{"priority":3}""", "Request body is not valid JSON: priority has the wrong type or value")]
    [InlineData("""{"priority":""", "Request body is not valid JSON")]
    public async Task Patch_refusals_on_an_open_case(string body, string message)
    {
        var id = (await app.AnyCaseAsync("OPEN")).GetProperty("id").GetString();
        await (await Client.SendJsonAsync(HttpMethod.Patch, $"{StoreApiApp.Cases()}/{id}", body)).ShouldFailAsync(HttpStatusCode.BadRequest, message);
    }

    [Theory]
    [InlineData("""{"status":"CLOSED"}""", "Case is already closed")]
    [InlineData("""{"status":"AWAITING_CUSTOMER"}""", "Cannot set status on a closed case")]
    public async Task Patch_refusals_on_a_closed_case(string body, string message)
    {
        var id = (await app.AnyCaseAsync("CLOSED")).GetProperty("id").GetString();
        await (await Client.SendJsonAsync(HttpMethod.Patch, $"{StoreApiApp.Cases()}/{id}", body)).ShouldFailAsync(HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task Patch_closes_reopens_and_changes_priority_through_the_state_machine()
    {
        var picked = await app.AnyCaseAsync("AWAITING_MERCHANT", skip: 1);
        var id = picked.GetProperty("id").GetString();
        var url = $"{StoreApiApp.Cases()}/{id}";
        // A priority the case does not have yet, so the change (and its trail line) really happens.
        var (priority, label) = picked.GetProperty("priority").GetString() == "URGENT" ? ("LOW", "Low") : ("URGENT", "Urgent");
        var closed = (await (await Client.SendJsonAsync(HttpMethod.Patch, url, $$"""{"status":"CLOSED","priority":"{{priority}}"}""")).ReadEnvelopeAsync(HttpStatusCode.OK)).GetProperty("data");
        StoreApiContractTests.ShouldBeCase(closed);
        closed.GetProperty("status").GetString().ShouldBe("CLOSED");
        closed.GetProperty("priority").GetString().ShouldBe(priority);
        closed.GetProperty("closedBy").GetString().ShouldBe("MERCHANT");
        closed.GetProperty("closedAt").ValueKind.ShouldBe(JsonValueKind.String);

        var reopened = (await (await Client.SendJsonAsync(HttpMethod.Patch, url, """{"status":"OPEN"}""")).ReadEnvelopeAsync(HttpStatusCode.OK)).GetProperty("data");
        reopened.GetProperty("status").GetString().ShouldBe("OPEN");
        reopened.GetProperty("closedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        reopened.GetProperty("closedBy").ValueKind.ShouldBe(JsonValueKind.Null);

        var detail = (await Client.GetJsonAsync(url, HttpStatusCode.OK)).GetProperty("data");
        var trail = detail.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("authorKind").GetString() == "SYSTEM")
            .Select(m => m.GetProperty("body").GetString()).ToList();
        trail.ShouldContain("Status changed from Awaiting merchant to Closed by API: Demo all scopes");
        trail.ShouldContain("Reopened by API: Demo all scopes");
        trail.ShouldContain(t => t!.StartsWith("Priority changed from") && t.EndsWith($"to {label} by API: Demo all scopes"));
    }

    [Theory]
    [InlineData("""{"body":"   "}""", "Message cannot be empty")]
    [InlineData("{}", "Message cannot be empty")]
    [InlineData("""{"body":5}""", "Request body is not valid JSON: body has the wrong type or value")]
    public async Task Reply_refusals(string body, string message)
    {
        var id = (await app.AnyCaseAsync("OPEN")).GetProperty("id").GetString();
        await (await Client.SendJsonAsync(HttpMethod.Post, $"{StoreApiApp.Cases()}/{id}/messages", body)).ShouldFailAsync(HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task Reply_of_4001_characters_is_refused_and_4000_accepted()
    {
        var id = (await app.AnyCaseAsync("OPEN", skip: 1)).GetProperty("id").GetString();
        var url = $"{StoreApiApp.Cases()}/{id}/messages";
        await (await Client.SendJsonAsync(HttpMethod.Post, url, JsonSerializer.Serialize(new { body = new string('x', 4001) })))
            .ShouldFailAsync(HttpStatusCode.BadRequest, "Message is too long: 4,001 characters, the limit is 4,000");
        (await Client.SendJsonAsync(HttpMethod.Post, url, JsonSerializer.Serialize(new { body = "  " + new string('y', 4000) + "  " })))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Oversized_body_is_413()
    {
        var id = (await app.AnyCaseAsync("OPEN")).GetProperty("id").GetString();
        await (await Client.SendJsonAsync(HttpMethod.Post, $"{StoreApiApp.Cases()}/{id}/messages", JsonSerializer.Serialize(new { body = new string('z', 70_000) })))
            .ShouldFailAsync(HttpStatusCode.RequestEntityTooLarge, "Request body is larger than 65,536 bytes");
    }

    [Fact]
    public async Task Reply_on_a_closed_case_is_refused()
    {
        var id = (await app.AnyCaseAsync("CLOSED")).GetProperty("id").GetString();
        await (await Client.SendJsonAsync(HttpMethod.Post, $"{StoreApiApp.Cases()}/{id}/messages", """{"body":"Hello?"}"""))
            .ShouldFailAsync(HttpStatusCode.BadRequest, "Case is closed; reopen it to reply");
    }

    [Fact]
    public async Task Reply_is_authored_by_the_token_and_moves_the_case_to_awaiting_customer()
    {
        var id = (await app.AnyCaseAsync("AWAITING_MERCHANT")).GetProperty("id").GetString();
        var response = await Client.SendJsonAsync(HttpMethod.Post, $"{StoreApiApp.Cases()}/{id}/messages", """{"body":"  Your key is on its way.  "}""");
        response.Headers.Location!.ToString().ShouldBe($"{StoreApiApp.Cases()}/{id}");
        var data = (await response.ReadEnvelopeAsync(HttpStatusCode.Created)).GetProperty("data");
        StoreApiContractTests.ShouldHaveShape(data, ["message:o", "case:o"]);
        StoreApiContractTests.ShouldHaveShape(data.GetProperty("message"), StoreApiContractTests.MessageShape);
        data.GetProperty("message").GetProperty("body").GetString().ShouldBe("Your key is on its way.");
        data.GetProperty("message").GetProperty("authorKind").GetString().ShouldBe("MERCHANT");
        data.GetProperty("message").GetProperty("authorName").GetString().ShouldBe("API: Demo all scopes");
        StoreApiContractTests.ShouldBeCase(data.GetProperty("case"));
        data.GetProperty("case").GetProperty("status").GetString().ShouldBe("AWAITING_CUSTOMER");
        data.GetProperty("case").GetProperty("unreadCount").GetInt32().ShouldBe(0);
        data.GetProperty("case").GetProperty("lastMessageBy").GetString().ShouldBe("MERCHANT");
    }

    [Fact]
    public async Task Mark_read_zeroes_unread_and_returns_the_case()
    {
        var items = (await Client.GetJsonAsync($"{StoreApiApp.Cases()}?status=AWAITING_MERCHANT&limit=100", HttpStatusCode.OK))
            .GetProperty("data").GetProperty("items").EnumerateArray();
        var unread = items.First(i => i.GetProperty("unreadCount").GetInt32() > 0).GetProperty("id").GetString();
        var data = (await (await Client.SendJsonAsync(HttpMethod.Post, $"{StoreApiApp.Cases()}/{unread}/read", null)).ReadEnvelopeAsync(HttpStatusCode.OK)).GetProperty("data");
        StoreApiContractTests.ShouldBeCase(data);
        data.GetProperty("unreadCount").GetInt32().ShouldBe(0);
        data.GetProperty("status").GetString().ShouldBe("AWAITING_MERCHANT");
    }
}
