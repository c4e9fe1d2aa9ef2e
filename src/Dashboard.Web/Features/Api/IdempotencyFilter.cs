using Dashboard.Web.Features.Attachments;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Api;

/// <summary>
/// <c>Idempotency-Key</c> on POST: the first request with a key inserts its record (the primary key
/// token+key makes a concurrent twin fail), runs, and stores its response; a retry with the same
/// body replays it; the same key with another body is 422; a twin still running is 409.
/// Keys are per token and kept for <see cref="StoreApiOptions.IdempotencyRetention"/>.
/// </summary>
public sealed class IdempotencyFilter(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock,
    IOptions<StoreApiOptions> options, ILogger<IdempotencyFilter> logger) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int KeyMax = 255;
    private const int Pending = 0;
    private static long _nextCleanupTicks;

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
        var now = clock.GetUtcNow().UtcDateTime;
        var retention = options.Value.IdempotencyRetention;
        await CleanupIfDueAsync(now, retention, http.RequestAborted);

        var (claimed, existing) = await ClaimAsync(caller.TokenId, key, hash, now, retention, http.RequestAborted);
        if (!claimed)
        {
            if (existing is null) return ApiResult.Conflict("A request with this Idempotency-Key is still being processed");
            if (existing.RequestHash != hash)
                return ApiResult.Unprocessable("Idempotency-Key was already used with a different request");
            if (existing.StatusCode == Pending)
                return ApiResult.Conflict("A request with this Idempotency-Key is still being processed");
            return new ReplayResult(existing.StatusCode, existing.ResponseBody);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await ReleaseAsync(caller.TokenId, key);
            throw;
        }

        if (result is ApiResult api && api.StatusCode != StatusCodes.Status409Conflict && api.StatusCode < 500)
        {
            var json = api.Serialize();
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.IdempotencyRecords.Where(r => r.TokenId == caller.TokenId && r.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, api.StatusCode).SetProperty(r => r.ResponseBody, json), CancellationToken.None);
            return new ReplayResult(api.StatusCode, json, api.Headers, replayed: false);
        }
        // A conflict or failure is not the answer to remember: release the key so a retry runs.
        await ReleaseAsync(caller.TokenId, key);
        return result;
    }

    /// <summary>Inserts the pending record; on a duplicate key returns the existing one (an expired one is replaced).</summary>
    private async Task<(bool Claimed, IdempotencyRecord? Existing)> ClaimAsync(string tokenId, string key, string hash,
        DateTime now, TimeSpan retention, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // A plain retry finds its record here; the insert below decides only true races (and logs the loser's constraint error).
            var found = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.TokenId == tokenId && r.Key == key, ct);
            if (found is not null && found.CreatedAt > now - retention) return (false, found);
            if (found is not null)
                await db.IdempotencyRecords.Where(r => r.TokenId == tokenId && r.Key == key && r.CreatedAt == found.CreatedAt).ExecuteDeleteAsync(ct);
            db.IdempotencyRecords.Add(new IdempotencyRecord { TokenId = tokenId, Key = key, RequestHash = hash, StatusCode = Pending, CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
                return (true, null);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.TokenId == tokenId && r.Key == key, ct);
                if (existing is null) continue;
                if (existing.CreatedAt > now - retention) return (false, existing);
                await db.IdempotencyRecords.Where(r => r.TokenId == tokenId && r.Key == key && r.CreatedAt == existing.CreatedAt).ExecuteDeleteAsync(ct);
            }
        }
        return (false, null);
    }

    private async Task ReleaseAsync(string tokenId, string key)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.IdempotencyRecords.Where(r => r.TokenId == tokenId && r.Key == key).ExecuteDeleteAsync(CancellationToken.None);
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

    /// <summary>A stored response written as is; marked <c>Idempotent-Replayed: true</c> when it is a replay.</summary>
    private sealed class ReplayResult(int status, string json, IDictionary<string, string>? headers = null, bool replayed = true)
        : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            var all = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
            if (replayed) all[ReplayedHeader] = "true";
            return ApiResult.Write(httpContext, status, json, all);
        }
    }
}
