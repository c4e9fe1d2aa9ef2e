using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Stores;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.InboundMail;

/// <summary>
/// Received email for people: a store's members see and act on mail matched to their store's cases;
/// platform support sees all of it, unmatched mail too, and may post that to a case it names. Held
/// mail is posted as the customer's message (<see cref="InboundMailProcessor.PostHeldAsync"/>) or
/// discarded. Every rule is checked here; the page only hides what this refuses.
/// </summary>
public sealed class InboundMailReview(IDbContextFactory<DashboardDbContext> dbFactory, StoreAccess access,
    InboundMailProcessor processor, AttachmentVault vault, TimeProvider clock)
{
    public const int ListMax = 100;
    public const string NotFoundMessage = "This email is not there any more";

    /// <summary>
    /// Mail of one status, newest first: for platform support every store's and the unmatched
    /// (<paramref name="storeId"/> ignored), for anyone else <paramref name="storeId"/>'s, which they must be a member of.
    /// </summary>
    public async Task<IReadOnlyList<InboundMailRow>> ListAsync(string userId, string? storeId, InboundEmailStatus status, CancellationToken ct = default)
    {
        var everything = await access.AllowsAsync(userId, Policies.PlatformSupport, ct: ct);
        if (!everything) await access.DemandAsync(userId, Policies.StoreMember, storeId ?? "", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.InboundEmails.AsNoTracking().Where(m => m.Status == status);
        if (!everything) query = query.Where(m => m.StoreId == storeId);
        return await query.OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id).Take(ListMax)
            .Select(m => new InboundMailRow(m.Id, m.ReceivedAt, m.Channel, m.FromAddress, m.FromName, m.Subject, m.Status, m.Reason,
                m.CaseId, db.Cases.Where(c => c.Id == m.CaseId).Select(c => c.Subject).FirstOrDefault(),
                m.StoreId, db.Stores.Where(s => s.Id == m.StoreId).Select(s => s.Name).FirstOrDefault(),
                m.Text, m.AttachmentCount, m.RawSize, m.RawKey != null, m.ResolvedBy, m.ResolvedAt))
            .ToListAsync(ct);
    }

    /// <summary>How many emails wait for review for this user (the navigation's badge).</summary>
    public async Task<int> CountHeldAsync(string userId, string? storeId, CancellationToken ct = default)
    {
        var scope = await StoreContext.LoadAsync(dbFactory, userId, ct);
        return scope is null ? 0 : await CountHeldAsync(scope with { Current = scope.Stores.FirstOrDefault(s => s.Id == storeId) }, ct);
    }

    /// <summary>
    /// The same for a scope this circuit already loaded (<see cref="StoreContext"/>): the layout asks on
    /// every page, so the roles it holds are used rather than read again. One indexed count (Status, StoreId).
    /// </summary>
    public async Task<int> CountHeldAsync(MerchantScope scope, CancellationToken ct = default)
    {
        var everything = scope.Satisfies(Policies.PlatformSupport);
        var storeId = scope.StoreId;
        if (!everything && (storeId is null || !scope.Satisfies(Policies.StoreMember, storeId))) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var held = db.InboundEmails.Where(m => m.Status == InboundEmailStatus.HeldForReview);
        return await (everything ? held : held.Where(m => m.StoreId == storeId)).CountAsync(ct);
    }

    /// <summary>
    /// Posts a held email as the customer's message: to the case it was matched to, or (platform
    /// support only) to <paramref name="caseId"/> when it matched none.
    /// </summary>
    public async Task<ReviewResult> PostAsync(string userId, string reviewer, long id, string? caseId = null, CancellationToken ct = default)
    {
        var held = await HeldAsync(userId, id, ct);
        if (held is null) return ReviewResult.Refused(NotFoundMessage);
        var support = await access.AllowsAsync(userId, Policies.PlatformSupport, ct: ct);
        var target = held.CaseId ?? caseId?.Trim();
        if (held.CaseId is null && !support) return ReviewResult.Refused(NotFoundMessage);
        if (target is null || !Ids.IsValid(target, Ids.Case)) return ReviewResult.Refused("Enter the case id (cs_…) to post this email to");

        string? storeId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            storeId = await db.Cases.Where(c => c.Id == target).Select(c => c.StoreId).FirstOrDefaultAsync(ct);
        if (storeId is null) return ReviewResult.Refused($"There is no case {target}");
        var result = await processor.PostHeldAsync(held, storeId, target, reviewer, ct);
        return result.Outcome == InboundMailOutcome.Posted
            ? ReviewResult.Done("Posted to the case as the customer's message")
            : ReviewResult.Refused(result.Reason);
    }

    /// <summary>Discards a held email: recorded as discarded by the reviewer; its raw copy is deleted.</summary>
    public async Task<ReviewResult> DiscardAsync(string userId, string reviewer, long id, CancellationToken ct = default)
    {
        var held = await HeldAsync(userId, id, ct);
        if (held is null) return ReviewResult.Refused(NotFoundMessage);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.InboundEmails.Where(m => m.Id == id && m.Status == InboundEmailStatus.HeldForReview)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, InboundEmailStatus.Discarded)
                .SetProperty(m => m.ResolvedBy, reviewer.Length > 120 ? reviewer[..120] : reviewer)
                .SetProperty(m => m.ResolvedAt, now)
                .SetProperty(m => m.RawKey, (string?)null), ct);
        if (changed == 0) return ReviewResult.Refused("Someone else handled this email at the same moment; reload and check");
        if (held.RawKey is { } key) await vault.DeleteQuietlyAsync([key]);
        return ReviewResult.Done("Discarded");
    }

    /// <summary>The held email when this user may act on it; null when it is not held or not theirs (alike).</summary>
    private async Task<InboundEmail?> HeldAsync(string userId, long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var held = await db.InboundEmails.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.Status == InboundEmailStatus.HeldForReview, ct);
        if (held is null) return null;
        if (await access.AllowsAsync(userId, Policies.PlatformSupport, ct: ct)) return held;
        return held.StoreId is { } storeId && await access.AllowsAsync(userId, Policies.StoreMember, storeId, ct) ? held : null;
    }
}
