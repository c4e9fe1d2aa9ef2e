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

    /// <summary>
    /// Parses a JSON object strictly: the Content-Type must be JSON in UTF-8 (415 otherwise; an empty
    /// body may come without one), a leading UTF-8 byte order mark is skipped, and every field must be
    /// one of <typeparamref name="T"/>'s, spelled exactly and given once (400 naming the field): a
    /// misspelt or repeated field silently ignored would change a case in a way the caller did not ask.
    /// An empty body or JSON <c>null</c> reads as <paramref name="empty"/>.
    /// </summary>
    public static async Task<(T? Value, ApiResult? Error)> ReadJsonAsync<T>(HttpContext http, T empty,
        string accepted = JsonMediaType) where T : class
    {
        var (bytes, error) = await ReadBytesAsync(http);
        if (error is not null) return (null, error);
        var json = bytes.AsMemory();
        if (json.Span.StartsWith(Utf8Bom)) json = json[Utf8Bom.Length..];
        var blank = json.Span.Trim(" \t\r\n"u8).Length == 0;
        if (!IsJsonContentType(http.Request.ContentType, blank))
            return (null, ApiResult.UnsupportedMediaType($"Content-Type must be {accepted} (UTF-8)"));
        if (blank) return (empty, null);
        try
        {
            if (FieldError(json.Span, ApiJson.Options.GetTypeInfo(typeof(T))) is { } fieldError) return (null, ApiResult.BadRequest(fieldError));
            return (JsonSerializer.Deserialize<T>(json.Span, ApiJson.Options) ?? empty, null);
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

    public const string JsonMediaType = "application/json";

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary><c>application/json</c> or <c>application/*+json</c>, charset absent or UTF-8; none at all only for an empty body.</summary>
    private static bool IsJsonContentType(string? header, bool blankBody)
    {
        if (string.IsNullOrWhiteSpace(header)) return blankBody;
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(header, out var media)) return false;
        var type = media.MediaType.Value ?? "";
        var json = type.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)
                   || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        return json && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The first top-level field that is unknown (names are case-sensitive) or repeated, as a message; null when all are fine.</summary>
    private static string? FieldError(ReadOnlySpan<byte> json, System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartObject) return "Request body must be a JSON object";
        var known = type.Properties.Select(p => p.Name).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                var meant = known.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
                return meant is not null
                    ? $"Request body has an unknown field \"{name}\"; field names are case-sensitive (did you mean \"{meant}\"?)"
                    : $"Request body has an unknown field \"{name}\"; the fields are {string.Join(", ", known)}";
            }
            if (!seen.Add(name)) return $"Request body has the field \"{name}\" more than once";
            reader.Read();
            reader.Skip();
        }
        return null;
    }

    private static ApiResult TooLarge(long max) => ApiResult.TooLarge($"Request body is larger than {max:N0} bytes");
}
