using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Licences;

/// <summary>
/// Fixes an order's licences from one of its cases: replace a key (revoke it, claim a new one from
/// the product's pool), revoke a key, resend the delivery email. Each action asks
/// <see cref="LicenceWorkflow"/>, then in one transaction changes the keys, writes a trail line on the
/// case, queues the customer's email in the outbox and records its idempotency key; after commit it
/// tells the live feed, so open case pages reload their rail and timeline.
/// </summary>
public sealed class LicenceActions(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, CaseChangeFeed feed, LicenceEmails emails)
{
    public const int IdempotencyKeyMax = 100;

    /// <summary>Claims race on SQL Server (two updates may pick the same candidate); the loser tries the next key.</summary>
    private const int ClaimAttempts = 5;

    /// <summary>The member's role and their store's setting; null when they are not a member of the store.</summary>
    public async Task<LicenceActor?> ActorAsync(string storeId, string? userId, CancellationToken ct = default)
    {
        if (userId is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ActorAsync(db, storeId, userId, ct);
    }

    /// <summary>Available keys in the store's pool per product (products without keys are absent).</summary>
    public async Task<IReadOnlyDictionary<string, int>> AvailableKeysAsync(string storeId, IReadOnlyCollection<string> productIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LicencePoolKeys.AsNoTracking()
            .Where(k => k.StoreId == storeId && k.Status == LicenseStatus.Available && productIds.Contains(k.ProductId))
            .GroupBy(k => k.ProductId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public Task<LicenceResult> ReplaceAsync(string storeId, string caseId, string licenseId, string? userId, string idempotencyKey, CancellationToken ct = default) =>
        RunAsync(LicenceAction.Replace, storeId, caseId, licenseId, userId, idempotencyKey, ct);

    public Task<LicenceResult> RevokeAsync(string storeId, string caseId, string licenseId, string? userId, string idempotencyKey, CancellationToken ct = default) =>
        RunAsync(LicenceAction.Revoke, storeId, caseId, licenseId, userId, idempotencyKey, ct);

    public Task<LicenceResult> ResendDeliveryAsync(string storeId, string caseId, string? userId, string idempotencyKey, CancellationToken ct = default) =>
        RunAsync(LicenceAction.ResendDelivery, storeId, caseId, null, userId, idempotencyKey, ct);

    private async Task<LicenceResult> RunAsync(LicenceAction action, string storeId, string caseId, string? licenseId, string? userId,
        string idempotencyKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > IdempotencyKeyMax)
            return LicenceResult.Invalid($"Idempotency key must be 1–{IdempotencyKeyMax} characters");
        if (!Ids.IsValid(caseId, Ids.Case)) return LicenceResult.CaseNotFound;
        if (licenseId is not null && !Ids.IsValid(licenseId, Ids.License)) return LicenceResult.LicenceNotFound;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (userId is null || await ActorAsync(db, storeId, userId, ct) is not { } actor) return LicenceResult.Forbidden;
        if (await PreviousAsync(db, storeId, idempotencyKey, ct) is { } previous) return previous;

        var supportCase = await db.Cases.AsNoTracking().Include(c => c.Customer)
            .FirstOrDefaultAsync(c => c.Id == caseId && c.StoreId == storeId, ct);
        if (supportCase is null) return LicenceResult.CaseNotFound;
        var order = await db.Orders.AsNoTracking().Include(o => o.Items).Include(o => o.Licenses)
            .FirstAsync(o => o.Id == supportCase.OrderId && o.StoreId == storeId, ct);
        var store = await db.Stores.AsNoTracking().FirstAsync(s => s.Id == storeId, ct);

        License? licence = null;
        if (licenseId is not null)
        {
            licence = order.Licenses.FirstOrDefault(l => l.Id == licenseId);
            if (licence is null) return LicenceResult.LicenceNotFound;
            if (actor.Refusal(action, licence.Status) is { } refusal) return LicenceResult.Refused(refusal);
        }
        else if (!order.Licenses.Any(l => LicenceWorkflow.IsWorking(l.Status)))
        {
            return LicenceResult.Refused(LicenceWorkflow.Messages.NoWorkingKeys);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var context = new ActionContext(db, store, supportCase, order, actor, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The first statement writes, so on SQLite this transaction holds the write lock from here on
        // and every read below sees the latest committed state. The case's version grows by one per
        // write, which keeps this action's timeline entries after every earlier one.
        var version = await BumpCaseAsync(db, supportCase.Id, now, ct);
        if (await PreviousAsync(db, storeId, idempotencyKey, ct) is { } raced) return raced;

        var outcome = action switch
        {
            LicenceAction.Replace => await ReplaceInTransactionAsync(context, licence!, ct),
            LicenceAction.Revoke => await RevokeInTransactionAsync(context, licence!, ct),
            LicenceAction.ResendDelivery => ResendInTransaction(context),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown licence action"),
        };
        if (outcome.Error is { } error) return LicenceResult.Refused(error);

        var trail = new CaseMessage
        {
            CaseId = supportCase.Id, StoreId = storeId, Kind = CaseEntryKind.Trail, AuthorKind = AuthorKind.System,
            AuthorName = Actor.SystemName, Body = outcome.Summary, CreatedAt = now, Sequence = version * 100,
        };
        db.CaseMessages.Add(trail);
        await emails.Threading.AddAsync(db, outcome.Email!(trail.Id), ct);
        db.LicenceActions.Add(new LicenceActionRecord
        {
            StoreId = storeId, IdempotencyKey = idempotencyKey, Action = action, CaseId = supportCase.Id, OrderId = order.Id,
            LicenseId = licence?.Id, NewLicenseId = outcome.NewLicenseId, Summary = outcome.Summary, ActorUserId = actor.UserId, CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // The same idempotency key committed on another connection between our check and our insert
            // (SQL Server): that action happened once; answer with its outcome.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await PreviousAsync(db, storeId, idempotencyKey, ct) is { } first) return first;
            throw;
        }

        feed.Publish(new CaseChange(storeId, supportCase.Id, CaseChangeKind.Licences, supportCase.Status, AuthorKind.Merchant, now));
        return LicenceResult.Done(outcome.Summary);
    }

    private async Task<Outcome> ReplaceInTransactionAsync(ActionContext x, License old, CancellationToken ct)
    {
        if (LicenceWorkflow.IsWorking(old.Status) && !await RevokeOrderLicenceAsync(x, old, ct))
            return Outcome.Refused(LicenceWorkflow.Messages.RevokedCannotBeReplaced);

        var newLicenseId = Ids.New(Ids.License);
        var claimed = await ClaimAsync(x, old, newLicenseId, ct);
        if (claimed is null) return Outcome.Refused(LicenceWorkflow.Messages.PoolEmpty(LicenceEmails.ProductName(x.Order, old)));

        x.Db.Licenses.Add(new License
        {
            Id = newLicenseId, OrderId = x.Order.Id, ProductId = old.ProductId, VariantId = old.VariantId,
            Key = claimed.Key, Status = LicenseStatus.Claimed, ClaimedAt = x.Now,
        });
        var summary = $"Replaced key {LicenceWorkflow.Shorten(old.Key)} with {LicenceWorkflow.Shorten(claimed.Key)} by {x.Actor.DisplayName}";
        return new Outcome(summary, source => emails.Replaced(x.Store, x.Case, x.Order, x.Case.Customer, old, claimed.Key, source, x.Now), newLicenseId);
    }

    private async Task<Outcome> RevokeInTransactionAsync(ActionContext x, License old, CancellationToken ct)
    {
        if (!await RevokeOrderLicenceAsync(x, old, ct)) return Outcome.Refused(LicenceWorkflow.Messages.AlreadyRevoked);
        var summary = $"Revoked key {LicenceWorkflow.Shorten(old.Key)} by {x.Actor.DisplayName}";
        return new Outcome(summary, source => emails.Revoked(x.Store, x.Case, x.Order, x.Case.Customer, old, source, x.Now));
    }

    private Outcome ResendInTransaction(ActionContext x)
    {
        var working = x.Order.Licenses.Where(l => LicenceWorkflow.IsWorking(l.Status)).ToList();
        var summary = $"Resent the delivery email to {x.Case.Customer.Email} by {x.Actor.DisplayName}";
        return new Outcome(summary, source => emails.Delivery(x.Store, x.Case, x.Order, x.Case.Customer, working, source, x.Now));
    }

    /// <summary>
    /// Revokes the order's key only if it still has the status this action read: a concurrent action
    /// that revoked it first wins, and this one is refused instead of acting on a stale view. The
    /// pool key it came from (if any) is revoked with it, so the pool never offers it again.
    /// </summary>
    private static async Task<bool> RevokeOrderLicenceAsync(ActionContext x, License old, CancellationToken ct)
    {
        var changed = await x.Db.Licenses.Where(l => l.Id == old.Id && l.Status == old.Status)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, LicenseStatus.Revoked), ct);
        if (changed == 0) return false;
        await x.Db.LicencePoolKeys.Where(k => k.StoreId == x.Store.Id && k.LicenseId == old.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.Status, LicenseStatus.Revoked), ct);
        return true;
    }

    /// <summary>
    /// Takes the oldest available key of the product (and variant) with one conditional UPDATE: it
    /// changes the row only while it is still Available, so two replacements never get the same key.
    /// The claimed row is found again by the new licence's id written into it.
    /// </summary>
    private static async Task<LicencePoolKey?> ClaimAsync(ActionContext x, License old, string newLicenseId, CancellationToken ct)
    {
        var storeId = x.Store.Id;
        var variant = old.VariantId;
        var candidates = x.Db.LicencePoolKeys.Where(k => k.StoreId == storeId && k.ProductId == old.ProductId
            && k.Status == LicenseStatus.Available && (variant == null || k.VariantId == variant));
        for (var attempt = 0; attempt < ClaimAttempts; attempt++)
        {
            var claimed = await x.Db.LicencePoolKeys
                .Where(k => k.Id == candidates.OrderBy(c => c.AddedAt).ThenBy(c => c.Id).Select(c => c.Id).FirstOrDefault()
                            && k.Status == LicenseStatus.Available)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(k => k.Status, LicenseStatus.Claimed)
                    .SetProperty(k => k.OrderId, x.Order.Id)
                    .SetProperty(k => k.LicenseId, newLicenseId)
                    .SetProperty(k => k.ClaimedAt, x.Now), ct);
            if (claimed == 1) return await x.Db.LicencePoolKeys.AsNoTracking().SingleAsync(k => k.LicenseId == newLicenseId, ct);
            if (!await candidates.AnyAsync(ct)) return null;
        }
        return null;
    }

    private static async Task<long> BumpCaseAsync(DashboardDbContext db, string caseId, DateTime now, CancellationToken ct)
    {
        await db.Cases.Where(c => c.Id == caseId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1).SetProperty(c => c.UpdatedAt, now), ct);
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync(ct);
    }

