using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Support.Signals;

/// <summary>
/// <c>POST /internal/payment-events</c>: the payment provider's webhook (<see cref="PaymentEventSignature"/>).
/// No secret configured: 404. Unsigned, wrongly signed or outside the tolerance: 401 and nothing changes.
/// An event id seen before: 409 and nothing changes. Not an event: 400. Accepted: 200 with how many cases escalated.
/// </summary>
public static class PaymentEventEndpoints
{
    public const string Path = "/internal/payment-events";
    public const int MaxBodyBytes = 64 * 1024;

    public static void MapPaymentEvents(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> ReceiveAsync(HttpContext http, IOptions<PaymentEventsOptions> options, PaymentEventProcessor processor,
        TimeProvider clock, CancellationToken ct)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        var o = options.Value;
        if (string.IsNullOrEmpty(o.WebhookSecret)) return Error(StatusCodes.Status404NotFound, "Payment events are not configured");
        if (http.Request.ContentLength > MaxBodyBytes) return Error(StatusCodes.Status413PayloadTooLarge, "The event is larger than 64 KB");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxBodyBytes;

        using var buffer = new MemoryStream();
        try { await http.Request.Body.CopyToAsync(buffer, ct); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "The event is larger than 64 KB");
        }
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var header = http.Request.Headers[PaymentEventSignature.Header].ToString();
        if (!PaymentEventSignature.Verify(header, o.WebhookSecret, body.Span, clock.GetUtcNow(), o.Tolerance))
            return Error(StatusCodes.Status401Unauthorized,
                $"Missing or wrong {PaymentEventSignature.Header}, or its timestamp is not within {o.Tolerance.TotalMinutes:0} minutes of now");

        var result = await processor.ProcessAsync(body, ct);
        return result.Outcome switch
        {
            PaymentEventOutcome.Accepted => Results.Json(new { received = true, escalated = result.Escalated }),
            PaymentEventOutcome.Replayed => Error(StatusCodes.Status409Conflict, "This event was already received"),
            PaymentEventOutcome.Invalid => Error(StatusCodes.Status400BadRequest, result.Error!),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Outcome, null),
        };
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
