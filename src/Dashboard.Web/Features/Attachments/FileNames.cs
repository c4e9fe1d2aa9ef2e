using System.Globalization;
using System.Text;

namespace Dashboard.Web.Features.Attachments;

/// <summary>Makes a user's file name safe to show and to offer on download. Never used as a storage key.</summary>
public static class FileNames
{
    public const int MaxLength = 255;
    public const string Fallback = "attachment";

    public static string Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return Fallback;
        // Only the last path part: "../../etc/passwd" and "C:\temp\x.png" keep just the file's own name.
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        if (lastSeparator >= 0) name = name[(lastSeparator + 1)..];

        var sb = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            // Control characters (CR, LF, NUL…), format characters (bidi overrides like U+202E,
            // zero-width joiners, BOM), unassigned and private-use code points are dropped.
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                continue;
            if (rune.Value is '"' or '<' or '>' or '|' or '*' or '?' or ':') { sb.Append('_'); continue; }
            sb.Append(Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
        }
        var clean = sb.ToString().Trim().Trim('.').Trim();
        while (clean.Contains("  ", StringComparison.Ordinal)) clean = clean.Replace("  ", " ", StringComparison.Ordinal);
        if (clean.Length == 0) return Fallback;
        return Shorten(clean);
    }

    /// <summary>Trims to <see cref="MaxLength"/> characters keeping the extension and whole characters.</summary>
    private static string Shorten(string name)
    {
        if (name.Length <= MaxLength) return name;
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= 16 ? name[dot..] : "";
        var stemLength = MaxLength - extension.Length;
        var stem = name[..(name.Length - extension.Length)];
        var cut = stemLength;
        if (cut > 0 && char.IsHighSurrogate(stem[cut - 1])) cut--;
        return stem[..cut].TrimEnd() + extension;
    }
}
