using Dashboard.Data;
using Dashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Support.Signals;

/// <summary>A signal that should fire on a case, with its reason.</summary>
public sealed record DueSignal(EscalationSignalKind Kind, string Reason);

/// <summary>
/// Reads what the signal rules need about one case (its order's payment and payment events, its
/// reopenings, its customer's recent cases at the store) and asks <see cref="EscalationSignalRules"/>.
/// </summary>
public static class EscalationSignalFacts
{
    public static async Task<IReadOnlyList<DueSignal>> DueAsync(DashboardDbContext db, string caseId, DateTime now, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == caseId)
            .Select(x => new { x.StoreId, x.CustomerId, x.OrderId, x.Status }).FirstOrDefaultAsync(ct);
        if (c is null || c.Status == CaseStatus.Closed) return [];
        var due = new List<DueSignal>();

        var payment = await db.Orders.AsNoTracking().Where(o => o.Id == c.OrderId)
            .Select(o => o.Payment == null ? null : new { o.Payment.Id, o.Payment.Status }).FirstOrDefaultAsync(ct);
        var events = await db.PaymentEvents.AsNoTracking().Where(e => e.OrderId == c.OrderId)
            .OrderBy(e => e.ReceivedAt).Select(e => new { e.Id, e.Type }).ToListAsync(ct);
        if (payment?.Status == PaymentStatus.Disputed)
            due.Add(new(EscalationSignalKind.DisputeRisk, $"the order's payment {payment.Id} is disputed"));
        else if (events.FirstOrDefault(e => e.Type == PaymentEventTypes.DisputeCreated) is { } dispute)
            due.Add(new(EscalationSignalKind.DisputeRisk, $"payment event {dispute.Id} ({PaymentEventTypes.DisputeCreated})"));
        if (events.FirstOrDefault(e => e.Type == PaymentEventTypes.EarlyFraudWarningCreated) is { } warning)
            due.Add(new(EscalationSignalKind.EfwMatch, $"an early fraud warning is recorded for the order's payment (event {warning.Id})"));

        var reopens = await db.CaseMessages.AsNoTracking()
            .CountAsync(m => m.CaseId == caseId && m.Kind == CaseEntryKind.StatusTrail && m.Body.StartsWith(CaseWorkflow.ReopenedByPrefix), ct);
        var since = now - EscalationSignalRules.RecentWindow;
        var recent = await db.Cases.AsNoTracking()
            .Where(x => x.StoreId == c.StoreId && x.CustomerId == c.CustomerId && x.CreatedAt > since)
            .Select(x => new EscalationSignalRules.RecentCase(x.CreatedAt,
                db.CaseMessages.Where(m => m.CaseId == x.Id && m.Kind == CaseEntryKind.Message && m.AuthorKind == AuthorKind.Merchant)
                    .OrderBy(m => m.CreatedAt).Select(m => (DateTime?)m.CreatedAt).FirstOrDefault()))
            .ToListAsync(ct);
        if (EscalationSignalRules.RepeatedUnresolved(reopens, recent, now) is { } reason)
            due.Add(new(EscalationSignalKind.RepeatedUnresolved, reason));
        return due;
    }
}
