using System.Text.Json;

namespace Dashboard.Web.Features.Api;

/// <summary>
/// A Store API response: a status and an envelope serialized with <see cref="ApiJson.Options"/>.
/// Kept as an object (not written straight away) so the idempotency filter can store and replay it.
/// </summary>
public sealed class ApiResult(int statusCode, object envelope) : IResult, IStatusCodeHttpResult
{
    public int StatusCode { get; } = statusCode;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;
    public object Envelope { get; } = envelope;
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string Serialize() => JsonSerializer.Serialize(Envelope, Envelope.GetType(), ApiJson.Options);

    public Task ExecuteAsync(HttpContext httpContext) => Write(httpContext, StatusCode, Serialize(), Headers);

    public static async Task Write(HttpContext context, int status, string json, IDictionary<string, string>? headers = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        if (headers is not null)
            foreach (var (name, value) in headers) response.Headers[name] = value;
        await response.WriteAsync(json, context.RequestAborted);
    }

    public static ApiResult Ok<T>(T data, int status = StatusCodes.Status200OK) => new(status, new ApiOk<T>(true, data));

    public static ApiResult Error(int status, string code, string message) => new(status, new ApiFail(false, new ApiError(code, message)));

    public static ApiResult BadRequest(string message) => Error(400, "BAD_REQUEST", message);
    public static ApiResult Unauthorized(string message) => Error(401, "UNAUTHORIZED", message);
    public static ApiResult Forbidden(string message) => Error(403, "FORBIDDEN", message);
    public static ApiResult NotFound(string message) => Error(404, "NOT_FOUND", message);
    public static ApiResult Conflict(string message) => Error(409, "CONFLICT", message);
    public static ApiResult TooLarge(string message) => Error(413, "PAYLOAD_TOO_LARGE", message);
    public static ApiResult UnsupportedMediaType(string message) => Error(415, "UNSUPPORTED_MEDIA_TYPE", message);
    public static ApiResult Unprocessable(string message) => Error(422, "UNPROCESSABLE", message);
    public static ApiResult TooManyRequests(string message) => Error(429, "RATE_LIMITED", message);
}

/// <summary>Marks an endpoint's 4xx answers for the OpenAPI document (they all share the error envelope).</summary>
public static class ApiResultMetadata
{
    public static RouteHandlerBuilder ProducesApi<T>(this RouteHandlerBuilder builder, int status, params int[] errors)
    {
        builder.Produces<ApiOk<T>>(status, "application/json");
        foreach (var e in errors) builder.Produces<ApiFail>(e, "application/json");
        return builder;
    }
}