    private static async Task<LicenceResult?> PreviousAsync(DashboardDbContext db, string storeId, string idempotencyKey, CancellationToken ct) =>
        await db.LicenceActions.AsNoTracking().Where(r => r.StoreId == storeId && r.IdempotencyKey == idempotencyKey)
            .Select(r => r.Summary).FirstOrDefaultAsync(ct) is { } summary ? LicenceResult.Done(summary) : null;

    private static async Task<LicenceActor?> ActorAsync(DashboardDbContext db, string storeId, string userId, CancellationToken ct) =>
        await db.StoreMembers.AsNoTracking().Where(m => m.StoreId == storeId && m.UserId == userId)
            .Select(m => new LicenceActor(m.UserId, m.User.DisplayName, m.Role, m.Store.ReplaceLicencesOwnersOnly))
            .FirstOrDefaultAsync(ct);

    private sealed record ActionContext(DashboardDbContext Db, Store Store, SupportCase Case, Order Order, LicenceActor Actor, DateTime Now);

    /// <summary>What an action did inside the transaction: its trail line, the email it queues (given the trail line's id), or why it stopped.</summary>
    private sealed record Outcome(string Summary, Func<string, OutboxEmail>? Email, string? NewLicenseId = null, string? Error = null)
    {
        public static Outcome Refused(string error) => new("", null, Error: error);
    }
}
