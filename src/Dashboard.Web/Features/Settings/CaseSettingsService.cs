using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Web.Features.Automation;
using Dashboard.Web.Features.Stores;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Settings;

/// <summary>
/// Settings → Cases: any member of the store may read them (an agent sees them read-only), only the
/// owner may save (<see cref="Policies.StoreOwner"/>, checked here whatever the page shows). A save is
/// validated by <see cref="CaseSettingsRules"/> and based on a version: a stale one is refused, never
/// silently overwriting what another owner saved.
/// </summary>
public sealed class CaseSettingsService(IDbContextFactory<DashboardDbContext> dbFactory, StoreAccess access)
{
    /// <summary>The store's settings; throws <see cref="AccessDeniedException"/> for a non-member.</summary>
    public async Task<CaseSettingsView> GetAsync(string userId, string storeId, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.StoreMember, storeId, ct);
        var canEdit = await access.AllowsAsync(userId, Policies.StoreOwner, storeId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var store = await db.Stores.AsNoTracking().FirstAsync(s => s.Id == storeId, ct);
        var ownerEmail = await NotificationAddress.OwnerEmailAsync(db, storeId, ct);
        var settings = new CaseSettings(store.AutoReplyEnabled, store.AutoReplyText ?? "", store.AutoCloseDays, store.AutoCloseWarningDays,
            string.IsNullOrWhiteSpace(store.NotificationEmail) ? ownerEmail ?? "" : store.NotificationEmail);
        return new CaseSettingsView(store.Name, settings, store.SettingsVersion, canEdit, ownerEmail);
    }

    /// <summary>Saves when the user is the owner, every value is valid and nobody saved since <paramref name="expectedVersion"/>.</summary>
    public async Task<SettingsSaveResult> SaveAsync(string userId, string storeId, CaseSettings settings, long expectedVersion, CancellationToken ct = default)
    {
        if (!await access.AllowsAsync(userId, Policies.StoreOwner, storeId, ct))
            return new SettingsSaveResult(SettingsSaveOutcome.Forbidden, Empty, expectedVersion, SettingsSaveResult.ForbiddenMessage);
        var errors = CaseSettingsRules.Validate(settings);
        if (errors.Count > 0)
            return new SettingsSaveResult(SettingsSaveOutcome.Invalid, errors, expectedVersion, SettingsSaveResult.InvalidMessage);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var store = await db.Stores.FirstAsync(s => s.Id == storeId, ct);
        if (store.SettingsVersion != expectedVersion) return Conflict(expectedVersion);
        store.AutoReplyEnabled = settings.AutoReplyEnabled;
        store.AutoReplyText = settings.AutoReplyText.Trim() is { Length: > 0 } text ? text : null;
        store.AutoCloseDays = settings.IdleDays;
        store.AutoCloseWarningDays = settings.WarningDays;
        store.NotificationEmail = settings.NotificationEmail.Trim();
        store.SettingsVersion++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict(expectedVersion);
        }
        return new SettingsSaveResult(SettingsSaveOutcome.Saved, Empty, store.SettingsVersion, null);
    }

    /// <summary>
    /// What the preview fills the placeholders with: the store's most recent case (the All tab's first
    /// row), or clear sample values when it has none.
    /// </summary>
    public async Task<AutoReplySample> PreviewSampleAsync(string userId, string storeId, CancellationToken ct = default)
    {
        await access.DemandAsync(userId, Policies.StoreMember, storeId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var storeName = await db.Stores.Where(s => s.Id == storeId).Select(s => s.Name).FirstAsync(ct);
        var recent = await db.Cases.AsNoTracking().Where(c => c.StoreId == storeId)
            .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Subject, c.Customer, c.Order.OrderNumber })
            .FirstOrDefaultAsync(ct);
        return recent is null
            ? AutoReplySample.Sample(storeName)
            : new AutoReplySample(AutoReplies.ValuesFor(storeName, recent.Subject, recent.Customer, recent.OrderNumber), recent.Id);
    }

    private static SettingsSaveResult Conflict(long version) =>
        new(SettingsSaveOutcome.Conflict, Empty, version, SettingsSaveResult.ConflictMessage);

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
