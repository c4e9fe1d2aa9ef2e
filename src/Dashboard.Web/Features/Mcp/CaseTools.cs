using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Api;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Dashboard.Web.Features.Mcp;

/// <summary>
/// The case tools. Each one runs the Store API's own handler (<see cref="StoreApiEndpoints"/>): the same
/// validation, the same services and state machine, the same answers and messages. The store is always
/// the token's, so another store's case is "Case not found".
/// </summary>
[McpServerToolType]
public sealed class CaseTools(IHttpContextAccessor accessor, CaseQueries queries, CaseService cases, AttachmentLinks links)
{
    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("MCP tools run inside the HTTP request (stateless transport)");

    [McpServerTool(Name = "list_cases", Title = "List support cases", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ApiCaseList))]
    [Description("Lists the store's customer support cases, most recent activity first, with paging (items and pagination: page, limit, total, totalPages). "
        + "Filter by status (AWAITING_MERCHANT = the customer is waiting for the store), priority, customer or order. Requires the CASES_READ scope.")]
    public async Task<CallToolResult> ListCases(
        [Description("Only cases in this status."), AllowedValues(null, "OPEN", "AWAITING_CUSTOMER", "AWAITING_MERCHANT", "CLOSED")] string? status = null,
        [Description("Only cases of this priority."), AllowedValues(null, "LOW", "NORMAL", "HIGH", "URGENT")] string? priority = null,
        [Description("Only cases of this customer (id starting cus_).")] string? customerId = null,
        [Description("Only cases about this order (id starting ord_).")] string? orderId = null,
        [Description("Page number, from 1 (default 1)."), Range(1, StoreApiEndpoints.PageMax)] int? page = null,
        [Description("Cases per page, 1–100 (default 20)."), Range(1, Limits.PageSizeMax)] int? limit = null,
        CancellationToken ct = default)
    {
        var caller = Http.ApiCaller();
        if (McpToolResult.LacksScope(caller, ApiScopes.CasesRead) is { } refused) return refused;
        return McpToolResult.From(await StoreApiEndpoints.ListCases(caller.StoreId, queries, ct,
            Text(page), Text(limit), status, priority, customerId, orderId));
    }

    [McpServerTool(Name = "get_case", Title = "Get a support case", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ApiCaseDetail))]
    [Description("Gets one case with its conversation, oldest first: customer and store messages, auto-replies and SYSTEM lines "
        + "(status changes; internal team notes are never included). Attachments come with a short-lived download link. Requires the CASES_READ scope.")]
    public async Task<CallToolResult> GetCase(
        [Description("The case id (starts cs_), as list_cases returns it.")] string caseId,
        CancellationToken ct = default)
    {
        var caller = Http.ApiCaller();
        if (McpToolResult.LacksScope(caller, ApiScopes.CasesRead) is { } refused) return refused;
        return McpToolResult.From(await StoreApiEndpoints.GetCase(caller.StoreId, caseId, Http, queries, links, ct));
    }

    [McpServerTool(Name = "reply_to_case", Title = "Reply to the customer", Destructive = false, Idempotent = false, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ApiReplyResult))]
    [Description("Sends a reply to the customer of a case: it is emailed to them and shown in their portal, signed \"API: <token name>\". "
        + "The case moves to AWAITING_CUSTOMER. A closed case refuses replies (set status OPEN first with update_case). "
        + "Returns the message and the case. Calling it twice sends two replies. Requires the CASES_WRITE scope.")]
    public async Task<CallToolResult> ReplyToCase(
        [Description("The case id (starts cs_).")] string caseId,
        [Description("The reply, plain text, 1–4,000 characters; newlines are kept.")] string body,
        CancellationToken ct = default)
    {
        var caller = Http.ApiCaller();
        if (McpToolResult.LacksScope(caller, ApiScopes.CasesWrite) is { } refused) return refused;
        return McpToolResult.From(await StoreApiEndpoints.ApplyReply(caller.StoreId, caseId, body, Http, cases, links, ct));
    }

    [McpServerTool(Name = "mark_case_read", Title = "Mark a case read", Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ApiCase))]
    [Description("Marks the case's customer messages as read (unreadCount becomes 0) and returns the case. Requires the CASES_WRITE scope.")]
    public async Task<CallToolResult> MarkCaseRead(
        [Description("The case id (starts cs_).")] string caseId,
        CancellationToken ct = default)
    {
        var caller = Http.ApiCaller();
        if (McpToolResult.LacksScope(caller, ApiScopes.CasesWrite) is { } refused) return refused;
        return McpToolResult.From(await StoreApiEndpoints.ApplyMarkRead(caller.StoreId, caseId, Http, cases, queries, ct));
    }

    [McpServerTool(Name = "update_case", Title = "Change a case's status or priority", Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ApiCase))]
    [Description("Changes the status and/or the priority of a case (give at least one) and returns the case. "
        + "Status: CLOSED from any open state (the customer is emailed); OPEN only reopens a CLOSED case; AWAITING_CUSTOMER from any open state. "
        + "AWAITING_MERCHANT cannot be set: it follows a customer's message. Requires the CASES_WRITE scope.")]
    public async Task<CallToolResult> UpdateCase(
        [Description("The case id (starts cs_).")] string caseId,
        [Description("The new status."), AllowedValues(null, "OPEN", "AWAITING_CUSTOMER", "CLOSED")] string? status = null,
        [Description("The new priority."), AllowedValues(null, "LOW", "NORMAL", "HIGH", "URGENT")] string? priority = null,
        CancellationToken ct = default)
    {
        var caller = Http.ApiCaller();
        if (McpToolResult.LacksScope(caller, ApiScopes.CasesWrite) is { } refused) return refused;
        return McpToolResult.From(await StoreApiEndpoints.ApplyUpdate(caller.StoreId, caseId, priority, status, null, Http, cases, queries, ct));
    }

    private static string? Text(int? number) => number?.ToString(CultureInfo.InvariantCulture);
}
