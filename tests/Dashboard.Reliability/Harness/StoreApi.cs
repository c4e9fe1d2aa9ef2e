using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Dashboard.Reliability.Harness;

/// <summary>One answer of the app: status, body, how long it took, or the transport error when there was none.</summary>
public sealed record ApiAnswer(HttpStatusCode? Status, string Body, double Milliseconds, string? TransportError = null, TimeSpan? RetryAfter = null)
{
    public bool Ok => Status is { } s && (int)s is >= 200 and < 300;
}

/// <summary>A Store API client of one store and token, over loopback.</summary>
public sealed class StoreApi(Uri baseAddress, string storeId, string secret, TimeSpan? timeout = null) : IDisposable
{
    private readonly HttpClient _http = Create(baseAddress, secret, timeout);

    private static HttpClient Create(Uri baseAddress, string secret, TimeSpan? timeout)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 512 };
        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return http;
    }

    public string Cases => $"/v2/core/stores/{storeId}/cases";

    public Task<ApiAnswer> GetAsync(string path, CancellationToken ct = default) => SendAsync(HttpMethod.Get, path, null, null, ct);

    public Task<ApiAnswer> ReplyAsync(string caseId, string body, string? idempotencyKey = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"{Cases}/{caseId}/messages", JsonSerializer.Serialize(new { body }), idempotencyKey, ct);

    public Task<ApiAnswer> PatchAsync(string caseId, string json, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Patch, $"{Cases}/{caseId}", json, null, ct);

    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, string? json, string? idempotencyKey, CancellationToken ct = default,
        HttpContent? content = null)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(method, path);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            if (content is not null) request.Content = content;
            if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
            using var response = await _http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            return new ApiAnswer(response.StatusCode, text, watch.Elapsed.TotalMilliseconds, RetryAfter: response.Headers.RetryAfter?.Delta);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new ApiAnswer(null, "", watch.Elapsed.TotalMilliseconds, e.GetType().Name + ": " + e.Message);
        }
    }

    public void Dispose() => _http.Dispose();
}
