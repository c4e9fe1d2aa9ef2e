using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Api;

/// <summary>Reads a request body once (bounded, 413 past the limit) and parses it as JSON with 400 naming the field.</summary>
public static class ApiBody
{
    private const string BodyItem = "StoreApi.Body";

    public static async Task<(byte[] Bytes, ApiResult? Error)> ReadBytesAsync(HttpContext http)
    {
        if (http.Items[BodyItem] is byte[] cached) return (cached, null);
        var max = http.RequestServices.GetRequiredService<IOptions<StoreApiOptions>>().Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength > max) return ([], TooLarge(max));

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > max) return ([], TooLarge(max));
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        http.Items[BodyItem] = bytes;
        return (bytes, null);
    }

    /// <summary>
    /// SHA-256 of a large body (multipart uploads), computed while ASP.NET buffers it (memory up to
    /// 64 KB, then a temporary file); the body is rewound so the endpoint reads it again from the start.
    /// </summary>
    public static async Task<(byte[] Hash, ApiResult? Error)> HashBufferedBodyAsync(HttpContext http, long maxBytes)
    {
        if (http.Request.ContentLength > maxBytes) return ([], TooLarge(maxBytes));
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = maxBytes;
        http.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: maxBytes);
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0) sha.AppendData(chunk, 0, read);
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException)
        {
            return ([], TooLarge(maxBytes));
        }
        http.Request.Body.Position = 0;
        return (sha.GetHashAndReset(), null);
    }

    /// <summary>An empty body or JSON <c>null</c> reads as <paramref name="empty"/>.</summary>
    public static async Task<(T? Value, ApiResult? Error)> ReadJsonAsync<T>(HttpContext http, T empty) where T : class
    {
        var (bytes, error) = await ReadBytesAsync(http);
        if (error is not null) return (null, error);
        if (bytes.Length == 0 || bytes.AsSpan().Trim(" \t\r\n"u8).Length == 0) return (empty, null);
        try
        {
            return (JsonSerializer.Deserialize<T>(bytes, ApiJson.Options) ?? empty, null);
        }
        catch (JsonException e)
        {
            // A type mismatch names the field; a syntax error (truncated, not JSON) does not have one to name.
            var typeError = e.Message.Contains("could not be converted", StringComparison.Ordinal);
            var field = typeError && e.Path is { Length: > 2 } path && path.StartsWith("$.") ? path[2..] : null;
            return (null, ApiResult.BadRequest(field is null
                ? "Request body is not valid JSON"
                : $"Request body is not valid JSON: {field} has the wrong type or value"));
        }
    }

    private static ApiResult TooLarge(long max) => ApiResult.TooLarge($"Request body is larger than {max:N0} bytes");
}
