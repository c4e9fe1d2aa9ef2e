using System.ComponentModel;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Web.Features.Api;
using Microsoft.EntityFrameworkCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Dashboard.Web.Features.Mcp;

/// <summary>The order tool: the Store API's order details, for the order a case is about.</summary>
[McpServerToolType]
public sealed class OrderTools(IHttpContextAccessor accessor, IDbContextFactory<DashboardDbContext> dbFactory)
{
    [McpServerTool(Name = "get_order", Title = "Get an order", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ApiOrder))]
    [Description("Gets an order of the store: status, items, customer, billing address, payment, the licence keys delivered and custom fields. "
        + "A case's orderId leads here. Requires the ORDERS_READ scope.")]
    public async Task<CallToolResult> GetOrder(
        [Description("The order id (starts ord_), e.g. a case's orderId.")] string orderId,
        CancellationToken ct = default)
    {
        var caller = (accessor.HttpContext ?? throw new InvalidOperationException("MCP tools run inside the HTTP request")).ApiCaller();
        if (McpToolResult.LacksScope(caller, ApiScopes.OrdersRead) is { } refused) return refused;
        return McpToolResult.From(await StoreApiEndpoints.GetOrder(caller.StoreId, orderId, dbFactory, ct));
    }
}
