using System.Net;
using System.Text.Json;
using Dashboard.Data.Entities;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Web.Tests.Tickets.SupportCasesHttp;

namespace Dashboard.Web.Tests.Tickets;

/// <summary>List and get of /api/v1/support-cases against the reference, on the demo stores' tickets.</summary>
public class SupportCaseApiReadTests(StoreApiApp app) : IClassFixture<StoreApiApp>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    private HttpClient Northwind => app.Api(StoreApiApp.NorthwindAll);

    private async Task<int> NorthwindTicketCountAsync(TicketStatus? status = null)
    {
        await using var db = app.Db();
        return await db.Tickets.CountAsync(t => t.StoreId == StoreApiApp.Northwind && (status == null || t.Status == status), Ct);
    }

    [Fact]
    public async Task List_is_data_and_meta_with_the_reference_shape_newest_activity_first()
    {
        var root = await Northwind.GetOkAsync(SupportCases);

        root.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "meta"]);
        ShouldHaveShape(root.GetProperty("meta"), MetaShape);
        var items = root.GetProperty("data").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        foreach (var item in items) ShouldBeCase(item);
        string.Join(",", items.Select(i => i.GetProperty("status").GetString()).Distinct().Order()).ShouldBe("answered,closed,open", "the demo store has every status");
        var activity = items.Select(i => i.GetProperty("lastActivityAt").GetString()!).ToList();
        activity.ShouldBe(activity.OrderDescending(StringComparer.Ordinal).ToList());
        root.GetProperty("meta").GetProperty("offset").GetInt32().ShouldBe(0);
        root.GetProperty("meta").GetProperty("limit").GetInt32().ShouldBe(10, "the default page is 10");
    }

    [Fact]
    public async Task Meta_count_is_every_matching_case_not_the_page()
    {
        var total = await NorthwindTicketCountAsync();
        total.ShouldBeGreaterThan(2);

        var page = await Northwind.GetOkAsync($"{SupportCases}?limit=1&offset=1");

        page.GetProperty("data").GetArrayLength().ShouldBe(1);
        page.GetProperty("meta").GetProperty("count").GetInt32().ShouldBe(total);
        page.GetProperty("meta").GetProperty("offset").GetInt32().ShouldBe(1);
        page.GetProperty("meta").GetProperty("limit").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Pages_walk_the_list_without_overlap()
    {
        var all = (await Northwind.GetOkAsync($"{SupportCases}?limit=100")).GetProperty("data").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        var walked = new List<string?>();
        for (var offset = 0; offset < all.Count; offset += 2)
            walked.AddRange((await Northwind.GetOkAsync($"{SupportCases}?limit=2&offset={offset}")).GetProperty("data").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        walked.ShouldBe(all);
        var beyond = await Northwind.GetOkAsync($"{SupportCases}?offset={all.Count + 50}");
        beyond.GetProperty("data").GetArrayLength().ShouldBe(0);
        beyond.GetProperty("meta").GetProperty("count").GetInt32().ShouldBe(all.Count);
    }

    [Theory]
    [InlineData("limit=0", "limit must be an integer from 1 to 100")]
    [InlineData("limit=101", "limit must be an integer from 1 to 100")]
    [InlineData("limit=ten", "limit must be an integer from 1 to 100")]
    [InlineData("limit=-5", "limit must be an integer from 1 to 100")]
    [InlineData("offset=-1", "offset must be an integer of 0 or more")]
    [InlineData("offset=1.5", "offset must be an integer of 0 or more")]
    [InlineData("status=pending", "status must be one of open, answered, closed or all")]
    [InlineData("status=OPEN", "status must be one of open, answered, closed or all")]
    [InlineData("severity=urgent", "severity must be one of critical, high, normal, low or all")]
    public async Task Bad_list_parameters_are_400_naming_the_parameter(string query, string message)
    {
        await (await Northwind.GetAsync($"{SupportCases}?{query}", Ct)).ShouldFailAsync(HttpStatusCode.BadRequest, message);
    }

    [Theory]
    [InlineData("limit=1")]
    [InlineData("limit=100")]
    [InlineData("offset=0")]
    [InlineData("status=all&severity=all")]
    public async Task Edge_values_of_the_list_parameters_are_accepted(string query)
    {
        (await Northwind.GetAsync($"{SupportCases}?{query}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("status", "open", TicketStatus.Open)]
    [InlineData("status", "answered", TicketStatus.Answered)]
    [InlineData("status", "closed", TicketStatus.Closed)]
    public async Task Status_filter_returns_exactly_that_status(string field, string value, TicketStatus status)
    {
        var root = await Northwind.GetOkAsync($"{SupportCases}?{field}={value}&limit=100");
        var items = root.GetProperty("data").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(i => i.GetProperty(field).GetString() == value);
        root.GetProperty("meta").GetProperty("count").GetInt32().ShouldBe(await NorthwindTicketCountAsync(status));
    }

    [Fact]
    public async Task Severity_filter_returns_exactly_that_severity()
    {
        var items = (await Northwind.GetOkAsync($"{SupportCases}?severity=critical&limit=100")).GetProperty("data").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(i => i.GetProperty("severity").GetString() == "critical");
    }

    [Theory]
    [InlineData("CERTIFICATE")]
    [InlineData("certificate warning")]
    public async Task Query_searches_the_subject_ignoring_case(string query)
    {
        var items = (await Northwind.GetOkAsync($"{SupportCases}?query={Uri.EscapeDataString(query)}")).GetProperty("data").EnumerateArray().ToList();
        items.ShouldHaveSingleItem().GetProperty("subject").GetString().ShouldBe("Custom domain shows a certificate warning");
    }

    [Theory]
    [InlineData("2")]
    [InlineData("000002")]
    [InlineData("#000002")]
    public async Task Query_finds_a_case_by_its_number_in_any_form(string query)
    {
        var items = (await Northwind.GetOkAsync($"{SupportCases}?query={Uri.EscapeDataString(query)}")).GetProperty("data").EnumerateArray().ToList();
        items.ShouldContain(i => i.GetProperty("number").GetInt32() == 2);
        items.ShouldAllBe(i => i.GetProperty("number").GetInt32() == 2 || i.GetProperty("subject").GetString()!.Contains(query));
    }

    [Fact]
    public async Task Get_by_uuid_and_every_number_form_returns_the_case_with_its_thread()
    {
        var first = (await Northwind.GetOkAsync($"{SupportCases}?status=answered&limit=1")).GetProperty("data")[0];
        var id = first.GetProperty("id").GetString()!;
        var number = first.GetProperty("number").GetInt32();

        var forms = new[] { id, number.ToString(), number.ToString("D6"), Uri.EscapeDataString("#" + number.ToString("D6")) };
        foreach (var form in forms)
        {
            var detail = await Northwind.GetOkAsync($"{SupportCases}/{form}");
            ShouldBeCase(detail, "messages");
            detail.GetProperty("id").GetString().ShouldBe(id, form);
            var messages = detail.GetProperty("messages").EnumerateArray().ToList();
            foreach (var m in messages) ShouldBeMessage(m);
            messages[0].GetProperty("authorKind").GetString().ShouldBe("merchant");
            messages.ShouldContain(m => m.GetProperty("authorKind").GetString() == "support" && m.GetProperty("authorLabel").GetString() == "Pandabase Support");
            var times = messages.Select(m => m.GetProperty("createdAt").GetString()!).ToList();
            times.ShouldBe(times.Order(StringComparer.Ordinal).ToList(), "oldest first");
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("42x")]
    [InlineData("0191abc0-1234-7def-8000")]
    public async Task A_path_that_is_neither_uuid_nor_number_is_400(string form)
    {
        await (await Northwind.GetAsync($"{SupportCases}/{form}", Ct)).ShouldFailAsync(HttpStatusCode.BadRequest,
            "idOrNumber must be a case UUID or number (42, 000042 or #000042)");
    }

    [Fact]
    public async Task Another_stores_case_is_404_exactly_like_a_missing_one()
    {
        var contosoCase = (await app.Api(StoreApiApp.ContosoAll).GetOkAsync($"{SupportCases}?limit=1")).GetProperty("data")[0];
        var contosoId = contosoCase.GetProperty("id").GetString();

        await (await Northwind.GetAsync($"{SupportCases}/{contosoId}", Ct)).ShouldFailAsync(HttpStatusCode.NotFound, "Support case not found");
        await (await Northwind.GetAsync($"{SupportCases}/{Guid.CreateVersion7()}", Ct)).ShouldFailAsync(HttpStatusCode.NotFound, "Support case not found");
        await (await Northwind.GetAsync($"{SupportCases}/99999", Ct)).ShouldFailAsync(HttpStatusCode.NotFound, "Support case not found");
        await (await Northwind.PatchAsync($"{SupportCases}/{contosoId}", """{"status":"closed"}""")).ShouldFailAsync(HttpStatusCode.NotFound);
        await (await Northwind.PostAsync($"{SupportCases}/{contosoId}/messages", """{"body":"hello"}""")).ShouldFailAsync(HttpStatusCode.NotFound);

        // The same number names each store's own case.
        var northwindOne = await Northwind.GetOkAsync($"{SupportCases}/1");
        var contosoOne = await app.Api(StoreApiApp.ContosoAll).GetOkAsync($"{SupportCases}/1");
        northwindOne.GetProperty("id").GetString().ShouldNotBe(contosoOne.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_staff_note_is_in_no_api_answer()
    {
        await using var db = app.Db();
        var note = await db.TicketMessages.AsNoTracking().FirstAsync(m => m.StoreId == StoreApiApp.Northwind && m.Kind == TicketEntryKind.StaffNote, Ct);
        var ticket = await db.Tickets.AsNoTracking().FirstAsync(t => t.Id == note.TicketId, Ct);

        var detail = await (await Northwind.GetAsync($"{SupportCases}/{ticket.Id}", Ct)).Content.ReadAsStringAsync(Ct);
        var list = await (await Northwind.GetAsync($"{SupportCases}?limit=100", Ct)).Content.ReadAsStringAsync(Ct);

        detail.ShouldNotContain(note.Body);
        detail.ShouldNotContain(note.AuthorLabel);
        detail.ShouldNotContain(note.Id.ToString());
        list.ShouldNotContain(note.Body);
    }

    [Fact]
    public async Task Missing_or_unknown_token_is_401_and_a_token_without_tickets_read_is_403()
    {
        var missing = await app.Api(null).GetAsync(SupportCases, Ct);
        await missing.ShouldFailAsync(HttpStatusCode.Unauthorized, "Missing API token: send Authorization: Bearer sk_…");
        missing.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        await (await app.Api("sk_not_a_real_token_000000").GetAsync(SupportCases, Ct)).ShouldFailAsync(HttpStatusCode.Unauthorized, "Invalid API token");

        var owner = await app.Db().StoreMembers.AsNoTracking().FirstAsync(m => m.StoreId == StoreApiApp.Northwind && m.Role == Dashboard.Domain.StoreRole.Owner, Ct);
        var created = await app.Services.GetRequiredService<ApiTokenService>()
            .CreateAsync(owner.UserId, StoreApiApp.Northwind, "Cases only", ApiScopes.CasesRead | ApiScopes.CasesWrite, null, Ct);
        var casesOnly = app.Api(created.Value!.Secret);
        await (await casesOnly.GetAsync(SupportCases, Ct)).ShouldFailAsync(HttpStatusCode.Forbidden, "This API token lacks the TICKETS_READ scope");
        await (await casesOnly.GetAsync($"{SupportCases}/1", Ct)).ShouldFailAsync(HttpStatusCode.Forbidden, "This API token lacks the TICKETS_READ scope");
        await (await casesOnly.PostAsync(SupportCases, """{"body":"0123456789 ok"}""")).ShouldFailAsync(HttpStatusCode.Forbidden, "This API token lacks the TICKETS_WRITE scope");
    }

    [Fact]
    public async Task The_read_only_demo_token_reads_tickets_but_cannot_write()
    {
        var readOnly = app.Api(StoreApiApp.NorthwindReadOnly);
        (await readOnly.GetAsync(SupportCases, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await readOnly.GetAsync($"{SupportCases}/1", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await readOnly.PostAsync(SupportCases, """{"body":"0123456789 ok"}""")).ShouldFailAsync(HttpStatusCode.Forbidden, "This API token lacks the TICKETS_WRITE scope");
        await (await readOnly.PatchAsync($"{SupportCases}/1", """{"status":"closed"}""")).ShouldFailAsync(HttpStatusCode.Forbidden, "This API token lacks the TICKETS_WRITE scope");
        await (await readOnly.PostAsync($"{SupportCases}/1/messages", """{"body":"hi"}""")).ShouldFailAsync(HttpStatusCode.Forbidden, "This API token lacks the TICKETS_WRITE scope");
    }

    [Fact]
    public async Task Unknown_paths_and_methods_answer_in_the_error_envelope()
    {
        await (await Northwind.GetAsync($"{SupportCases}/1/nothing-here", Ct)).ShouldFailAsync(HttpStatusCode.NotFound, "No such endpoint");
        await (await Northwind.SendJsonAsync(HttpMethod.Delete, $"{SupportCases}/1", null)).ShouldFailAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task The_openapi_document_and_the_reference_page_list_every_endpoint()
    {
        var doc = await app.Api(null).GetOkAsync("/support-cases/openapi.json");
        var paths = doc.GetProperty("paths");
        paths.GetProperty(SupportCases).EnumerateObject().Select(p => p.Name).Order().ShouldBe(["get", "post"]);
        paths.GetProperty(SupportCases + "/{idOrNumber}").EnumerateObject().Select(p => p.Name).Order().ShouldBe(["get", "patch"]);
        paths.GetProperty(SupportCases + "/{idOrNumber}/messages").EnumerateObject().Select(p => p.Name).ShouldBe(["post"]);
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("ApiSupportCase").GetProperty("properties").GetProperty("severity").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).ShouldBe(Severities);
        paths.GetProperty(SupportCases + "/{idOrNumber}").GetProperty("patch").GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema").GetProperty("properties").GetProperty("status").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).ShouldBe(["open", "closed"]);

        var v2 = await app.Api(null).GetOkAsync("/v2/openapi.json");
        v2.GetProperty("paths").EnumerateObject().ShouldNotContain(p => p.Name.StartsWith("/api/v1"), "each API has its own document");

        var page = await app.Api(null).GetStringAsync("/api-docs", Ct);
        foreach (var needle in new[] { "/api/v1/support-cases", "/support-cases/openapi.json", "TICKETS_READ", "TICKETS_WRITE", "/messages" })
            page.ShouldContain(needle);
    }
}
