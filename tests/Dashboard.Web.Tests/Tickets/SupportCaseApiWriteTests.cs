using System.Net;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Tickets;
using Dashboard.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Web.Tests.Tickets.SupportCasesHttp;

namespace Dashboard.Web.Tests.Tickets;

/// <summary>Create, PATCH and reply of /api/v1/support-cases: every field of the reference and every error.</summary>
public class SupportCaseApiWriteTests(StoreApiApp app) : IClassFixture<StoreApiApp>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    private HttpClient Client => app.Api(StoreApiApp.ContosoAll);
    private const string Body = "Order CG-10412 was refunded but the customer did not get the money back.";

    private async Task<System.Text.Json.JsonElement> CreateAsync(object request) =>
        await (await Client.PostAsync(SupportCases, Json(request))).ReadJsonAsync(HttpStatusCode.Created);

    [Fact]
    public async Task Create_is_201_with_the_case_object_defaults_and_a_generated_subject()
    {
        var response = await Client.PostAsync(SupportCases, Json(new { body = Body }));
        var created = await response.ReadJsonAsync(HttpStatusCode.Created);

        ShouldBeCase(created);
        created.GetProperty("subject").GetString().ShouldBe("Order CG-10412 was refunded but the customer did not get…");
        created.GetProperty("category").GetString().ShouldBe("other");
        created.GetProperty("severity").GetString().ShouldBe("normal");
        created.GetProperty("status").GetString().ShouldBe("open");
        created.GetProperty("createdAt").GetString().ShouldBe(created.GetProperty("lastActivityAt").GetString());
        response.Headers.Location!.ToString().ShouldBe($"{SupportCases}/{created.GetProperty("id").GetString()}");

        var detail = await Client.GetOkAsync($"{SupportCases}/{created.GetProperty("number").GetInt32()}");
        var message = detail.GetProperty("messages").EnumerateArray().ShouldHaveSingleItem();
        message.GetProperty("authorKind").GetString().ShouldBe("merchant");
        message.GetProperty("authorLabel").GetString().ShouldBe("API");
        message.GetProperty("body").GetString().ShouldBe(Body);
    }

    [Fact]
    public async Task Create_takes_every_optional_field_and_numbers_count_up()
    {
        var a = await CreateAsync(new { body = Body, subject = "Refund pending for order CG-10412", category = "orders_payments", severity = "high", author = "Zapier" });
        var b = await CreateAsync(new { body = Body, category = "store_builder", severity = "critical" });

        a.GetProperty("subject").GetString().ShouldBe("Refund pending for order CG-10412");
        a.GetProperty("category").GetString().ShouldBe("orders_payments");
        a.GetProperty("severity").GetString().ShouldBe("high");
        b.GetProperty("number").GetInt32().ShouldBe(a.GetProperty("number").GetInt32() + 1);
        var detail = await Client.GetOkAsync($"{SupportCases}/{a.GetProperty("id").GetString()}");
        detail.GetProperty("messages")[0].GetProperty("authorLabel").GetString().ShouldBe("Zapier");
    }

    public static TheoryData<string, string> CreateErrors => new()
    {
        { Json(new { body = new string('b', 9) }), "body must be 10–10,000 characters; it has 9" },
        { Json(new { body = new string('b', 10_001) }), "body must be 10–10,000 characters; it has 10,001" },
        { Json(new { subject = "No body here" }), "body is required (10–10,000 characters)" },
        { Json(new { body = "          " }), "body is required (10–10,000 characters)" },
        { Json(new { body = Body, subject = "ab" }), "subject must be 3–200 characters; it has 2" },
        { Json(new { body = Body, subject = new string('s', 201) }), "subject must be 3–200 characters; it has 201" },
        { Json(new { body = Body, category = "payments" }), "category must be one of orders_payments, products_catalog, domains_setup, billing_plans, store_builder or other" },
        { Json(new { body = Body, category = "OTHER" }), "category must be one of orders_payments, products_catalog, domains_setup, billing_plans, store_builder or other" },
        { Json(new { body = Body, severity = "urgent" }), "severity must be one of critical, high, normal or low" },
        { Json(new { body = Body, author = "" }), "author is required (1–120 characters)" },
        { Json(new { body = Body, author = new string('a', 121) }), "author must be 1–120 characters; it has 121" },
        { """{"body": 12345678901}""", "Request body is not valid JSON: body has the wrong type or value" },
        { """{"body": "unterminated""", "Request body is not valid JSON" },
    };

    [Theory, MemberData(nameof(CreateErrors))]
    public async Task Create_refuses_each_bad_field_with_400_naming_it_and_opens_nothing(string json, string message)
    {
        var before = await CountAsync();
        await (await Client.PostAsync(SupportCases, json)).ShouldFailAsync(HttpStatusCode.BadRequest, message);
        (await CountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(10, null)]
    [InlineData(10_000, null)]
    [InlineData(10, "abc")]
    [InlineData(10, "200")]
    public async Task Create_accepts_the_edges_of_every_limit(int bodyLength, string? subjectKind)
    {
        var subject = subjectKind switch { "abc" => "abc", "200" => new string('s', 200), _ => null };
        var created = await CreateAsync(new { body = new string('b', bodyLength), subject, author = new string('a', 120) });
        if (subject is not null) created.GetProperty("subject").GetString().ShouldBe(subject);
    }

    [Fact]
    public async Task Patch_closes_and_reopens_and_refuses_answered_and_repeats()
    {
        var number = (await CreateAsync(new { body = Body })).GetProperty("number").GetInt32();
        var url = $"{SupportCases}/{number}";

        var closed = await (await Client.PatchAsync(url, """{"status":"closed"}""")).ReadJsonAsync(HttpStatusCode.OK);
        ShouldBeCase(closed);
        closed.GetProperty("status").GetString().ShouldBe("closed");
        closed.GetProperty("closedAt").GetString().ShouldNotBeNull();

        await (await Client.PatchAsync(url, """{"status":"closed"}""")).ShouldFailAsync(HttpStatusCode.BadRequest, "Ticket is already closed");
        await (await Client.PatchAsync(url, """{"status":"answered"}""")).ShouldFailAsync(HttpStatusCode.BadRequest,
            "status answered is set by Pandabase Support only; use open or closed");

        var reopened = await (await Client.PatchAsync(url, """{"status":"open"}""")).ReadJsonAsync(HttpStatusCode.OK);
        reopened.GetProperty("status").GetString().ShouldBe("open");
        reopened.GetProperty("closedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        await (await Client.PatchAsync(url, """{"status":"open"}""")).ShouldFailAsync(HttpStatusCode.BadRequest, "Ticket is already open");
    }

    [Theory]
    [InlineData("""{"status":"answered"}""", "status answered is set by Pandabase Support only; use open or closed")]
    [InlineData("""{"status":"pending"}""", "status must be open or closed")]
    [InlineData("""{"status":"CLOSED"}""", "status must be open or closed")]
    [InlineData("""{}""", "status is required: open or closed")]
    [InlineData("", "status is required: open or closed")]
    [InlineData("""{"status":7}""", "Request body is not valid JSON: status has the wrong type or value")]
    public async Task Patch_refuses_anything_but_open_or_closed(string json, string message)
    {
        var number = (await CreateAsync(new { body = Body })).GetProperty("number").GetInt32();
        await (await Client.PatchAsync($"{SupportCases}/{number}", json)).ShouldFailAsync(HttpStatusCode.BadRequest, message);
        (await Client.GetOkAsync($"{SupportCases}/{number}")).GetProperty("status").GetString().ShouldBe("open");
    }

    [Fact]
    public async Task Reply_is_201_with_the_message_and_reopens_an_answered_or_closed_case()
    {
        var created = await CreateAsync(new { body = Body });
        var id = Guid.Parse(created.GetProperty("id").GetString()!);
        var support = await SupportUserIdAsync();
        (await app.Services.GetRequiredService<TicketService>().AnswerAsync(id, support, "We looked into it: the refund is on its way.", ct: Ct)).Succeeded.ShouldBeTrue();
        (await Client.GetOkAsync($"{SupportCases}/{id}")).GetProperty("status").GetString().ShouldBe("answered");

        var response = await Client.PostAsync($"{SupportCases}/{id}/messages", Json(new { body = "Thanks — the customer confirmed the refund arrived." }));
        var reply = await response.ReadJsonAsync(HttpStatusCode.Created);

        reply.EnumerateObject().Select(p => p.Name).ShouldBe(["message", "status"]);
        ShouldBeMessage(reply.GetProperty("message"));
        reply.GetProperty("message").GetProperty("authorLabel").GetString().ShouldBe("API");
        reply.GetProperty("message").GetProperty("body").GetString().ShouldBe("Thanks — the customer confirmed the refund arrived.");
        reply.GetProperty("status").GetString().ShouldBe("open");

        await (await Client.PatchAsync($"{SupportCases}/{id}", """{"status":"closed"}""")).ReadJsonAsync(HttpStatusCode.OK);
        var onClosed = await (await Client.PostAsync($"{SupportCases}/%23{created.GetProperty("number").GetInt32():D6}/messages", Json(new { body = "One more thing.", author = "Ops bot" })))
            .ReadJsonAsync(HttpStatusCode.Created);
        onClosed.GetProperty("status").GetString().ShouldBe("open");
        onClosed.GetProperty("message").GetProperty("authorLabel").GetString().ShouldBe("Ops bot");
        (await Client.GetOkAsync($"{SupportCases}/{id}")).GetProperty("messages").GetArrayLength().ShouldBe(4);
    }

    [Theory]
    [InlineData("""{"body":""}""", "body is required (1–10,000 characters)")]
    [InlineData("""{}""", "body is required (1–10,000 characters)")]
    [InlineData("""{"body":"ok","author":""}""", "author is required (1–120 characters)")]
    public async Task Reply_refuses_a_bad_body_or_author(string json, string message)
    {
        var number = (await CreateAsync(new { body = Body })).GetProperty("number").GetInt32();
        await (await Client.PostAsync($"{SupportCases}/{number}/messages", json)).ShouldFailAsync(HttpStatusCode.BadRequest, message);
        (await Client.GetOkAsync($"{SupportCases}/{number}")).GetProperty("messages").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Reply_body_is_1_to_10000_characters()
    {
        var number = (await CreateAsync(new { body = Body })).GetProperty("number").GetInt32();
        (await Client.PostAsync($"{SupportCases}/{number}/messages", Json(new { body = "k" }))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Client.PostAsync($"{SupportCases}/{number}/messages", Json(new { body = new string('r', 10_000) }))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await Client.PostAsync($"{SupportCases}/{number}/messages", Json(new { body = new string('r', 10_001) })))
            .ShouldFailAsync(HttpStatusCode.BadRequest, "body must be 1–10,000 characters; it has 10,001");
    }

    [Fact]
    public async Task Idempotency_key_makes_a_retried_create_open_one_case()
    {
        var before = await CountAsync();
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        var first = await (await Client.PostAsync(SupportCases, Json(new { body = Body }), key)).ReadJsonAsync(HttpStatusCode.Created);
        var retry = await Client.PostAsync(SupportCases, Json(new { body = Body }), key);
        var replayed = await retry.ReadJsonAsync(HttpStatusCode.Created);

        replayed.GetProperty("id").GetString().ShouldBe(first.GetProperty("id").GetString());
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await CountAsync()).ShouldBe(before + 1);
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.Db();
        return await db.Tickets.CountAsync(t => t.StoreId == StoreApiApp.Contoso, Ct);
    }

    private async Task<string> SupportUserIdAsync()
    {
        await using var db = app.Db();
        return await db.Users.Where(u => u.IsPlatformSupport && u.TwoFactorEnabled).Select(u => u.Id).FirstAsync(Ct);
    }
}
