using System.Globalization;
using System.Text;

namespace Dashboard.Domain;

/// <summary>
/// What a message body may contain and how long it is, as a person reading it would judge: one
/// place for the server's validation, the reply box's counter, the timeline and the emails.
/// </summary>
public static class MessageText
{
    /// <summary>
    /// The characters a person sees: user-perceived characters (extended grapheme clusters, UAX #29),
    /// so an emoji, a flag, a family emoji or an accented letter typed as two code points is one.
    /// </summary>
    public static int VisibleLength(string text) => text.Length == 0 ? 0 : new StringInfo(text).LengthInTextElements;

    /// <summary>
    /// Line breaks as <c>\n</c> (a browser or an API client may send CR LF or a lone CR), then the
    /// explicit bidi embeddings, overrides and isolates removed (see <see cref="NeutralizeBidi"/>).
    /// </summary>
    public static string Normalize(string text) => NeutralizeBidi(text.Replace("\r\n", "\n").Replace('\r', '\n'));

    /// <summary>
    /// The first control character other than newline and tab (NUL, ESC, DEL, C1 controls…), or null.
    /// Such characters show as nothing or as garbage, and a NUL would end the body early in many mail readers.
    /// </summary>
    public static char? FirstControlCharacter(string text)
    {
        foreach (var c in text)
            if (char.IsControl(c) && c is not '\n' and not '\t') return c;
        return null;
    }

    /// <summary>
    /// True when nothing in <paramref name="text"/> would show: white space, zero-width and format
    /// characters (ZWSP, ZWJ, BOM, word joiner, soft hyphen, bidi marks, tags), variation selectors and
    /// the "blank" letters (Hangul fillers, braille blank) people use to fake an empty message.
    /// </summary>
    public static bool IsInvisible(string text)
    {
        foreach (var rune in text.EnumerateRunes())
            if (!IsInvisible(rune)) return false;
        return true;
    }

    /// <summary>
    /// Removes the explicit bidi formatting characters (LRE, RLE, PDF, LRO, RLO: U+202A–U+202E; LRI,
    /// RLI, FSI, PDI: U+2066–U+2069). They make text display in an order other than the one it was
    /// written in ("invoice‮fdp.exe" shows as "invoiceexe.pdf"), which a support thread never needs:
    /// right-to-left text displays right without them, and the marks LRM/RLM/ALM are kept.
    /// </summary>
    public static string NeutralizeBidi(string text)
    {
        if (!text.Any(IsBidiControl)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!IsBidiControl(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>
    /// A stored body made safe to show: bidi controls removed and any control character (from rows
    /// written before these rules) shown as U+FFFD. New bodies never need it; old ones might.
    /// </summary>
    public static string ForDisplay(string text)
    {
        var neutral = NeutralizeBidi(text);
        if (FirstControlCharacter(neutral) is null) return neutral;
        var sb = new StringBuilder(neutral.Length);
        foreach (var c in neutral) sb.Append(char.IsControl(c) && c is not '\n' and not '\t' ? '\uFFFD' : c);
        return sb.ToString();
    }

    /// <summary>How a refused character is named in an error message: "U+0000".</summary>
    public static string CodePoint(char c) => $"U+{(int)c:X4}";

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static bool IsInvisible(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune)) return true;
        if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format) return true; // ZWSP, ZWJ, BOM, bidi, tags…
        return rune.Value is 0x034F                       // combining grapheme joiner
            or >= 0xFE00 and <= 0xFE0F                    // variation selectors
            or >= 0xE0100 and <= 0xE01EF                  // variation selectors supplement
            or 0x115F or 0x1160 or 0x3164 or 0xFFA0       // Hangul fillers
            or 0x2800                                     // braille pattern blank
            or 0x180E;                                    // Mongolian vowel separator
    }
}
