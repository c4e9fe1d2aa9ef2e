using Dashboard.Web.Features.Attachments;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Features.InboundMail;

/// <summary>
/// <c>POST /inbound/email</c>: a mail provider's inbound webhook delivers one raw RFC 822 email as the
/// body (<c>message/rfc822</c> or <c>application/octet-stream</c>), signed with the shared secret
/// (<see cref="InboundWebhookSignature"/>). Unsigned, wrongly signed or stale: 401 and nothing stored;
/// larger than <see cref="InboundMailOptions.MaxMessageBytes"/>: 413. A verified email always answers
/// 200 with what became of it (posted, ignored, held, duplicate), so the provider does not retry it.
/// </summary>
public static class InboundMailEndpoints
{
    public const string Path = "/inbound/email";

    /// <summary>Up to this size the body is buffered in memory, beyond it in a temporary file.</summary>
    private const int MemoryThreshold = 1024 * 1024;

    public static void MapInboundMail(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> ReceiveAsync(HttpContext http, IOptions<InboundMailOptions> options, InboundMailProcessor processor,
        TimeProvider clock, CancellationToken ct)
    {
        // Answers are this endpoint's own JSON, never the dashboard's HTML status pages.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        var o = options.Value;
        if (!o.WebhookEnabled) return Error(StatusCodes.Status404NotFound, "Inbound email is not configured");

        var request = http.Request;
        var timestamp = request.Headers[InboundWebhookSignature.TimestampHeader].ToString();
        var signatureHeader = request.Headers[InboundWebhookSignature.SignatureHeader].ToString();
        if (timestamp.Length == 0 || signatureHeader.Length == 0)
            return Error(StatusCodes.Status401Unauthorized, $"Missing {InboundWebhookSignature.TimestampHeader} or {InboundWebhookSignature.SignatureHeader}");
        if (!InboundWebhookSignature.IsFresh(timestamp, clock.GetUtcNow(), o.WebhookTolerance))
            return Error(StatusCodes.Status401Unauthorized, $"The timestamp is not within {o.WebhookTolerance.TotalMinutes:0} minutes of now");
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals("message/rfc822", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)))
            return Error(StatusCodes.Status415UnsupportedMediaType, "Send the raw email as message/rfc822 or application/octet-stream");
        if (request.ContentLength > o.MaxMessageBytes) return TooLarge(o);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize) bodySize.MaxRequestBodySize = o.MaxMessageBytes + 1;

        await using var body = new FileBufferingReadStream(request.Body, MemoryThreshold, bufferLimit: null, System.IO.Path.GetTempPath());
        using (var signature = new InboundWebhookSignature(o.WebhookSecret!, timestamp))
        {
            var buffer = new byte[81920];
            long total = 0;
            try
            {
                int read;
                while ((read = await body.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > o.MaxMessageBytes) return TooLarge(o);
                    signature.Append(buffer.AsSpan(0, read));
                }
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge(o);
            }
            if (!signature.Matches(signatureHeader)) return Error(StatusCodes.Status401Unauthorized, "The signature does not match");
        }

        var result = await processor.ProcessAsync(body, InboundChannel.Webhook, ct);
        return Results.Json(new { status = result.Outcome.ToString(), reason = result.Reason }, statusCode: StatusCodes.Status200OK);
    }

    private static IResult TooLarge(InboundMailOptions o) =>
        Error(StatusCodes.Status413PayloadTooLarge, $"The email is larger than {AttachmentVault.FormatSize(o.MaxMessageBytes)}");

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
