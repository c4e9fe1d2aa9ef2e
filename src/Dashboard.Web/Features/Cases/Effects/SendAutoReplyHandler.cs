using Dashboard.Domain;
using Dashboard.Web.Features.Automation;
using Dashboard.Web.Features.Email;

namespace Dashboard.Web.Features.Cases.Effects;

/// <summary>
/// The store's auto-reply to a new case, when it enabled one: a timeline entry of kind
/// <see cref="CaseEntryKind.AutoReply"/> with the placeholders filled (<see cref="AutoReplies"/>),
/// shown as the store's and marked automatic, and an email to the customer, both in the opening's
/// transaction. It leaves the case as it was: status, unread count and last message still say the
/// customer waits for a person.
/// </summary>
public sealed class SendAutoReplyHandler(CaseEmails emails) : ICaseEffectHandler
{
    public CaseEffects Effect => CaseEffects.SendAutoReply;

    public async Task HandleAsync(CaseEffectContext context, CancellationToken ct)
    {
        var store = await context.StoreAsync(ct);
        var customer = await context.CustomerAsync(ct);
        var entry = AutoReplies.Entry(store, context.Case, customer, await context.OrderAsync(ct), context.Now, context.NextSequence());
        if (entry is null) return;
        context.Db.CaseMessages.Add(entry);
        await emails.AddAsync(context.Db, emails.AutoReply(store, context.Case, customer, entry.Body, context.Now), ct);
    }
}
