using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Domain;

/// <summary>
/// The store's auto-reply text: up to <see cref="TextMax"/> characters with placeholders
/// (<see cref="Placeholders"/>) filled from the case when it opens. One validation for the settings
/// page and the service, one rendering for the opening, the demo seed and the live preview.
/// </summary>
public static partial class AutoReplyTemplate
{
    public const int TextMax = 2000;

    public const string CustomerFirstName = "{{customer.first_name}}";
    public const string OrderNumber = "{{order.number}}";
    public const string StoreName = "{{store.name}}";
    public const string CaseSubject = "{{case.subject}}";

    /// <summary>Every placeholder the text may use, in the order the settings page lists them.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = [CustomerFirstName, OrderNumber, StoreName, CaseSubject];

    /// <summary>"{{customer.first_name}}, {{order.number}}, …" for messages.</summary>
    public static string PlaceholderList => string.Join(", ", Placeholders);

    /// <summary>
    /// The error a merchant reads, or null: required when the auto-reply is on, at most
    /// <see cref="TextMax"/> characters after trimming, and only known, closed placeholders.
    /// </summary>
    public static string? Validate(string? text, bool enabled)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
            return enabled ? "Write the auto-reply text, or turn the auto-reply off" : null;
        if (trimmed.Length > TextMax)
            return $"The auto-reply is too long: {trimmed.Length:N0} characters, the limit is {TextMax:N0}";
        return CheckPlaceholders(trimmed);
    }

    /// <summary>The error for an unknown or unclosed placeholder in <paramref name="text"/>, or null (auto-reply and saved replies).</summary>
    public static string? CheckPlaceholders(string text)
    {
        var unknown = Tokens().Matches(text).Select(m => m.Value).Where(t => !Placeholders.Contains(Normalise(t))).Distinct().ToList();
        if (unknown.Count > 0)
            return $"{(unknown.Count == 1 ? "Unknown placeholder" : "Unknown placeholders")} {string.Join(", ", unknown)}. " +
                   $"You can use: {PlaceholderList}";
        if (Tokens().Replace(text, "").Contains("{{", StringComparison.Ordinal))
            return $"A placeholder is not closed with }}}}. You can use: {PlaceholderList}";
        return null;
    }

    /// <summary>
    /// The text with each placeholder replaced by its value (an unknown one is left as written; the
    /// settings refuse those). The result is cut to the message limit: long subjects repeated many
    /// times must not make an entry the timeline cannot hold.
    /// </summary>
    public static string Render(string text, AutoReplyValues values)
    {
        var rendered = Tokens().Replace(text.Trim(), m => Normalise(m.Value) switch
        {
            CustomerFirstName => values.CustomerFirstName,
            OrderNumber => values.OrderNumber,
            StoreName => values.StoreName,
            CaseSubject => values.CaseSubject,
            _ => m.Value,
        });
        return rendered.Length <= Limits.MessageBodyMax ? rendered : rendered[..Limits.MessageBodyMax];
    }

    /// <summary>"{{ store.name }}" and "{{store.name}}" are the same placeholder.</summary>
    private static string Normalise(string token) =>
        new StringBuilder("{{").Append(token.AsSpan(2, token.Length - 4).Trim()).Append("}}").ToString();

    [GeneratedRegex(@"\{\{[^{}]*\}\}")]
    private static partial Regex Tokens();
}
