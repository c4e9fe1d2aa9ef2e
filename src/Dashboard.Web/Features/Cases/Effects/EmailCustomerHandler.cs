using Dashboard.Domain;
using Dashboard.Web.Features.Email;

namespace Dashboard.Web.Features.Cases.Effects;

/// <summary>A merchant's reply or a support post is emailed to the customer, through the outbox.</summary>
public sealed class EmailCustomerHandler(CaseEmails emails) : ICaseEffectHandler
{
    public CaseEffects Effect => CaseEffects.EmailCustomer;

    public async Task HandleAsync(CaseEffectContext context, CancellationToken ct)
    {
        if (context.Message is not { } message) return;
        var email = emails.Reply(await context.StoreAsync(ct), context.Case, await context.CustomerAsync(ct), message);
        await emails.AddAsync(context.Db, email, ct);
    }
}
