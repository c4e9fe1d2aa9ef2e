using Dashboard.Domain;
using Dashboard.Web.Features.Email;

namespace Dashboard.Web.Features.Cases.Effects;

/// <summary>The closing email of an automatic close, in the close's transaction.</summary>
public sealed class SendAutoClosedNoticeHandler(CaseEmails emails) : ICaseEffectHandler
{
    public CaseEffects Effect => CaseEffects.SendAutoClosedNotice;

    public async Task HandleAsync(CaseEffectContext context, CancellationToken ct)
    {
        if (context.Trigger is not CaseTrigger.AutoClose close)
            throw new InvalidOperationException($"{Effect} follows the automatic close only, not {context.Trigger}");
        var email = emails.AutoClosed(await context.StoreAsync(ct), context.Case, await context.CustomerAsync(ct), close.Periods.IdleDays, context.Now);
        await emails.AddAsync(context.Db, email, ct);
    }
}
