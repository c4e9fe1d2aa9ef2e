using Dashboard.Domain;
using Dashboard.Web.Features.Automation;
using Dashboard.Web.Features.Email;

namespace Dashboard.Web.Features.Cases.Effects;

/// <summary>
/// "Merchant notified": every change reaches open dashboards through <see cref="CaseChangeFeed"/>
/// (the notification menu, the tab counts); a new case is also emailed to the store's notification
/// address (Settings → Cases; the owner's when none is set). Other changes send no merchant email
/// (the spec promises email on opening only).
/// </summary>
public sealed class NotifyMerchantHandler(CaseEmails emails) : ICaseEffectHandler
{
    public CaseEffects Effect => CaseEffects.NotifyMerchant;

    public async Task HandleAsync(CaseEffectContext context, CancellationToken ct)
    {
        if (!context.Opened) return;
        var store = await context.StoreAsync(ct);
        var to = await NotificationAddress.OfAsync(context.Db, store, ct);
        if (to is null) return;
        var email = emails.Opened(store, context.Case, await context.CustomerAsync(ct), context.Message);
        email.ToAddress = to;
        await emails.AddAsync(context.Db, email, ct);
    }
}
