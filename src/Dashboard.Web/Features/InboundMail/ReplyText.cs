using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Text;

namespace Dashboard.Web.Features.InboundMail;

/// <summary>
/// The words a customer actually wrote in an emailed reply: the text/plain body (HTML converted to
/// text when there is none), with the quoted history and the signature removed. Recognised: Gmail's
/// and Apple Mail's "On … wrote:" (also wrapped over lines, and a few languages), Outlook's
/// "-----Original Message-----" and "From: … Sent: …" header blocks, <c>&gt;</c> quoted lines, the
/// "-- " signature separator and "Sent from my iPhone"-style lines at the end.
/// </summary>
public static partial class ReplyText
{
    /// <summary>The message's own text, quotes and signature removed.</summary>
    public static string Extract(MimeMessage message) => StripQuoted(BodyText(message));

    /// <summary>The body as plain text: the text/plain part (format=flowed unwrapped), else the HTML parts as text.</summary>
    public static string BodyText(MimeMessage message)
    {
        var parts = message.BodyParts.OfType<TextPart>().Where(p => !p.IsAttachment && p.FileName is null).ToList();
        if (parts.FirstOrDefault(p => p.IsPlain) is { } plain)
        {
            var text = plain.Text ?? "";
            if (plain.IsFlowed)
            {
                var delsp = plain.ContentType.Parameters.TryGetValue("delsp", out string? value) && value!.Equals("yes", StringComparison.OrdinalIgnoreCase);
                text = new FlowedToText { DeleteSpace = delsp }.Convert(text);
            }
            return text;
        }
        // Apple Mail splits an HTML body around an inline attachment: every HTML part, in order, a paragraph apart.
        return string.Join("\n\n", parts.Where(p => p.IsHtml).Select(p => HtmlText.ToText(p.Text ?? "")));
    }

    /// <summary>Cuts <paramref name="text"/> at the first quote header or signature separator and drops quoted lines.</summary>
    public static string StripQuoted(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var end = lines.Length;
        for (var i = 0; i < lines.Length; i++)
        {
            if (IsQuoteHeaderAt(lines, i) || IsSignatureSeparator(lines[i]))
            {
                end = i;
                break;
            }
        }

        var kept = lines.Take(end)
            .Where(line => !line.TrimStart().StartsWith('>'))
            .Select(line => line.TrimEnd())
            .ToList();
        while (kept.Count > 0 && (kept[^1].Length == 0 || DeviceSignature().IsMatch(kept[^1]))) kept.RemoveAt(kept.Count - 1);

        // One blank line at most between paragraphs, none at the start.
        var result = new List<string>(kept.Count);
        foreach (var line in kept)
        {
            if (line.Length == 0 && (result.Count == 0 || result[^1].Length == 0)) continue;
            result.Add(line);
        }
        return string.Join('\n', result).Trim();
    }

    private static bool IsSignatureSeparator(string line) => line is "-- " or "--";

    private static bool IsQuoteHeaderAt(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (line.Length == 0) return false;
        if (OriginalMessage().IsMatch(line)) return true;
        // Outlook: an underscore rule, or the header block itself ("From:" then "Sent:"/"Date:" and "To:"/"Subject:").
        if (UnderscoreRule().IsMatch(line) && NextNonEmpty(lines, i + 1) is { } next && OutlookField().Match(next) is { Success: true, Groups: var g } && g[1].Value.Equals("From", StringComparison.OrdinalIgnoreCase))
            return true;
        if (OutlookField().Match(line) is { Success: true } from && from.Groups[1].Value.Equals("From", StringComparison.OrdinalIgnoreCase))
        {
            var fields = lines.Skip(i + 1).Take(6).Select(l => OutlookField().Match(l.Trim())).Where(m => m.Success)
                .Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet();
            if ((fields.Contains("sent") || fields.Contains("date")) && (fields.Contains("to") || fields.Contains("subject"))) return true;
        }
        // "On … wrote:" and its translations, possibly wrapped over up to three lines.
        if (!AttributionStart().IsMatch(line)) return false;
        var joined = line;
        for (var k = 0; k < 3; k++)
        {
            if (Attribution().IsMatch(joined)) return true;
            if (i + k + 1 >= lines.Length || lines[i + k + 1].Trim().Length == 0) return false;
            joined += " " + lines[i + k + 1].Trim();
        }
        return false;
    }

    private static string? NextNonEmpty(string[] lines, int from)
    {
        for (var i = from; i < lines.Length && i < from + 3; i++)
            if (lines[i].Trim() is { Length: > 0 } line) return line;
        return null;
    }

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^_{10,}$")]
    private static partial Regex UnderscoreRule();

    [GeneratedRegex(@"^\*?(From|Sent|Date|To|Cc|Subject)\*?:\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookField();

    [GeneratedRegex(@"^(On|Le|Am|El|Il|Op|Em)\s", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"^(On\s.+\swrote|Le\s.+\sa\s+écrit|Am\s.+\sschrieb\s.+|El\s.+\sescribió|Il\s.+\sha\s+scritto|Op\s.+\sschreef\s.+|Em\s.+\sescreveu)\s?:$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(Sent from my .+|Sent from (Mail|Outlook|Yahoo Mail|Gmail)( for .+)?|Get Outlook for (iOS|Android)( ?<[^>]*>)?|Sent from Outlook for (iOS|Android)( ?<[^>]*>)?|Envoyé de mon .+|Von meinem .+ gesendet|Enviado desde mi .+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DeviceSignature();
}
