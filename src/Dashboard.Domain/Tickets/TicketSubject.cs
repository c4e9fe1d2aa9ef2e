using System.Text;

namespace Dashboard.Domain.Tickets;

/// <summary>The subject of a ticket opened without one: the first words of its body.</summary>
public static class TicketSubject
{
    /// <summary>Generated subjects stop at a word boundary before this many characters.</summary>
    public const int GeneratedMax = 60;

    /// <summary>
    /// The body's first words, whitespace collapsed to single spaces, cut at a word boundary so the
    /// result stays within <see cref="GeneratedMax"/> characters, with "…" when something was cut.
    /// A single word longer than that is cut inside the word. Never shorter than
    /// <see cref="TicketLimits.SubjectMin"/> for a valid body (10+ characters, trimmed).
    /// </summary>
    public static string FromBody(string? body)
    {
        var words = (body ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var subject = new StringBuilder(GeneratedMax + 1);
        var cut = false;
        foreach (var word in words)
        {
            var needed = subject.Length == 0 ? word.Length : subject.Length + 1 + word.Length;
            if (needed > GeneratedMax - 1)
            {
                if (subject.Length == 0) subject.Append(word.AsSpan(0, GeneratedMax - 1));
                cut = true;
                break;
            }
            if (subject.Length > 0) subject.Append(' ');
            subject.Append(word);
        }
        var text = subject.ToString().TrimEnd('.', ',', ';', ':', '-', ' ');
        if (cut) text += "…";
        return text.Length >= TicketLimits.SubjectMin ? text : (text + " (no subject)").Trim();
    }
}
