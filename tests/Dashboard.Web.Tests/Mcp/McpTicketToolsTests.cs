using System.Net;
using System.Text.Json;
using Dashboard.Data.Entities;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Mcp;

/// <summary>The store's platform support tickets through MCP: the support-cases API's rules, values and messages.</summary>
public class McpTicketToolsTests(McpApp app) : IClassFixture<McpApp>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ticket_tool_schemas_offer_the_apis_lowercase_values()
    {
        await using var client = await app.ConnectAsync(StoreApiApp.NorthwindAll);
        var tools = (await client.ListToolsAsync(cancellationToken: Ct)).ToDictionary(t => t.Name);

        Enum(tools["open_support_ticket"], "category").ShouldBe(TicketVocabulary.Categories.Select(LowerWireNames.ToWire));
        Enum(tools["open_support_ticket"], "severity").ShouldBe(TicketVocabulary.Severities.Select(LowerWireNames.ToWire));
        Enum(tools["list_support_tickets"], "status").ShouldBe([.. TicketVocabulary.Statuses.Select(LowerWireNames.ToWire), "all"]);
        Enum(tools["set_support_ticket_status"], "status").ShouldBe(["open", "closed"]);
        tools["list_support_tickets"].Description.ShouldEndWith("Requires the TICKETS_READ scope.");
        tools["open_support_ticket"].Description.ShouldEndWith("Requires the TICKETS_WRITE scope.");
    }

    [Fact]
    public async Task A_ticket_opened_replied_to_and_closed_through_mcp_is_the_ticket_the_api_sees()
    {
        await using var client = await app.ConnectAsync(StoreApiApp.NorthwindAll);

        var opened = (await client.CallAsync("open_support_ticket",
            ("body", "Payouts have been pending for three days since we changed bank account."), ("category", "billing_plans"),
            ("severity", "high"), ("author", "Ops agent"))).ShouldSucceed();
        opened.GetProperty("status").GetString().ShouldBe("open");
        opened.GetProperty("severity").GetString().ShouldBe("high");
        var number = opened.GetProperty("number").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var reply = (await client.CallAsync("reply_to_support_ticket", ("idOrNumber", "#" + number), ("body", "Any news?"))).ShouldSucceed();
        reply.GetProperty("message").GetProperty("body").GetString().ShouldBe("Any news?");
        (await client.CallAsync("set_support_ticket_status", ("idOrNumber", number), ("status", "closed"))).ShouldSucceed()
            .GetProperty("status").GetString().ShouldBe("closed");

        var viaMcp = (await client.CallAsync("get_support_ticket", ("idOrNumber", number))).ShouldSucceed();
        var viaRest = await (await app.Api(StoreApiApp.NorthwindAll).GetAsync($"/api/v1/support-cases/{number}", Ct)).Content.ReadAsStringAsync(Ct);
        McpCalls.SameJson(viaMcp, JsonDocument.Parse(viaRest).RootElement).ShouldBeTrue($"MCP: {viaMcp}\nREST: {viaRest}");
        viaMcp.GetProperty("status").GetString().ShouldBe("closed");

        var listed = (await client.CallAsync("list_support_tickets", ("status", "closed"), ("query", number), ("limit", 5))).ShouldSucceed();
        listed.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("number").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)).ShouldContain(number);
        await using var db = app.Db();
        (await db.Tickets.CountAsync(t => t.StoreId == StoreApiApp.Northwind && t.Number == int.Parse(number), Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Refusals_carry_the_support_case_apis_messages()
    {
        await using var readOnly = await app.ConnectAsync(StoreApiApp.NorthwindReadOnly);
        (await readOnly.CallAsync("open_support_ticket", ("body", "This should never be opened at all."))).ShouldBeRefused("This API token lacks the TICKETS_WRITE scope");
        var casesOnly = await app.NewTokenAsync("MCP cases, no tickets", ApiScopes.CasesRead);
        await using var noTickets = await app.ConnectAsync(casesOnly);
        (await noTickets.CallAsync("list_support_tickets")).ShouldBeRefused("This API token lacks the TICKETS_READ scope");

        await using var client = await app.ConnectAsync(StoreApiApp.NorthwindAll);
        (await client.CallAsync("open_support_ticket", ("body", "too short"))).ShouldBeRefused("body must be 10–10,000 characters; it has 9");
        (await client.CallAsync("open_support_ticket", ("body", "Payouts are late again this week."), ("severity", "blocker")))
            .ShouldBeRefused("severity must be one of critical, high, normal or low");
        (await client.CallAsync("set_support_ticket_status", ("idOrNumber", "1"), ("status", "pending"))).ShouldBeRefused("status must be open or closed");
        (await client.CallAsync("set_support_ticket_status", ("idOrNumber", "1"), ("status", "answered")))
            .ShouldBeRefused("status answered is set by Pandabase Support only; use open or closed");
        (await client.CallAsync("get_support_ticket", ("idOrNumber", "not-a-ticket"))).ShouldBeRefused("idOrNumber must be a case UUID or number (42, 000042 or #000042)");

        // Contoso's ticket ids are not Northwind's.
        Guid contosoTicket;
        await using (var db = app.Db())
            contosoTicket = await db.Tickets.Where(t => t.StoreId == StoreApiApp.Contoso).Select(t => t.Id).FirstAsync(Ct);
        (await client.CallAsync("get_support_ticket", ("idOrNumber", contosoTicket.ToString()))).ShouldBeRefused("Support case not found");
        (await client.CallAsync("reply_to_support_ticket", ("idOrNumber", contosoTicket.ToString()), ("body", "not ours"))).ShouldBeRefused("Support case not found");
    }

    private static IEnumerable<string?> Enum(ModelContextProtocol.Client.McpClientTool tool, string parameter) =>
        tool.JsonSchema.GetProperty("properties").GetProperty(parameter).GetProperty("enum").EnumerateArray()
            .Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString());
}
