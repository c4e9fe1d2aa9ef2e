using Dashboard.Web.Features.Api;
using ModelContextProtocol.Protocol;

namespace Dashboard.Web.Features.Mcp;

/// <summary>
/// The MCP server at <c>/mcp</c> (Streamable HTTP): the Store API's case and order operations and the store's platform support tickets as tools for
/// AI assistants and agents, behind the same <c>sk_</c> tokens, scopes and per-token rate limit
/// (<see cref="ApiTokenGate"/>). Stateless: every POST stands alone, so any instance answers any request
/// and the tools see the request's own token.
/// </summary>
public static class McpFeature
{
    public const string Path = "/mcp";

    public static IServiceCollection AddMcp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMcpServer(o =>
            {
                o.ServerInfo = new Implementation { Name = "pandabase-cases", Title = "Pandabase support cases", Version = "1.0" };
                o.ServerInstructions = Instructions;
            })
            .WithHttpTransport(o => o.Stateless = true)
            .WithTools<CaseTools>()
            .WithTools<OrderTools>()
            .WithTools<TicketTools>();
        return services;
    }

    /// <summary>
    /// Maps the transport and puts the token gate in front of it: a request without an admitted token never
    /// reaches the MCP handler (401/429 in the Store API's error envelope, <c>WWW-Authenticate: Bearer</c>).
    /// </summary>
    public static void MapMcpServer(this WebApplication app) =>
        app.MapMcp(Path).Add(endpoint =>
        {
            var transport = endpoint.RequestDelegate ?? throw new InvalidOperationException("The MCP endpoint has no handler");
            endpoint.RequestDelegate = async http =>
            {
                // The transport's own 4xx answers (a GET in stateless mode, a bad JSON-RPC body) are for MCP
                // clients; the dashboard's HTML status pages must not replace them.
                if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
                var (_, refusal) = await http.RequestServices.GetRequiredService<ApiTokenGate>().AdmitAsync(http);
                if (refusal is not null)
                {
                    await refusal.ExecuteAsync(http);
                    return;
                }
                await transport(http);
            };
        });

    private const string Instructions =
        "Support cases of one store (the store of the API token). Cases move OPEN/AWAITING_MERCHANT → AWAITING_CUSTOMER when you reply, "
        + "and can be set to OPEN (only from CLOSED), AWAITING_CUSTOMER or CLOSED. Start with list_cases (status AWAITING_MERCHANT are waiting for the store), "
        + "read one with get_case, answer with reply_to_case, then mark_case_read. Order details (items, licence keys, payment) come from get_order. "
        + "The store's own tickets to Pandabase platform support (not customer cases) are the *_support_ticket tools. "
        + "Each tool names the token scope it needs (CASES_READ, CASES_WRITE, ORDERS_READ, TICKETS_READ, TICKETS_WRITE).";
}
