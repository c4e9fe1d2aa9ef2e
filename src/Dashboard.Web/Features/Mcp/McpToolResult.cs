using System.Text.Json;
using Dashboard.Data.Entities;
using Dashboard.Web.Features.Api;
using ModelContextProtocol.Protocol;

namespace Dashboard.Web.Features.Mcp;

/// <summary>
/// Turns the Store API's answers into MCP tool results: the API's data (the Store API's <c>data</c>, the support-cases API's object) as structured content (and
/// as JSON text for clients that read only text), an API error as a tool error whose text is the API's
/// message — so a model reads the same refusal a REST caller does, and can act on it.
/// </summary>
public static class McpToolResult
{
    public static CallToolResult From(IResult answer)
    {
        if (answer is not ApiResult api) throw new InvalidOperationException($"Store API handlers answer with {nameof(ApiResult)}, not {answer.GetType().Name}");
        var envelope = JsonSerializer.SerializeToElement(api.Envelope, api.Envelope.GetType(), ApiJson.Options);
        if (api.StatusCode >= 400) return Refused(envelope.GetProperty("error").GetProperty("message").GetString() ?? "Refused");
        // The Store API wraps its data in {ok, data}; the support-cases API answers the bare object.
        var data = api.Envelope.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ApiOk<>)
            ? envelope.GetProperty("data")
            : envelope;
        return new CallToolResult
        {
            StructuredContent = data,
            Content = [new TextContentBlock { Text = data.GetRawText() }],
        };
    }

    public static CallToolResult Refused(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };

    /// <summary>The refusal when the caller's token lacks <paramref name="scope"/>; null when it has it.</summary>
    public static CallToolResult? LacksScope(ApiCaller caller, ApiScopes scope) =>
        caller.Scopes.HasFlag(scope) ? null : Refused(StoreApiAuthFilter.LacksScope(scope));
}
