using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Dashboard.Data.Entities;
using Dashboard.Domain.Tickets;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Tickets;
using Dashboard.Web.Features.Tickets.Api;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Dashboard.Web.Features.Mcp;

/// <summary>
/// The store's own support tickets to the platform (help with payouts, domains, billing…), through the
/// support-cases API's handlers (<see cref="SupportCaseEndpoints"/>): its rules, lowercase values and messages.
/// </summary>
[McpServerToolType]
public sealed class TicketTools(IHttpContextAccessor accessor, TicketQueries queries, TicketService tickets, AttachmentLinks links)
{
    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("MCP tools run inside the HTTP request (stateless transport)");

    [McpServerTool(Name = "list_support_tickets", Title = "List the store's tickets to platform support", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ApiSupportCaseList))]
    [Description("Lists the store's own tickets to Pandabase platform support (not customer cases), newest activity first: data and meta (count of all matches, offset, limit). "
        + "status answered = support replied and waits for the store. Requires the TICKETS_READ scope.")]
    public async Task<CallToolResult> ListSupportTickets(
        [Description("Only tickets in this status (default all)."), AllowedValues(null, "open", "answered", "closed", "all")] string? status = null,
        [Description("Only tickets of this severity (default all)."), AllowedValues(null, "critical", "high", "normal", "low", "all")] string? severity = null,
        [Description("Words of the subject, or the ticket number.")] string? query = null,
        [Description("How many tickets to skip (default 0)."), Range(0, int.MaxValue)] int? offset = null,
        [Description("Tickets per page, 1–100 (default 10)."), Range(1, TicketLimits.PageSizeMax)] int? limit = null,
        CancellationToken ct = default)
    {
        if (McpToolResult.LacksScope(Http.ApiCaller(), ApiScopes.TicketsRead) is { } refused) return refused;
        return McpToolResult.From(await SupportCaseEndpoints.ListAsync(Http, queries, ct, Text(limit), Text(offset), query, status, severity));
    }

    [McpServerTool(Name = "get_support_ticket", Title = "Get a ticket to platform support", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ApiSupportCaseDetail))]
    [Description("Gets one of the store's tickets to platform support with its messages, oldest first. Requires the TICKETS_READ scope.")]
    public async Task<CallToolResult> GetSupportTicket(
        [Description("The ticket's UUID or its number (42, 000042 or #000042).")] string idOrNumber,
        CancellationToken ct = default)
    {
        if (McpToolResult.LacksScope(Http.ApiCaller(), ApiScopes.TicketsRead) is { } refused) return refused;
        return McpToolResult.From(await SupportCaseEndpoints.GetAsync(idOrNumber, Http, queries, links, ct));
    }

    [McpServerTool(Name = "open_support_ticket", Title = "Open a ticket to platform support", Destructive = false, Idempotent = false, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ApiSupportCase))]
    [Description("Opens a ticket to Pandabase platform support for the store (payouts, domains, billing, the store builder…). "
        + "Calling it twice opens two tickets. Returns the ticket with its number. Requires the TICKETS_WRITE scope.")]
    public async Task<CallToolResult> OpenSupportTicket(
        [Description("What is wrong, 10–10,000 characters.")] string body,
        [Description("A subject, 3–200 characters (default: the first words of the body).")] string? subject = null,
        [Description("The area (default other)."), AllowedValues(null, "orders_payments", "products_catalog", "domains_setup", "billing_plans", "store_builder", "other")] string? category = null,
        [Description("How bad it is (default normal)."), AllowedValues(null, "critical", "high", "normal", "low")] string? severity = null,
        [Description("Who writes, as support will see it, 1–120 characters (default API).")] string? author = null,
        CancellationToken ct = default)
    {
        if (McpToolResult.LacksScope(Http.ApiCaller(), ApiScopes.TicketsWrite) is { } refused) return refused;
        var request = new CreateSupportCaseRequest { Body = body, Subject = subject, Category = category, Severity = severity, Author = author };
        return McpToolResult.From(await SupportCaseEndpoints.ApplyCreate(Http, tickets, request, ct));
    }

    [McpServerTool(Name = "reply_to_support_ticket", Title = "Reply on a ticket to platform support", Destructive = false, Idempotent = false, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ApiSupportCaseReplyResult))]
    [Description("Adds the store's reply to one of its tickets; a reply to an answered or closed ticket reopens it. "
        + "Returns the message and the ticket's status. Requires the TICKETS_WRITE scope.")]
    public async Task<CallToolResult> ReplyToSupportTicket(
        [Description("The ticket's UUID or its number (42, 000042 or #000042).")] string idOrNumber,
        [Description("The reply, 1–10,000 characters.")] string body,
        [Description("Who writes, 1–120 characters (default API).")] string? author = null,
        CancellationToken ct = default)
    {
        if (McpToolResult.LacksScope(Http.ApiCaller(), ApiScopes.TicketsWrite) is { } refused) return refused;
        return McpToolResult.From(await SupportCaseEndpoints.ApplyReply(idOrNumber, body, author, Http, tickets, links, ct));
    }

    [McpServerTool(Name = "set_support_ticket_status", Title = "Close or reopen a ticket to platform support", Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ApiSupportCase))]
    [Description("Closes an open or answered ticket (closed), or reopens a closed one (open); answered is set by support only. Requires the TICKETS_WRITE scope.")]
    public async Task<CallToolResult> SetSupportTicketStatus(
        [Description("The ticket's UUID or its number (42, 000042 or #000042).")] string idOrNumber,
        [Description("closed or open."), AllowedValues("open", "closed")] string status,
        CancellationToken ct = default)
    {
        if (McpToolResult.LacksScope(Http.ApiCaller(), ApiScopes.TicketsWrite) is { } refused) return refused;
        return McpToolResult.From(await SupportCaseEndpoints.ApplyStatus(idOrNumber, status, Http, tickets, ct));
    }

    private static string? Text(int? number) => number?.ToString(CultureInfo.InvariantCulture);
}
