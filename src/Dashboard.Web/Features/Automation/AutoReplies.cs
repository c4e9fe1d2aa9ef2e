using Dashboard.Data.Entities;
using Dashboard.Domain;

namespace Dashboard.Web.Features.Automation;

/// <summary>
/// The store's auto-reply as a timeline entry: its text with the placeholders filled from the case
/// just opened, written as the store's (author kind SYSTEM, the store's name) and marked automatic
/// (<see cref="CaseEntryKind.AutoReply"/>). The opening (<c>SendAutoReplyHandler</c>) and the demo seed
/// both write it from here, so a seeded case reads exactly like one a customer opened.
/// </summary>
public static class AutoReplies
{
    /// <summary>The entry for a case just opened, or null when the store has no auto-reply switched on.</summary>
    public static CaseMessage? Entry(Store store, SupportCase opened, Customer customer, Order order, DateTime at, long sequence)
    {
        if (!store.AutoReplyEnabled || string.IsNullOrWhiteSpace(store.AutoReplyText)) return null;
        return new CaseMessage
        {
            CaseId = opened.Id, StoreId = opened.StoreId, Kind = CaseEntryKind.AutoReply,
            AuthorKind = AuthorKind.System, AuthorName = store.Name,
            Body = AutoReplyTemplate.Render(store.AutoReplyText, ValuesFor(store.Name, opened.Subject, customer, order.OrderNumber)),
            CreatedAt = at, Sequence = sequence,
        };
    }

    /// <summary>The placeholders' values for a case (also the settings page's preview of a real case).</summary>
    public static AutoReplyValues ValuesFor(string storeName, string subject, Customer customer, string orderNumber) =>
        new(AutoReplyValues.FirstNameOf(customer.FirstName, customer.DisplayName), orderNumber, storeName, subject);
}
