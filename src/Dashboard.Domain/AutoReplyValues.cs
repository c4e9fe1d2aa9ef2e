namespace Dashboard.Domain;

/// <summary>What the auto-reply's placeholders are filled with (<see cref="AutoReplyTemplate.Render"/>).</summary>
public sealed record AutoReplyValues(string CustomerFirstName, string OrderNumber, string StoreName, string CaseSubject)
{
    /// <summary>
    /// The customer's first name, or when the store does not have one (guest checkouts) the name
    /// the timeline shows them by: a greeting never reads "Hi ,".
    /// </summary>
    public static string FirstNameOf(string? firstName, string displayName) =>
        string.IsNullOrWhiteSpace(firstName) ? displayName : firstName.Trim();
}
