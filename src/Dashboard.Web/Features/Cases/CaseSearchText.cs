using System.Text;

namespace Dashboard.Web.Features.Cases;

/// <summary>One word or phrase of a search: matched as a whole word, a prefix (<c>refu*</c>) or a phrase (<c>"wrong key"</c>).</summary>
public sealed record SearchTerm(string Text, bool Prefix, bool Phrase);

/// <summary>
/// Turns what a merchant types in the search box into a full-text query that cannot fail to parse:
/// every word must appear (AND); <c>word*</c> matches words starting with it; <c>"two words"</c> is a
/// phrase; any other punctuation (quotes, operators, brackets, colons) is taken literally or dropped,
/// never as query syntax.
/// </summary>
public static class CaseSearchText
{
    public const int MaxTerms = 8;
    public const int MaxTermLength = 100;

    public static IReadOnlyList<SearchTerm> Parse(string? input)
    {
        var terms = new List<SearchTerm>();
        if (string.IsNullOrWhiteSpace(input)) return terms;
        var s = input.AsSpan();
        var i = 0;
        while (i < s.Length && terms.Count < MaxTerms)
        {
            if (char.IsWhiteSpace(s[i])) { i++; continue; }
            if (s[i] == '"')
            {
                var end = s[(i + 1)..].IndexOf('"');
                var phrase = end < 0 ? s[(i + 1)..] : s.Slice(i + 1, end);
                i = end < 0 ? s.Length : i + end + 2;
                Add(terms, Normalise(phrase), prefix: false, phrase: true);
                continue;
            }
            var start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '"') i++;
            var word = s[start..i];
            var prefix = word.EndsWith("*");
            Add(terms, Normalise(word.TrimEnd('*')), prefix, phrase: false);
        }
        return terms;
    }

    /// <summary>An FTS5 MATCH expression: each term a quoted string (quotes doubled), <c>*</c> after a prefix.</summary>
    public static string? ToSqliteMatch(IReadOnlyList<SearchTerm> terms)
    {
        if (terms.Count == 0) return null;
        var sb = new StringBuilder();
        foreach (var t in terms)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append('"').Append(t.Text.Replace("\"", "\"\"")).Append('"');
            if (t.Prefix) sb.Append('*');
        }
        return sb.ToString();
    }

    /// <summary>
    /// The same, restricted to <paramref name="column"/> and to rows of one store: the FTS tables also
    /// index StoreId, and the store's token (the id after its prefix, as the tokenizer sees it) narrows
    /// the search inside the index. Callers still compare StoreId exactly.
    /// </summary>
    public static string? ToSqliteMatch(IReadOnlyList<SearchTerm> terms, string column, string storeId)
    {
        if (ToSqliteMatch(terms) is null) return null;
        var sb = new StringBuilder();
        foreach (var t in terms)
        {
            sb.Append(column).Append(" : \"").Append(t.Text.Replace("\"", "\"\"")).Append('"');
            if (t.Prefix) sb.Append('*');
            sb.Append(' ');
        }
        var token = storeId[(storeId.IndexOf('_') + 1)..];
        sb.Append("StoreId : \"").Append(token.Replace("\"", "\"\"")).Append('"');
        return sb.ToString();
    }

    /// <summary>A SQL Server CONTAINS condition: quoted terms joined by AND, <c>"refu*"</c> for a prefix.</summary>
    public static string? ToSqlServerContains(IReadOnlyList<SearchTerm> terms)
    {
        if (terms.Count == 0) return null;
        return string.Join(" AND ", terms.Select(t => "\"" + t.Text.Replace("\"", "") + (t.Prefix ? "*" : "") + "\""));
    }

    private static void Add(List<SearchTerm> terms, string text, bool prefix, bool phrase)
    {
        // A term without a letter or digit matches nothing and is noise to the query parser.
        if (!text.Any(char.IsLetterOrDigit)) return;
        terms.Add(new SearchTerm(text.Length > MaxTermLength ? text[..MaxTermLength] : text, prefix, phrase));
    }

    private static string Normalise(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '"' || char.IsControl(c)) continue;
            sb.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }
        return sb.ToString().Trim();
    }
}
