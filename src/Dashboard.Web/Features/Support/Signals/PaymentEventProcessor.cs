using System.Text.Json;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Support.Signals;

/// <summary>
/// A verified payment event: remembered by id (a second delivery is refused and changes nothing),
/// a dispute marks the order's payment disputed, and each open case of the order gets the event's
/// signal through <see cref="CaseService.RaiseSignalAsync"/>. Body:
/// <c>{"id": "evt_…", "type": "dispute.created", "data": {"payment_id": "pay_…"}}</c>.
/// </summary>
public sealed class PaymentEventProcessor(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, CaseService cases)
{
    public const int IdMax = 100;

    public async Task<PaymentEventResult> ProcessAsync(ReadOnlyMemory<byte> body, CancellationToken ct = default)
    {
        string? id, type, paymentId;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            id = Text(root, "id");
            type = Text(root, "type");
            paymentId = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? Text(data, "payment_id") : null;
        }
        catch (JsonException) { return new(PaymentEventOutcome.Invalid, Error: "Body is not JSON"); }
        if (string.IsNullOrWhiteSpace(id) || id.Length > IdMax) return new(PaymentEventOutcome.Invalid, Error: "id is required (at most 100 characters)");
        if (string.IsNullOrWhiteSpace(type) || type.Length > IdMax) return new(PaymentEventOutcome.Invalid, Error: "type is required");
        if (string.IsNullOrWhiteSpace(paymentId) || paymentId.Length > IdMax) return new(PaymentEventOutcome.Invalid, Error: "data.payment_id is required");

        var signal = PaymentEventTypes.SignalOf(type);
        List<string> caseIds;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.PaymentEvents.AnyAsync(e => e.Id == id, ct)) return new(PaymentEventOutcome.Replayed);
            var order = await db.Orders.FirstOrDefaultAsync(o => o.Payment != null && (o.Payment.Id == paymentId || o.Payment.ReferenceId == paymentId), ct);
            if (order is not null && type == PaymentEventTypes.DisputeCreated) order.Payment!.Status = PaymentStatus.Disputed;
            db.PaymentEvents.Add(new PaymentEvent { Id = id, Type = type, PaymentId = paymentId, OrderId = order?.Id, ReceivedAt = clock.GetUtcNow().UtcDateTime });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                // The same event delivered twice at once: the primary key lets one in.
                return new(PaymentEventOutcome.Replayed);
            }
            caseIds = order is null || signal is null ? []
                : await db.Cases.Where(c => c.OrderId == order.Id && c.Status != CaseStatus.Closed).Select(c => c.Id).ToListAsync(ct);
        }

        var escalated = 0;
        foreach (var caseId in caseIds)
            if ((await cases.RaiseSignalAsync(caseId, signal!.Value, $"payment event {id} ({type})", $"payment-event:{id}", ct)).Succeeded)
                escalated++;
        return new(PaymentEventOutcome.Accepted, escalated);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
