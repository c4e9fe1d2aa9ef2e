using System.Net;
using System.Text.Json;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Mcp;

/// <summary>The MCP server driven by the official C# MCP client: tools, scopes, stores, refusals.</summary>
public class McpServerTests(McpApp app) : IClassFixture<McpApp>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tools_describe_themselves_with_their_scope_input_schema_and_output_schema()
    {
        await using var client = await app.ConnectAsync(StoreApiApp.NorthwindAll);
        var tools = (await client.ListToolsAsync(cancellationToken: Ct)).ToDictionary(t => t.Name);

        tools.Keys.Order().ShouldBe(["get_case", "get_order", "get_support_ticket", "list_cases", "list_support_tickets", "mark_case_read",
            "open_support_ticket", "reply_to_case", "reply_to_support_ticket", "set_support_ticket_status", "update_case"]);
        foreach (var (name, tool) in tools)
        {
            tool.Description.ShouldMatch(@"Requires the (CASES_READ|CASES_WRITE|ORDERS_READ|TICKETS_READ|TICKETS_WRITE) scope\.$", name);
            tool.ProtocolTool.OutputSchema.ShouldNotBeNull(name);
        }
        tools["list_cases"].Description.ShouldEndWith("Requires the CASES_READ scope.");
        tools["reply_to_case"].Description.ShouldEndWith("Requires the CASES_WRITE scope.");
        tools["get_order"].Description.ShouldEndWith("Requires the ORDERS_READ scope.");
        tools["get_case"].ProtocolTool.Annotations!.ReadOnlyHint.ShouldBe(true);
        tools["reply_to_case"].ProtocolTool.Annotations!.ReadOnlyHint.ShouldNotBe(true);

        // The allowed values a model must send are in the schema, and they are the API's wire names.
        Enum(tools["list_cases"], "status").ShouldBe(WireNames.All<CaseStatus>());
        Enum(tools["list_cases"], "priority").ShouldBe(WireNames.All<CasePriority>());
        Enum(tools["update_case"], "priority").ShouldBe(WireNames.All<CasePriority>());
        Enum(tools["update_case"], "status").ShouldBe(CaseWorkflow.MerchantSettableStatuses.Select(s => WireNames.ToWire(s)));
        Required(tools["reply_to_case"]).ShouldBe(["caseId", "body"], ignoreOrder: true);
        Required(tools["list_cases"]).ShouldBeEmpty();
        var limit = tools["list_cases"].JsonSchema.GetProperty("properties").GetProperty("limit");
        limit.GetProperty("maximum").GetInt32().ShouldBe(Limits.PageSizeMax);
        tools["get_case"].ProtocolTool.OutputSchema!.Value.GetProperty("properties").TryGetProperty("messages", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task List_cases_answers_what_the_store_api_answers_for_the_same_filters()
    {
        await using var client = await app.ConnectAsync(StoreApiApp.NorthwindAll);
        var viaMcp = (await client.CallAsync("list_cases", ("status", "AWAITING_MERCHANT"), ("limit", 2), ("page", 1))).ShouldSucceed();
        var viaRest = (await app.Api(StoreApiApp.NorthwindAll).GetJsonAsync($"{StoreApiApp.Cases()}?status=AWAITING_MERCHANT&limit=2&page=1", HttpStatusCode.OK))
            .GetProperty("data");

        McpCalls.SameJson(viaMcp, viaRest).ShouldBeTrue($"MCP: {viaMcp}\nREST: {viaRest}");
        viaMcp.GetProperty("items").GetArrayLength().ShouldBe(2);
        viaMcp.GetProperty("items").EnumerateArray().ShouldAllBe(c => c.GetProperty("status").GetString() == "AWAITING_MERCHANT");
        viaMcp.GetProperty("pagination").GetProperty("limit").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Bad_arguments_are_tool_errors_with_the_store_apis_messages()
    {
        await using var client = await app.ConnectAsync(StoreApiApp.NorthwindAll);
        (await client.CallAsync("list_cases", ("status", "WAITING"))).ShouldBeRefused($"status must be one of {string.Join(", ", WireNames.All<CaseStatus>())}");
        (await client.CallAsync("list_cases", ("limit", 500))).ShouldBeRefused($"limit must be between 1 and {Limits.PageSizeMax}");
        (await client.CallAsync("get_case", ("caseId", "42"))).ShouldBeRefused($"caseId is not a valid id (cs_…, {Ids.MinLength}–{Ids.MaxLength} characters)");
        (await client.CallAsync("get_case", ("caseId", "cs_doesnotexist000000"))).ShouldBeRefused("Case not found");
        (await client.CallAsync("get_order", ("orderId", "ord_doesnotexist00000"))).ShouldBeRefused("Order not found");
    }

    [Fact]
    public async Task Reply_reaches_the_case_signed_by_the_token_and_moves_it_to_awaiting_customer()
    {
        var id = (await app.AnyCaseAsync("AWAITING_MERCHANT")).GetProperty("id").GetString()!;
        await using var client = await app.ConnectAsync(StoreApiApp.NorthwindAll);

        var reply = (await client.CallAsync("reply_to_case", ("caseId", id), ("body", "Your key was re-sent to your email.\nSorry for the wait."))).ShouldSucceed();

        reply.GetProperty("message").GetProperty("body").GetString().ShouldBe("Your key was re-sent to your email.\nSorry for the wait.");
        reply.GetProperty("message").GetProperty("authorName").GetString().ShouldBe("API: Demo all scopes");
        reply.GetProperty("case").GetProperty("status").GetString().ShouldBe("AWAITING_CUSTOMER");
        var detail = (await client.CallAsync("get_case", ("caseId", id))).ShouldSucceed();
        detail.GetProperty("status").GetString().ShouldBe("AWAITING_CUSTOMER");
        detail.GetProperty("messages").EnumerateArray().Last(m => m.GetProperty("authorKind").GetString() == "MERCHANT")
            .GetProperty("body").GetString().ShouldBe("Your key was re-sent to your email.\nSorry for the wait.");
        await using var db = app.Db();
        (await db.CaseMessages.CountAsync(m => m.CaseId == id && m.AuthorName == "API: Demo all scopes", Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task State_machine_refusals_come_back_with_the_spec_message_and_change_nothing()
    {
        var id = (await app.AnyCaseAsync("OPEN")).GetProperty("id").GetString()!;
        await using var client = await app.ConnectAsync(StoreApiApp.NorthwindAll);

        (await client.CallAsync("update_case", ("caseId", id), ("status", "AWAITING_MERCHANT")))
            .ShouldBeRefused("Status AWAITING_MERCHANT cannot be set by a merchant; it follows a customer reply");
        (await client.CallAsync("update_case", ("caseId", id))).ShouldBeRefused(CaseWorkflow.Messages.NothingToUpdate);

        var closed = (await client.CallAsync("update_case", ("caseId", id), ("status", "CLOSED"), ("priority", "HIGH"))).ShouldSucceed();
        closed.GetProperty("status").GetString().ShouldBe("CLOSED");
        closed.GetProperty("priority").GetString().ShouldBe("HIGH");
        closed.GetProperty("closedBy").GetString().ShouldBe("MERCHANT");

        int before;
        await using (var db = app.Db()) before = await db.CaseMessages.CountAsync(m => m.CaseId == id, Ct);
        (await client.CallAsync("reply_to_case", ("caseId", id), ("body", "Hello?"))).ShouldBeRefused("Case is closed; reopen it to reply");
        await using (var db = app.Db()) (await db.CaseMessages.CountAsync(m => m.CaseId == id, Ct)).ShouldBe(before);

        (await client.CallAsync("update_case", ("caseId", id), ("status", "OPEN"))).ShouldSucceed().GetProperty("status").GetString().ShouldBe("OPEN");
    }

    [Fact]
    public async Task Mark_read_sets_unread_to_zero()
    {
        var unread = await FirstUnreadCaseAsync();
        await using var client = await app.ConnectAsync(StoreApiApp.NorthwindAll);

        (await client.CallAsync("mark_case_read", ("caseId", unread))).ShouldSucceed().GetProperty("unreadCount").GetInt32().ShouldBe(0);
        await using var db = app.Db();
        (await db.Cases.SingleAsync(c => c.Id == unread, Ct)).UnreadCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_tool_outside_the_tokens_scopes_is_refused_with_the_scopes_name()
    {
        var some = await app.AnyCaseAsync("AWAITING_MERCHANT");
        var id = some.GetProperty("id").GetString()!;
        var priority = some.GetProperty("priority").GetString();
        await using var readOnly = await app.ConnectAsync(StoreApiApp.NorthwindReadOnly);
        (await readOnly.CallAsync("get_case", ("caseId", id))).ShouldSucceed();
        (await readOnly.CallAsync("reply_to_case", ("caseId", id), ("body", "hi"))).ShouldBeRefused("This API token lacks the CASES_WRITE scope");
        (await readOnly.CallAsync("update_case", ("caseId", id), ("priority", "URGENT"))).ShouldBeRefused("This API token lacks the CASES_WRITE scope");
        (await readOnly.CallAsync("mark_case_read", ("caseId", id))).ShouldBeRefused("This API token lacks the CASES_WRITE scope");

        await using var ordersOnly = await app.ConnectAsync(await app.NewTokenAsync("MCP orders only", ApiScopes.OrdersRead));
        (await ordersOnly.CallAsync("list_cases")).ShouldBeRefused("This API token lacks the CASES_READ scope");
        (await ordersOnly.CallAsync("get_order", ("orderId", some.GetProperty("orderId").GetString()))).ShouldSucceed()
            .GetProperty("id").GetString().ShouldBe(some.GetProperty("orderId").GetString());
        await using var casesOnly = await app.ConnectAsync(await app.NewTokenAsync("MCP cases only", ApiScopes.CasesRead));
        (await casesOnly.CallAsync("get_order", ("orderId", some.GetProperty("orderId").GetString()))).ShouldBeRefused("This API token lacks the ORDERS_READ scope");

        await using var db = app.Db();
        (await db.CaseMessages.CountAsync(m => m.CaseId == id && m.Body == "hi", Ct)).ShouldBe(0);
        WireNames.ToWire((await db.Cases.SingleAsync(c => c.Id == id, Ct)).Priority).ShouldBe(priority);
    }

    [Fact]
    public async Task Another_stores_cases_and_orders_are_not_found_and_its_list_is_its_own()
    {
        var northwind = await app.AnyCaseAsync("AWAITING_MERCHANT");
        await using var contoso = await app.ConnectAsync(StoreApiApp.ContosoAll);

        (await contoso.CallAsync("get_case", ("caseId", northwind.GetProperty("id").GetString()))).ShouldBeRefused("Case not found");
        (await contoso.CallAsync("reply_to_case", ("caseId", northwind.GetProperty("id").GetString()), ("body", "not yours"))).ShouldBeRefused("Case not found");
        (await contoso.CallAsync("get_order", ("orderId", northwind.GetProperty("orderId").GetString()))).ShouldBeRefused("Order not found");
        var listed = (await contoso.CallAsync("list_cases", ("limit", 100))).ShouldSucceed().GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()).ToList();
        listed.ShouldNotBeEmpty();
        await using var db = app.Db();
        var contosoCases = await db.Cases.Where(c => c.StoreId == StoreApiApp.Contoso).Select(c => c.Id).ToListAsync(Ct);
        listed.ShouldAllBe(id => contosoCases.Contains(id!));
    }

    [Theory]
    [InlineData(null, "Missing API token: send Authorization: Bearer sk_…")]
    [InlineData("sk_not_a_real_token_000000", "Invalid API token")]
    public async Task Without_a_valid_token_nothing_is_served(string? token, string message)
    {
        var response = await app.PostRawAsync(token);
        await response.ShouldFailAsync(HttpStatusCode.Unauthorized, message);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");

        await Should.ThrowAsync<Exception>(async () => await app.ConnectAsync(token ?? ""));
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_once()
    {
        var secret = await app.NewTokenAsync("MCP soon revoked", ApiScopes.CasesRead);
        await using var client = await app.ConnectAsync(secret);
        (await client.CallAsync("list_cases", ("limit", 1))).ShouldSucceed();

        await using (var db = app.Db())
        {
            var owner = await db.StoreMembers.Where(m => m.StoreId == StoreApiApp.Northwind && m.Role == StoreRole.Owner).Select(m => m.UserId).FirstAsync(Ct);
            var tokenId = await db.ApiTokens.Where(t => t.Name == "MCP soon revoked").Select(t => t.Id).SingleAsync(Ct);
            (await app.Services.GetRequiredService<ApiTokenService>().RevokeAsync(owner, StoreApiApp.Northwind, tokenId, Ct)).Succeeded.ShouldBeTrue();
        }

        await Should.ThrowAsync<Exception>(async () => await client.CallAsync("list_cases", ("limit", 1)));
        await (await app.PostRawAsync(secret)).ShouldFailAsync(HttpStatusCode.Unauthorized, "API token has been revoked");
    }

    private async Task<string> FirstUnreadCaseAsync()
    {
        await using var db = app.Db();
        return await db.Cases.Where(c => c.StoreId == StoreApiApp.Northwind && c.UnreadCount > 0 && c.Status != CaseStatus.Closed)
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
    }

    private static IEnumerable<string?> Enum(ModelContextProtocol.Client.McpClientTool tool, string parameter) =>
        tool.JsonSchema.GetProperty("properties").GetProperty(parameter).GetProperty("enum").EnumerateArray()
            .Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString());

    private static string[] Required(ModelContextProtocol.Client.McpClientTool tool) =>
        tool.JsonSchema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [];
}

/// <summary>The per-token rate limit is one allowance, shared by the MCP server and the Store API.</summary>
public class McpRateLimitTests(McpRateLimitTests.LowLimitApp app) : IClassFixture<McpRateLimitTests.LowLimitApp>
{
    public sealed class LowLimitApp : McpApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("StoreApi:RateLimitPerMinute", "3");
        }
    }

    [Fact]
    public async Task Mcp_and_store_api_requests_draw_on_one_allowance_per_token()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var mcpFirst = await app.NewTokenAsync("MCP first", ApiScopes.CasesRead);
        for (var i = 0; i < 3; i++) (await app.PostRawAsync(mcpFirst)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await app.Api(mcpFirst).GetAsync(StoreApiApp.Cases() + "?limit=1", ct))
            .ShouldFailAsync(HttpStatusCode.TooManyRequests, "Rate limit exceeded; retry after the time in the Retry-After header");

        var restFirst = await app.NewTokenAsync("REST first", ApiScopes.CasesRead);
        for (var i = 0; i < 3; i++) (await app.Api(restFirst).GetAsync(StoreApiApp.Cases() + "?limit=1", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var limited = await app.PostRawAsync(restFirst);
        await limited.ShouldFailAsync(HttpStatusCode.TooManyRequests, "Rate limit exceeded; retry after the time in the Retry-After header");
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        await Should.ThrowAsync<Exception>(async () => await app.ConnectAsync(restFirst));

        // Another token has its own allowance.
        (await app.PostRawAsync(StoreApiApp.NorthwindReadOnly)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
