using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Web.Features.Attachments;
using Dashboard.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Portal;

/// <summary>
/// The customer's side of <see cref="CaseService"/>: decides that the signed-in customer (their
/// normalized email) owns the order or the case, then hands the action to the one rules path. Another
/// customer's order or case is refused exactly like one that does not exist.
/// </summary>
public sealed class PortalCases(IDbContextFactory<DashboardDbContext> dbFactory, CaseService cases, PortalQueries queries)
{
    public const string NotYourOrder = "We could not find this order among yours.";

    /// <summary>Opens a case on one of the customer's completed orders, with up to 5 staged files.</summary>
    public async Task<CaseResult> OpenAsync(string customerEmail, string orderId, string? subject, string? body, CasePriority priority,
        IReadOnlyList<AttachmentUpload> files, CancellationToken ct = default)
    {
        if (!Ids.IsValid(orderId, Ids.Order)) return CaseResult.Invalid(NotYourOrder);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var storeId = await db.Orders.AsNoTracking()
            .Where(o => o.Id == orderId && o.Customer.NormalizedEmail == customerEmail)
            .Select(o => o.StoreId).FirstOrDefaultAsync(ct);
        if (storeId is null) return CaseResult.Invalid(NotYourOrder);
        return await cases.OpenAsync(storeId, orderId, subject, body, priority, files, ct);
    }

    /// <summary>The customer writes; a closed case reopens (the state machine decides).</summary>
    public async Task<CaseResult> ReplyAsync(string customerEmail, string caseId, string? body, IReadOnlyList<AttachmentUpload> files, CancellationToken ct = default) =>
        await queries.OwnerStoreAsync(customerEmail, caseId, ct) is { } owned
            ? await cases.CustomerReplyAsync(owned.StoreId, caseId, body, files, ct)
            : CaseResult.NotFound;

    /// <summary>The customer closes their case.</summary>
    public async Task<CaseResult> CloseAsync(string customerEmail, string caseId, CancellationToken ct = default) =>
        await queries.OwnerStoreAsync(customerEmail, caseId, ct) is { } owned
            ? await cases.CustomerCloseAsync(owned.StoreId, caseId, ct)
            : CaseResult.NotFound;
}
