using System.Text;
using MimeKit.Text;

namespace Dashboard.Web.Features.InboundMail;

/// <summary>
/// Turns an HTML email body into plain text for an HTML-only reply: one line per block (mail clients
/// write a line as a <c>div</c> or an Outlook <c>p</c>), <c>br</c> as a line break, blockquotes as
/// <c>&gt; </c> lines (so <see cref="ReplyText"/> removes them like quoted plain text), links as
/// their text; styles, scripts and the head dropped. Never rendered: the result is text.
/// </summary>
public static class HtmlText
{
    public static string ToText(string html)
    {
        var writer = new LineWriter();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var skipDepth = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlDataToken data when skipDepth == 0:
                    writer.Text(data.Data);
                    break;
                case HtmlTagToken tag:
                    if (IsSkipped(tag.Id))
                    {
                        if (!tag.IsEmptyElement) skipDepth = Math.Max(0, skipDepth + (tag.IsEndTag ? -1 : 1));
                        break;
                    }
                    if (skipDepth > 0) break;
                    Tag(writer, tag);
                    break;
            }
        }
        return writer.Finish();
    }

    private static bool IsSkipped(HtmlTagId id) => id is HtmlTagId.Head or HtmlTagId.Style or HtmlTagId.Script or HtmlTagId.Title;

    private static void Tag(LineWriter writer, HtmlTagToken tag)
    {
        switch (tag.Id)
        {
            case HtmlTagId.Br:
                writer.Break();
                break;
            case HtmlTagId.BlockQuote:
                writer.EndLine();
                writer.QuoteDepth = Math.Max(0, writer.QuoteDepth + (tag.IsEndTag ? -1 : 1));
                break;
            case HtmlTagId.LI when !tag.IsEndTag:
                writer.EndLine();
                writer.Text("- ");
                break;
            case HtmlTagId.P or HtmlTagId.Div or HtmlTagId.LI or HtmlTagId.UL or HtmlTagId.OL or HtmlTagId.Table or HtmlTagId.TR
                or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6
                or HtmlTagId.HR or HtmlTagId.Pre or HtmlTagId.Body or HtmlTagId.Html:
                writer.EndLine();
                break;
            case HtmlTagId.TD or HtmlTagId.TH when !tag.IsEndTag:
                writer.Text(" ");
                break;
        }
    }

    /// <summary>Collects lines: runs of white space become one space, a non-breaking space is content.</summary>
    private sealed class LineWriter
    {
        private readonly List<string> _lines = [];
        private readonly StringBuilder _line = new();
        private int _lineDepth;

        public int QuoteDepth { get; set; }

        public void Text(string text)
        {
            foreach (var c in text)
            {
                if (c is ' ' or '\t' or '\r' or '\n' or '\f')
                {
                    // Collapsed, and never at the start of a line: indentation in HTML source is not text.
                    if (_line.Length > 0 && _line[^1] != ' ') _line.Append(' ');
                    continue;
                }
                if (_line.Length == 0) _lineDepth = QuoteDepth;
                _line.Append(c == '\u00A0' ? ' ' : c);
            }
        }

        /// <summary>A line break (<c>br</c>): always ends a line, an empty one too.</summary>
        public void Break()
        {
            if (_line.Length == 0) _lineDepth = QuoteDepth;
            Flush();
        }

        /// <summary>A block boundary: ends the current line if it has anything.</summary>
        public void EndLine()
        {
            if (_line.Length > 0) Flush();
        }

        public string Finish()
        {
            EndLine();
            return string.Join('\n', _lines).Trim('\n');
        }

        private void Flush()
        {
            var text = _line.ToString().Trim();
            _lines.Add(_lineDepth > 0 ? string.Concat(string.Concat(Enumerable.Repeat("> ", _lineDepth)), text).TrimEnd() : text);
            _line.Clear();
        }
    }
}
