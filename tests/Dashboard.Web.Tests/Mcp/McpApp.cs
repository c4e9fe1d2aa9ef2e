using System.Net.Http.Headers;
using Dashboard.Web.Tests.Api;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Dashboard.Web.Tests.Mcp;

/// <summary>
/// The real host on Kestrel (a loopback socket on a free port, so the MCP transport streams as it does in
/// production) with the demo stores and tokens; MCP clients are the official SDK's.
/// </summary>
public class McpApp : StoreApiApp
{
    public McpApp()
    {
        UseKestrel(0);
        StartServer();
    }

    public Uri Endpoint => new(ClientOptions.BaseAddress, "/mcp");

    /// <summary>An MCP client connected (initialize done) with <paramref name="token"/> as its bearer token.</summary>
    public async Task<McpClient> ConnectAsync(string token)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = Endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        return await McpClient.CreateAsync(transport, cancellationToken: Xunit.TestContext.Current.CancellationToken);
    }

    /// <summary>A raw JSON-RPC POST, for what happens before any MCP handshake (the token gate).</summary>
    public async Task<HttpResponseMessage> PostRawAsync(string? token)
    {
        using var http = new HttpClient { BaseAddress = ClientOptions.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request, Xunit.TestContext.Current.CancellationToken);
        await response.Content.LoadIntoBufferAsync(Xunit.TestContext.Current.CancellationToken);
        return response;
    }
}

public static class McpCalls
{
    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, params (string Name, object? Value)[] arguments) =>
        await client.CallToolAsync(tool, arguments.ToDictionary(a => a.Name, a => a.Value), cancellationToken: Xunit.TestContext.Current.CancellationToken);

    /// <summary>The structured result of a call that must succeed.</summary>
    public static System.Text.Json.JsonElement ShouldSucceed(this CallToolResult result)
    {
        result.IsError.ShouldNotBe(true, Text(result));
        result.StructuredContent.ShouldNotBeNull(Text(result));
        // Clients that read only text get the same JSON.
        SameJson(System.Text.Json.JsonDocument.Parse(Text(result)).RootElement, result.StructuredContent.Value).ShouldBeTrue(Text(result));
        return result.StructuredContent.Value;
    }

    /// <summary>Asserts a tool error carrying exactly <paramref name="message"/>.</summary>
    public static void ShouldBeRefused(this CallToolResult result, string message)
    {
        result.IsError.ShouldBe(true, Text(result));
        Text(result).ShouldBe(message);
    }

    /// <summary>Equal as JSON (escaping may differ: the SDK writes "\u2014" where the API writes "—").</summary>
    public static bool SameJson(System.Text.Json.JsonElement a, System.Text.Json.JsonElement b) =>
        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(a.GetRawText()), System.Text.Json.Nodes.JsonNode.Parse(b.GetRawText()));

    public static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}
