using Dashboard.Web.Features.Attachments;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Api;

/// <summary>
/// <c>Idempotency-Key</c> on POST. The first request with a key inserts a pending record (the primary
/// key token+key makes a concurrent twin fail) and runs; the endpoint writes its answer onto the record
/// in the same transaction as the case change (<see cref="IdempotencyClaim.RecordAsync"/>), so the reply
/// and its recorded answer commit together. A retry with the same body replays the answer; the same key
/// with another body is 422; a twin still running is 409 with Retry-After. A pending record left by a
/// crashed attempt is taken over after <see cref="StoreApiOptions.IdempotencyPendingTimeout"/> (seconds),
/// and should the first attempt still be alive it cannot commit any more (its claim id is gone).
/// Keys are per token and kept for <see cref="StoreApiOptions.IdempotencyRetention"/>.
/// </summary>
public sealed class IdempotencyFilter(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock,
    IOptions<StoreApiOptions> options, ILogger<IdempotencyFilter> logger) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const string ClaimItem = "StoreApi.IdempotencyClaim";
    public const int KeyMax = 255;
    public const int Pending = 0;
    private static long _nextCleanupTicks;

    /// <summary>The Idempotency-Key claim of this request, or null when it carries no key.</summary>
    public static IdempotencyClaim? ClaimOf(HttpContext http) => http.Items[ClaimItem] as IdempotencyClaim;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values)) return await next(context);
        var key = values.ToString().Trim();
        if (key.Length is 0 or > KeyMax) return ApiResult.BadRequest($"Idempotency-Key must be 1–{KeyMax} characters");

        // JSON bodies are small and read once; a multipart upload (up to 5 × 10 MB) is hashed as it is
        // buffered (to disk past a small threshold) and rewound for the endpoint, never held in memory.
        var (body, error) = AttachmentIntake.IsMultipart(http.Request)
            ? await ApiBody.HashBufferedBodyAsync(http, http.RequestServices.GetRequiredService<AttachmentIntake>().MaxRequestBytes)
            : await ApiBody.ReadBytesAsync(http);
        if (error is not null) return error;
        var caller = http.ApiCaller();
        var hash = RequestHash(http.Request, body);
        await CleanupIfDueAsync(clock.GetUtcNow().UtcDateTime, options.Value.IdempotencyRetention, http.RequestAborted);

        var (claim, answer) = await ClaimAsync(caller.TokenId, key, hash, http.RequestAborted);
        if (claim is null) return answer;
        http.Items[ClaimItem] = claim;

        object? result;
        try
        {
            result = await next(context);
        }
        catch (IdempotencyClaimLostException)
        {
            logger.LogWarning("Idempotency-Key {Key} was taken over by a retry while this attempt ran; this attempt rolled back", key);
            return ApiResult.Conflict("A retry with this Idempotency-Key took it over while this request ran; the retry's answer is the one that counts");
        }
        catch
        {
            await ReleaseAsync(claim);
            throw;
        }

        // The endpoint recorded its answer with the change it made: return exactly what was stored.
        if (claim.Recorded is { } recorded) return new ReplayResult(recorded.Status, recorded.Json, recorded.Headers, replayed: false);
        if (result is ApiResult api && api.StatusCode != StatusCodes.Status409Conflict && api.StatusCode < 500)
        {
            // No case change was committed (a refusal, or nothing to do): recording it afterwards is safe,
            // and losing this write in a crash only means the retry runs again and answers the same.
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
                await claim.RecordAsync(db, api, CancellationToken.None);
            }
            catch (IdempotencyClaimLostException) { }
            return result;
        }
        // A conflict or failure is not the answer to remember: release the key so a retry runs.
        await ReleaseAsync(claim);
        return result;
    }

    /// <summary>
    /// Claims the key for this attempt, or answers instead: the recorded answer (replay), 422 for another
    /// body, 409 while another attempt holds it. An expired record is replaced; a pending one past its
    /// timeout is taken over (its attempt died, or is too slow to be allowed to commit any more).
    /// </summary>
    private async Task<(IdempotencyClaim? Claim, IResult? Answer)> ClaimAsync(string tokenId, string key, string hash, CancellationToken ct)
    {
        var retention = options.Value.IdempotencyRetention;
        var pendingTimeout = options.Value.IdempotencyPendingTimeout;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var claimId = Guid.NewGuid().ToString("N");
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // A plain retry finds its record here; the insert below decides only true races (and logs the loser's constraint error).
            var found = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.TokenId == tokenId && r.Key == key, ct);
            if (found is not null && found.CreatedAt <= now - retention)
            {
                await db.IdempotencyRecords.Where(r => r.TokenId == tokenId && r.Key == key && r.ClaimId == found.ClaimId).ExecuteDeleteAsync(ct);
                found = null;
            }
            if (found is null)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord { TokenId = tokenId, Key = key, RequestHash = hash, ClaimId = claimId, StatusCode = Pending, CreatedAt = now });
                try
                {
                    await db.SaveChangesAsync(ct);
                    return (new IdempotencyClaim(tokenId, key, claimId), null);
                }
                catch (DbUpdateException)
                {
                    continue; // a twin inserted first: read its record on the next pass
                }
            }
            if (found.RequestHash != hash) return (null, ApiResult.Unprocessable("Idempotency-Key was already used with a different request"));
            if (found.StatusCode != Pending) return (null, new ReplayResult(found.StatusCode, found.ResponseBody, IdempotencyClaim.ReadHeaders(found)));

            var heldUntil = found.CreatedAt + pendingTimeout;
            if (heldUntil > now)
            {
                var busy = ApiResult.Conflict("A request with this Idempotency-Key is still being processed; retry after the time in the Retry-After header");
                busy.Headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling((heldUntil - now).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return (null, busy);
            }
            var taken = await db.IdempotencyRecords
                .Where(r => r.TokenId == tokenId && r.Key == key && r.ClaimId == found.ClaimId && r.StatusCode == Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimId, claimId).SetProperty(r => r.CreatedAt, now), ct);
            if (taken == 1)
            {
                logger.LogWarning("Idempotency-Key {Key} was pending for longer than {Timeout} (its attempt crashed or stalled); this retry takes it over", key, pendingTimeout);
                return (new IdempotencyClaim(tokenId, key, claimId), null);
            }
        }
        return (null, ApiResult.Conflict("A request with this Idempotency-Key is still being processed"));
    }

    private async Task ReleaseAsync(IdempotencyClaim claim)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.IdempotencyRecords.Where(r => r.TokenId == claim.TokenId && r.Key == claim.Key && r.ClaimId == claim.ClaimId && r.StatusCode == Pending)
            .ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>Deletes records past retention, at most every ten minutes, on the write path (no extra job).</summary>
    private async Task CleanupIfDueAsync(DateTime now, TimeSpan retention, CancellationToken ct)
    {
        var due = Interlocked.Read(ref _nextCleanupTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref _nextCleanupTicks, now.AddMinutes(10).Ticks, due) != due) return;
        var cutoff = now - retention;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        if (deleted > 0) logger.LogInformation("Deleted {Count} idempotency records older than {Cutoff:o}", deleted, cutoff);
    }

    private static string RequestHash(HttpRequest request, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(request.Method + " " + request.Path + "\n"));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>A stored response written as is, with its headers; marked <c>Idempotent-Replayed: true</c> when it is a replay.</summary>
    private sealed class ReplayResult(int status, string json, IReadOnlyDictionary<string, string> headers, bool replayed = true)
        : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            var all = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
            if (replayed) all[ReplayedHeader] = "true";
            return ApiResult.Write(httpContext, status, json, all);
        }
    }
}
