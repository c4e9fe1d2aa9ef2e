using System.Text.Json;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Api;

/// <summary>
/// One attempt's hold on an Idempotency-Key (token + key + claim id). The endpoint records its answer
/// through <see cref="RecordAsync"/> inside the case change's own transaction, so the change and the
/// answer commit together: a crash leaves either both or neither.
/// </summary>
public sealed class IdempotencyClaim(string tokenId, string key, string claimId)
{
    public string TokenId { get; } = tokenId;
    public string Key { get; } = key;
    public string ClaimId { get; } = claimId;

    /// <summary>The answer as stored (status, body, headers), once recorded.</summary>
    public (int Status, string Json, IReadOnlyDictionary<string, string> Headers)? Recorded { get; private set; }

    /// <summary>
    /// Writes <paramref name="answer"/> on the pending record, in whatever transaction <paramref name="db"/>
    /// has open. Throws <see cref="IdempotencyClaimLostException"/> when the record is no longer this
    /// attempt's (it ran past the pending timeout and a retry took the key over): the caller's
    /// transaction then rolls back, so the retry alone performs the request.
    /// </summary>
    public async Task RecordAsync(DashboardDbContext db, ApiResult answer, CancellationToken ct)
    {
        var json = answer.Serialize();
        var headers = answer.Headers.Count == 0 ? null : JsonSerializer.Serialize(answer.Headers);
        var written = await db.IdempotencyRecords
            .Where(r => r.TokenId == TokenId && r.Key == Key && r.ClaimId == ClaimId && r.StatusCode == IdempotencyFilter.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StatusCode, answer.StatusCode)
                .SetProperty(r => r.ResponseBody, json)
                .SetProperty(r => r.ResponseHeaders, headers), ct);
        if (written != 1) throw new IdempotencyClaimLostException();
        Recorded = (answer.StatusCode, json, new Dictionary<string, string>(answer.Headers, StringComparer.OrdinalIgnoreCase));
    }

    public static IReadOnlyDictionary<string, string> ReadHeaders(IdempotencyRecord record) =>
        record.ResponseHeaders is null
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(record.ResponseHeaders) ?? new Dictionary<string, string>();
}
