using Dashboard.Domain;
using Dashboard.Web.Features.Email;

namespace Dashboard.Web.Features.Cases.Effects;

/// <summary>
/// The auto-close warning: an email telling the customer the day their case closes unless they
/// reply. It is added to the outbox in the same transaction that sets the case's
/// <c>AutoCloseWarnedAt</c>, so the mark and the email exist together or not at all (exactly once).
/// </summary>
public sealed class SendAutoCloseWarningHandler(CaseEmails emails) : ICaseEffectHandler
{
    public CaseEffects Effect => CaseEffects.SendAutoCloseWarning;

    public async Task HandleAsync(CaseEffectContext context, CancellationToken ct)
    {
        if (context.Trigger is not CaseTrigger.AutoCloseWarns warns)
            throw new InvalidOperationException($"{Effect} follows the auto-close warning only, not {context.Trigger}");
        var closesAt = warns.Periods.CloseDueAt(context.Case.LastActivityAt, context.Case.AutoCloseWarnedAt)!.Value;
        var email = emails.AutoCloseWarning(await context.StoreAsync(ct), context.Case, await context.CustomerAsync(ct), closesAt, context.Now);
        await emails.AddAsync(context.Db, email, ct);
    }
}
