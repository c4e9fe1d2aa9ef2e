using Dashboard.Data;

namespace Dashboard.Web.Features.Cases;

/// <summary>
/// Work that must commit or roll back together with a case change: it runs inside the change's
/// transaction, after the case, its messages, emails and counters are written and before the commit.
/// The Store API records its idempotent answer this way, so a crash can never leave a reply stored
/// without its recorded answer, nor an answer recorded for a reply that was not stored.
/// Throwing rolls the whole change back.
/// </summary>
public delegate Task CaseCommitHook(DashboardDbContext db, CaseResult change, CancellationToken ct);
