using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Stores;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.SavedReplies;

/// <summary>
/// A store's saved replies (spec "Who may do what": agents and owners use and manage them). Access is
/// decided here (<see cref="Policies.StoreMember"/>); names are unique per store, the text takes the
/// auto-reply's placeholders (<see cref="SavedReplyRules"/>).
/// </summary>
public sealed class SavedReplyService(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, StoreAccess access)
{
    public const string NotAMember = "These are the saved replies of a store you are not a member of";
    public const string NotFound = "This saved reply no longer exists";

    public static string NameTaken(string name) => $"A saved reply named “{name}” already exists";
    public static string TooMany => $"A store can keep up to {SavedReplyRules.PerStoreMax:N0} saved replies; delete one first";

    /// <summary>The store's saved replies by name; nothing for someone who is not a member.</summary>
    public async Task<IReadOnlyList<SavedReplyRow>> ListAsync(string? userId, string storeId, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(userId, Policies.StoreMember, storeId, ct)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.SavedReplies.AsNoTracking().Where(r => r.StoreId == storeId)
            .Select(r => new SavedReplyRow(r.Id, r.Name, r.Body, r.UpdatedAt)).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Adds a saved reply (<paramref name="id"/> null) or changes one of the store's.</summary>
    public async Task<SavedReplyResult> SaveAsync(string? userId, string storeId, string? id, string? name, string? text, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(userId, Policies.StoreMember, storeId, ct)) return SavedReplyResult.Failed(NotAMember);
        if (SavedReplyRules.ValidateName(name) is { } nameError) return SavedReplyResult.Failed(nameError, SavedReplyResult.NameField);
        if (SavedReplyRules.ValidateText(text) is { } textError) return SavedReplyResult.Failed(textError, SavedReplyResult.TextField);
        var (cleanName, cleanText) = (name!.Trim(), text!.Trim());

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        SavedReply? reply;
        if (id is null)
        {
            if (await db.SavedReplies.CountAsync(r => r.StoreId == storeId, ct) >= SavedReplyRules.PerStoreMax) return SavedReplyResult.Failed(TooMany);
            reply = new SavedReply { StoreId = storeId, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.SavedReplies.Add(reply);
        }
        else
        {
            reply = await db.SavedReplies.FirstOrDefaultAsync(r => r.Id == id && r.StoreId == storeId, ct);
            if (reply is null) return SavedReplyResult.Failed(NotFound);
        }
        if (await db.SavedReplies.AnyAsync(r => r.StoreId == storeId && r.Name == cleanName && r.Id != reply.Id, ct))
            return SavedReplyResult.Failed(NameTaken(cleanName), SavedReplyResult.NameField);
        (reply.Name, reply.Body, reply.UpdatedAt) = (cleanName, cleanText, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same name at the same moment: the unique index decided.
            return SavedReplyResult.Failed(NameTaken(cleanName), SavedReplyResult.NameField);
        }
        return new SavedReplyResult(new SavedReplyRow(reply.Id, reply.Name, reply.Body, reply.UpdatedAt), null);
    }

    public async Task<SavedReplyResult> DeleteAsync(string? userId, string storeId, string id, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(userId, Policies.StoreMember, storeId, ct)) return SavedReplyResult.Failed(NotAMember);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.SavedReplies.Where(r => r.Id == id && r.StoreId == storeId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? SavedReplyResult.Failed(NotFound) : new SavedReplyResult(null, null);
    }

    /// <summary>The text with its placeholders filled for a case (the auto-reply's renderer and values).</summary>
    public static string Fill(string body, string storeName, SupportCase supportCase, Customer customer, Order order) =>
        AutoReplyTemplate.Render(body, Automation.AutoReplies.ValuesFor(storeName, supportCase.Subject, customer, order.OrderNumber));
}
