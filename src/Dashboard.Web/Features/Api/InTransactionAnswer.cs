using Dashboard.Data;
using Dashboard.Web.Features.Cases;

namespace Dashboard.Web.Features.Api;

/// <summary>
/// Builds a write endpoint's answer inside the case change's transaction (<see cref="CaseCommitHook"/>)
/// and, when the request carries an Idempotency-Key, records it on the key there too: the change and
/// the answer a retry will replay commit together or not at all.
/// </summary>
public sealed class InTransactionAnswer(HttpContext http, Func<DashboardDbContext, CaseResult, CancellationToken, Task<ApiResult>> build)
{
    /// <summary>The answer, once the change ran its transaction; null when nothing was changed.</summary>
    public ApiResult? Answer { get; private set; }

    public async Task Hook(DashboardDbContext db, CaseResult change, CancellationToken ct)
    {
        Answer = await build(db, change, ct);
        if (IdempotencyFilter.ClaimOf(http) is { } claim) await claim.RecordAsync(db, Answer, ct);
    }
}
