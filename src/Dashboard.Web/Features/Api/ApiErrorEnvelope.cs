namespace Dashboard.Web.Features.Api;

/// <summary>
/// Under an API path prefix, failures answer in the API's error envelope (<see cref="ApiResult"/>), never
/// with the dashboard's HTML error or not-found pages: an unhandled exception is a 500 envelope, an
/// unknown path a 404 envelope, a wrong method a 405 envelope (on a Store API path with <c>Allow</c>, see
/// <see cref="StoreApiAllowedMethods"/>).
/// </summary>
public static class ApiErrorEnvelope
{
    public static void UseApiErrorEnvelope(this WebApplication app, PathString prefix) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments(prefix), api => api.Use(async (context, next) =>
        {
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
            {
                var status = e is BadHttpRequestException bad ? bad.StatusCode : 500;
                if (status >= 500) context.RequestServices.GetRequiredService<ILogger<ApiResult>>().LogError(e, "API request failed");
                context.Response.Clear();
                await ApiResult.Error(status, status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST",
                    status >= 500 ? "Internal error" : e.Message).ExecuteAsync(context);
                return;
            }
            // A known Store API path with another method (routing's own 405, or a 404 because a GET fallback shadowed it).
            if (!context.Response.HasStarted && (context.Response.StatusCode == 405 || (context.Response.StatusCode == 404 && context.GetEndpoint() is null)))
            {
                var allowed = context.RequestServices.GetRequiredService<StoreApiAllowedMethods>().For(context.Request.Path);
                if (allowed.Count > 0)
                {
                    context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                    context.Response.Headers.Allow = string.Join(", ", allowed);
                }
            }
            if (!context.Response.HasStarted && context.Response.StatusCode >= 400)
            {
                await (context.Response.StatusCode switch
                {
                    404 => ApiResult.NotFound("No such endpoint"),
                    405 when context.Response.Headers.Allow.Count > 0 => ApiResult.Error(405, "METHOD_NOT_ALLOWED",
                        $"{context.Request.Method} is not allowed on this endpoint; allowed: {context.Response.Headers.Allow}"),
                    405 => ApiResult.Error(405, "METHOD_NOT_ALLOWED", "Method not allowed on this endpoint"),
                    var other => ApiResult.Error(other, "HTTP_" + other, "Request failed"),
                }).ExecuteAsync(context);
            }
        }));
}
