using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Email;

namespace Dashboard.Web.Features.Cases.Effects;

/// <summary>
/// The store's auto-reply to a new case, when it enabled one: a timeline entry of kind
/// <see cref="CaseEntryKind.AutoReply"/> (shown as the store's, marked automatic) and an email to the
/// customer, both in the opening's transaction. It leaves the case as it was: status, unread count
/// and last message still say the customer waits for a person.
/// </summary>
public sealed class SendAutoReplyHandler(CaseEmails emails) : ICaseEffectHandler
{
    public CaseEffects Effect => CaseEffects.SendAutoReply;

    public async Task HandleAsync(CaseEffectContext context, CancellationToken ct)
    {
        var store = await context.StoreAsync(ct);
        if (!store.AutoReplyEnabled || string.IsNullOrWhiteSpace(store.AutoReplyText)) return;
        var text = store.AutoReplyText.Trim();
        var entry = new CaseMessage
        {
            CaseId = context.Case.Id, StoreId = context.Case.StoreId, Kind = CaseEntryKind.AutoReply,
            AuthorKind = AuthorKind.System, AuthorName = store.Name, Body = text,
            CreatedAt = context.Now, Sequence = context.NextSequence(),
        };
        context.Db.CaseMessages.Add(entry);
        await emails.AddAsync(context.Db, emails.AutoReply(store, context.Case, await context.CustomerAsync(ct), text, context.Now), ct);
    }
}
