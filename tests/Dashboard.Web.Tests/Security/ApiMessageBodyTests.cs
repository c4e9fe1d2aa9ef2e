using System.Net;
using Dashboard.Web.Tests.Api;

namespace Dashboard.Web.Tests.Security;

/// <summary>The Store API applies the same body rules as the dashboard: it calls the same service.</summary>
public class ApiMessageBodyTests(StoreApiApp app) : IClassFixture<StoreApiApp>
{
    private async Task<HttpResponseMessage> ReplyAsync(string jsonBody)
    {
        var c = await app.AnyCaseAsync("AWAITING_MERCHANT");
        return await app.Api(StoreApiApp.NorthwindAll).SendJsonAsync(HttpMethod.Post,
            $"{StoreApiApp.Cases()}/{c.GetProperty("id").GetString()}/messages", jsonBody);
    }

    [Fact]
    public async Task A_body_of_nul_characters_is_refused_with_400_naming_the_character() =>
        await (await ReplyAsync("""{"body":"\u0000\u0000\u0000"}""")).ShouldFailAsync(HttpStatusCode.BadRequest,
            "Message contains a control character (U+0000) that cannot be sent; remove it and try again");

    [Fact]
    public async Task A_body_of_zero_width_spaces_is_refused_as_empty() =>
        await (await ReplyAsync("""{"body":"\u200B\uFEFF\u200B"}""")).ShouldFailAsync(HttpStatusCode.BadRequest, "Message cannot be empty");

    [Fact]
    public async Task A_body_with_a_right_to_left_override_is_stored_without_it_and_crlf_becomes_a_newline()
    {
        var response = await ReplyAsync("""{"body":"Your file: invoice\u202Efdp.exe\r\nThanks"}""");

        var root = await response.ReadEnvelopeAsync(HttpStatusCode.Created);
        root.GetProperty("data").GetProperty("message").GetProperty("body").GetString().ShouldBe("Your file: invoicefdp.exe\nThanks");
    }
}
