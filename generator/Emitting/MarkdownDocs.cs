using System;
using System.Collections.Generic;
using System.Text;

namespace Specgen.Generator.Emitting;

/// <summary>
/// The Markdown a spec's descriptions are written in, as XML doc comment lines: paragraphs, headings, bullet and
/// numbered lists, fenced and indented code, inline code, emphasis, links and bare URLs. It reads the common
/// line-based forms, not all of CommonMark. Spec text is untrusted: every character of it is XML-escaped, no line
/// terminator survives inside a line, control and bidi characters are dropped, and a link becomes
/// <c>&lt;see href&gt;</c> only for an absolute http or https URL (attribute-escaped); any other link is its text.
/// </summary>
internal static class MarkdownDocs
{
    /// <summary>The width paragraphs are wrapped at.</summary>
    private const int Width = 100;

    /// <summary>How deep lists nest, and emphasis and links inside each other, before the rest is plain text.</summary>
    private const int MaxDepth = 4;

    /// <summary>Marks a space in text, where a paragraph may wrap; spec text never holds it (control characters are dropped).</summary>
    private const char Break = '\u0001';

    /// <summary>
    /// The text as escaped doc comment lines (without the <c>///</c>); none for blank text. A single paragraph is its
    /// wrapped lines; several blocks, or <paramref name="paragraphs"/>, put each paragraph in a <c>&lt;para&gt;</c>.
    /// <paramref name="lead"/> (escaped text, no markup) starts the first paragraph, or is a line of its own before other blocks.
    /// </summary>
    public static List<string> Lines(string? text, bool paragraphs = false, string? lead = null)
    {
        var output = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return output;
        }

        var blocks = Blocks(SourceLines(text!), 0);
        if (lead is not null)
        {
            if (blocks.Count > 0 && blocks[0] is Paragraph first)
            {
                blocks[0] = new Paragraph(lead.Replace(' ', Break) + Break + first.Xml);
            }
            else
            {
                output.Add(lead);
            }
        }

        Write(blocks, output, paragraphs || blocks.Count > 1);
        return output;
    }

    private abstract class Block;

    private sealed class Paragraph(string xml) : Block
    {
        public string Xml { get; } = xml;
    }

    private sealed class Heading(string xml) : Block
    {
        public string Xml { get; } = xml;
    }

    private sealed class Code(List<string> lines) : Block
    {
        public List<string> Lines { get; } = lines;
    }

    private sealed class ListBlock(bool numbered, List<List<Block>> items) : Block
    {
        public bool Numbered { get; } = numbered;

        public List<List<Block>> Items { get; } = items;
    }

    private static void Write(List<Block> blocks, List<string> output, bool paragraphs)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph paragraph when paragraphs:
                    Enclose(output, "<para>", Wrap(paragraph.Xml), "</para>");
                    break;
                case Paragraph paragraph:
                    output.AddRange(Wrap(paragraph.Xml));
                    break;
                case Heading heading:
                    Enclose(output, "<para><b>", Wrap(heading.Xml), "</b></para>");
                    break;
                case Code code:
                    output.Add("<code>");
                    foreach (var line in code.Lines)
                    {
                        output.Add(DocComments.Escape(line).TrimEnd());
                    }

                    output.Add("</code>");
                    break;
                case ListBlock list:
                    output.Add(list.Numbered ? "<list type=\"number\">" : "<list type=\"bullet\">");
                    foreach (var item in list.Items)
                    {
                        if (item.Count == 1 && item[0] is Paragraph only)
                        {
                            Enclose(output, "<item><description>", Wrap(only.Xml), "</description></item>");
                            continue;
                        }

                        var lines = new List<string>();
                        Write(item, lines, paragraphs: true);
                        Enclose(output, "<item><description>", lines, "</description></item>");
                    }

                    output.Add("</list>");
                    break;
            }
        }
    }

    /// <summary>Lines between an opening and a closing tag: on one line when they fit, else each on its own.</summary>
    private static void Enclose(List<string> output, string open, List<string> lines, string close)
    {
        if (lines.Count == 1 && lines[0].Length <= Width)
        {
            output.Add(open + lines[0] + close);
            return;
        }

        output.Add(open);
        output.AddRange(lines);
        output.Add(close);
    }

    /// <summary>Inline XML as lines of at most <see cref="Width"/> characters, broken only where its text has a space.</summary>
    private static List<string> Wrap(string xml)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in xml.Split(Break))
        {
            if (word.Length == 0)
            {
                continue;
            }

            if (line.Length > 0 && line.Length + 1 + word.Length > Width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>The text split on every line terminator C# knows, without dropped characters, tabs as spaces, right-trimmed.</summary>
    private static List<string> SourceLines(string text)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                lines.Add(current.ToString().TrimEnd());
                current.Clear();
            }
            else if (c == '\t')
            {
                current.Append("    ");
            }
            else if (!DocComments.IsDropped(c))
            {
                current.Append(c);
            }
        }

        lines.Add(current.ToString().TrimEnd());
        return lines;
    }

    private static List<Block> Blocks(List<string> lines, int depth)
    {
        var blocks = new List<Block>();
        var paragraph = new List<string>();

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new Paragraph(Inline(string.Join(" ", paragraph), 0)));
                paragraph.Clear();
            }
        }

        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            var indent = Indent(line);
            if (line.Length == 0)
            {
                Flush();
                i++;
            }
            else if (indent >= 4 && paragraph.Count == 0)
            {
                blocks.Add(new Code(IndentedCode(lines, ref i)));
            }
            else if (Fence(line) is { } fence)
            {
                Flush();
                blocks.Add(new Code(FencedCode(lines, ref i, fence, indent)));
            }
            else if (HeadingText(line) is { } heading)
            {
                Flush();
                if (heading.Length > 0)
                {
                    blocks.Add(new Heading(Inline(heading, 0)));
                }

                i++;
            }
            else if (paragraph.Count > 0 && IsUnderline(line))
            {
                // A setext heading: the paragraph above a line of = or -.
                blocks.Add(new Heading(Inline(string.Join(" ", paragraph), 0)));
                paragraph.Clear();
                i++;
            }
            else if (IsRule(line))
            {
                Flush();
                i++;
            }
            else if (depth < MaxDepth && Marker(line) is { } marker && (paragraph.Count == 0 || !marker.Numbered || marker.Number == 1))
            {
                // A list may follow a paragraph line directly; a numbered one then starts at 1, so a wrapped "2019." is text.
                Flush();
                blocks.Add(List(lines, ref i, marker, depth));
            }
            else
            {
                paragraph.Add(line.Trim());
                i++;
            }
        }

        Flush();
        return blocks;
    }

    private static List<string> IndentedCode(List<string> lines, ref int i)
    {
        var code = new List<string>();
        while (i < lines.Count && (lines[i].Length == 0 || Indent(lines[i]) >= 4))
        {
            code.Add(lines[i].Length == 0 ? string.Empty : lines[i].Substring(4));
            i++;
        }

        while (code.Count > 0 && code[code.Count - 1].Length == 0)
        {
            code.RemoveAt(code.Count - 1);
        }

        return code;
    }

    private static List<string> FencedCode(List<string> lines, ref int i, string fence, int indent)
    {
        var code = new List<string>();
        i++;
        while (i < lines.Count)
        {
            var line = lines[i++];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.TrimEnd(fence[0]).Length == 0)
            {
                break;
            }

            code.Add(line.Substring(Math.Min(indent, Indent(line))));
        }

        return code;
    }

    private static ListBlock List(List<string> lines, ref int i, ListMarker first, int depth)
    {
        var items = new List<List<Block>>();
        var marker = first;
        while (true)
        {
            var item = new List<string> { lines[i].Substring(marker.ContentStart) };
            var inside = Math.Min(marker.ContentStart, marker.Indent + 2);
            var blank = false;
            i++;
            while (i < lines.Count)
            {
                var line = lines[i];
                var indent = Indent(line);
                if (line.Length == 0)
                {
                    blank = true;
                    item.Add(string.Empty);
                }
                else if (indent >= inside)
                {
                    // Indented under the item: its own text, a nested list or code, with the item's indentation off.
                    blank = false;
                    item.Add(line.Substring(Math.Min(indent, marker.ContentStart)));
                }
                else if (!blank && !StartsBlock(line))
                {
                    // A lazy continuation of the item's last line.
                    item.Add(line.Trim());
                }
                else
                {
                    break;
                }

                i++;
            }

            items.Add(Blocks(item, depth + 1));
            if (i >= lines.Count || Marker(lines[i]) is not { } next || next.Numbered != first.Numbered)
            {
                return new ListBlock(first.Numbered, items);
            }

            marker = next;
        }
    }

    private sealed class ListMarker(bool numbered, int number, int indent, int contentStart)
    {
        public bool Numbered { get; } = numbered;

        public int Number { get; } = number;

        public int Indent { get; } = indent;

        public int ContentStart { get; } = contentStart;
    }

    /// <summary>A list item's marker: <c>-</c>, <c>*</c> or <c>+</c>, or a number and <c>.</c> or <c>)</c>, then a space.</summary>
    private static ListMarker? Marker(string line)
    {
        var indent = Indent(line);
        if (indent > 3 || indent >= line.Length)
        {
            return null;
        }

        var at = indent;
        var numbered = false;
        var number = 0;
        if (line[at] is '-' or '*' or '+')
        {
            at++;
        }
        else
        {
            while (at < line.Length && at - indent < 9 && line[at] is >= '0' and <= '9')
            {
                number = (number * 10) + (line[at] - '0');
                at++;
            }

            if (at == indent || at >= line.Length || line[at] is not ('.' or ')'))
            {
                return null;
            }

            numbered = true;
            at++;
        }

        if (at < line.Length && line[at] != ' ')
        {
            return null;
        }

        var content = at;
        while (content < line.Length && line[content] == ' ')
        {
            content++;
        }

        return new ListMarker(numbered, number, indent, content == line.Length ? line.Length : Math.Min(content, at + 4));
    }

    private static bool StartsBlock(string line) =>
        Indent(line) < 4 && (Fence(line) is not null || HeadingText(line) is not null || IsRule(line) || Marker(line) is not null);

    private static int Indent(string line)
    {
        var indent = 0;
        while (indent < line.Length && line[indent] == ' ')
        {
            indent++;
        }

        return indent;
    }

    /// <summary>The fence a line opens (three or more backticks or tildes), or null.</summary>
    private static string? Fence(string line)
    {
        var trimmed = line.TrimStart();
        if (Indent(line) > 3 || trimmed.Length < 3 || trimmed[0] is not ('`' or '~'))
        {
            return null;
        }

        var length = Run(trimmed, 0, trimmed[0]);
        if (length < 3 || (trimmed[0] == '`' && trimmed.IndexOf('`', length) >= 0))
        {
            return null;
        }

        return trimmed.Substring(0, length);
    }

    private static string? HeadingText(string line)
    {
        var trimmed = line.TrimStart();
        var level = Run(trimmed, 0, '#');
        if (Indent(line) > 3 || level is < 1 or > 6 || (level < trimmed.Length && trimmed[level] != ' '))
        {
            return null;
        }

        // A closing run of # goes, when a space stands before it.
        var text = trimmed.Substring(level).Trim();
        var closing = text.TrimEnd('#');
        return closing.Length == 0 || closing[closing.Length - 1] == ' ' ? closing.Trim() : text;
    }

    private static bool IsUnderline(string line)
    {
        var trimmed = line.Trim();
        return Indent(line) <= 3 && trimmed.Length > 0 && trimmed[0] is '=' or '-' && trimmed.TrimEnd(trimmed[0]).Length == 0;
    }

    /// <summary>A thematic break: three or more <c>-</c>, <c>*</c> or <c>_</c>, spaces between allowed.</summary>
    private static bool IsRule(string line)
    {
        var compact = line.Replace(" ", string.Empty);
        return Indent(line) <= 3 && compact.Length >= 3 && compact[0] is '-' or '*' or '_' && compact.TrimEnd(compact[0]).Length == 0;
    }

    private static int Run(string text, int at, char c)
    {
        var end = at;
        while (end < text.Length && text[end] == c)
        {
            end++;
        }

        return end - at;
    }

    /// <summary>Inline Markdown as escaped XML, with <see cref="Break"/> for each space of the text.</summary>
    private static string Inline(string text, int depth)
    {
        var xml = new StringBuilder();
        // The first position from which no closer exists for a delimiter run (character and length): searched once.
        var noCloserFrom = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            int end;
            string? markup;
            if (c == '\\' && i + 1 < text.Length && IsAsciiPunctuation(text[i + 1]))
            {
                Text(xml, text.Substring(i + 1, 1));
                i += 2;
                continue;
            }

            if (c == '`')
            {
                var run = Run(text, i, '`');
                var close = FindCodeClose(text, i + run, run, noCloserFrom);
                if (close < 0)
                {
                    Text(xml, text.Substring(i, run));
                    i += run;
                    continue;
                }

                var code = text.Substring(i + run, close - i - run);
                if (code.Length > 2 && code[0] == ' ' && code[code.Length - 1] == ' ' && code.Trim().Length > 0)
                {
                    code = code.Substring(1, code.Length - 2);
                }

                xml.Append("<c>");
                Text(xml, code);
                xml.Append("</c>");
                i = close + run;
                continue;
            }

            if (depth < MaxDepth && ((markup = Link(text, i, depth, out end)) is not null
                || (markup = Url(text, i, out end)) is not null
                || (markup = Emphasis(text, i, depth, noCloserFrom, out end)) is not null))
            {
                xml.Append(markup);
                i = end;
                continue;
            }

            var literal = c is '*' or '_' ? Run(text, i, c) : 1;
            Text(xml, text.Substring(i, literal));
            i += literal;
        }

        return xml.ToString();
    }

    /// <summary>Escaped text, its spaces as <see cref="Break"/>.</summary>
    private static void Text(StringBuilder xml, string text)
    {
        foreach (var c in DocComments.Escape(text))
        {
            xml.Append(c == ' ' ? Break : c);
        }
    }

    private static int FindCodeClose(string text, int from, int run, Dictionary<string, int> noCloserFrom)
    {
        var key = "`" + run.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (noCloserFrom.TryGetValue(key, out var none) && from >= none)
        {
            return -1;
        }

        for (var at = text.IndexOf('`', from); at >= 0; at = text.IndexOf('`', at))
        {
            var length = Run(text, at, '`');
            if (length == run)
            {
                return at;
            }

            at += length;
        }

        noCloserFrom[key] = from;
        return -1;
    }

    /// <summary><c>[text](url)</c> or <c>![alt](url)</c> at <paramref name="at"/>: a see-href for an http(s) URL, else its text.</summary>
    private static string? Link(string text, int at, int depth, out int end)
    {
        end = at;
        var open = text[at] == '!' && at + 1 < text.Length && text[at + 1] == '[' ? at + 1 : at;
        if (text[open] != '[')
        {
            return null;
        }

        var close = Matching(text, open, '[', ']', 500);
        if (close < 0 || close + 1 >= text.Length || text[close + 1] != '(')
        {
            return null;
        }

        var last = Matching(text, close + 1, '(', ')', 2000);
        if (last < 0)
        {
            return null;
        }

        // The destination, without <…> around it or a "title" after it; anything else after a space is no link.
        var destination = text.Substring(close + 2, last - close - 2).Trim();
        var space = destination.IndexOf(' ');
        var title = space >= 0 ? destination.Substring(space).Trim() : string.Empty;
        var titled = title.Length == 0 || (title.Length > 1 && title[0] is '"' or '\'' && title[title.Length - 1] == title[0]);
        destination = !titled ? string.Empty : space >= 0 ? destination.Substring(0, space) : destination;
        if (destination.Length > 1 && destination[0] == '<' && destination[destination.Length - 1] == '>')
        {
            destination = destination.Substring(1, destination.Length - 2);
        }

        end = last + 1;
        var label = Inline(text.Substring(open + 1, close - open - 1), MaxDepth);
        if (Href(destination) is not { } href)
        {
            return label;
        }

        return label.Length == 0 ? $"<see href=\"{href}\"/>" : $"<see href=\"{href}\">{label}</see>";
    }

    /// <summary>The index of the bracket closing the one at <paramref name="open"/>, within <paramref name="limit"/> characters; -1 if none.</summary>
    private static int Matching(string text, int open, char opening, char closing, int limit)
    {
        var nesting = 0;
        for (var i = open; i < text.Length && i - open <= limit; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == opening)
            {
                nesting++;
            }
            else if (text[i] == closing && --nesting == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A bare <c>http(s)://</c> URL starting a word, or one in angle brackets, as a see-href; null if there is none.</summary>
    private static string? Url(string text, int at, out int end)
    {
        end = at;
        if (text[at] == '<')
        {
            var close = text.IndexOf('>', at, Math.Min(text.Length - at, 2000));
            var inside = close > at ? text.Substring(at + 1, close - at - 1) : string.Empty;
            if (inside.IndexOf(' ') >= 0 || Href(inside) is not { } bracketed)
            {
                return null;
            }

            end = close + 1;
            return $"<see href=\"{bracketed}\"/>";
        }

        if (text[at] is not ('h' or 'H') || (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '/' or '_' or '-'))
            || !(Starts(text, at, "http://") || Starts(text, at, "https://")))
        {
            return null;
        }

        var stop = at;
        while (stop < text.Length && !char.IsWhiteSpace(text[stop]) && text[stop] is not ('<' or '>' or '"' or '`'))
        {
            stop++;
        }

        // Punctuation that ends a sentence is not part of the URL, nor a bracket the URL did not open.
        while (stop > at && (text[stop - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*' or '_'
            || (text[stop - 1] == ')' && Count(text, at, stop, '(') < Count(text, at, stop, ')'))
            || (text[stop - 1] == ']' && Count(text, at, stop, '[') < Count(text, at, stop, ']'))))
        {
            stop--;
        }

        if (Href(text.Substring(at, stop - at)) is not { } href)
        {
            return null;
        }

        end = stop;
        return $"<see href=\"{href}\"/>";
    }

    private static bool Starts(string text, int at, string prefix) =>
        string.Compare(text, at, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static int Count(string text, int from, int to, char c)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            count += text[i] == c ? 1 : 0;
        }

        return count;
    }

    /// <summary>An absolute http or https URL, escaped for an attribute value; null for anything else.</summary>
    private static string? Href(string url)
    {
        foreach (var c in url)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || DocComments.IsDropped(c))
            {
                return null;
            }
        }

        if (!(Starts(url, 0, "http://") || Starts(url, 0, "https://")) || url.Length > 2000
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        return DocComments.Escape(url).Replace("'", "&apos;");
    }

    /// <summary>
    /// <c>**bold**</c>/<c>__bold__</c> or <c>*em*</c>/<c>_em_</c> at <paramref name="at"/>; null if it does not open one. An
    /// underscore opens and closes only at a word's edge, so snake_case stays as it is.
    /// </summary>
    private static string? Emphasis(string text, int at, int depth, Dictionary<string, int> noCloserFrom, out int end)
    {
        end = at;
        var c = text[at];
        var run = c is '*' or '_' ? Run(text, at, c) : 0;
        var inner = at + run;
        if (run is < 1 or > 2 || inner >= text.Length || char.IsWhiteSpace(text[inner])
            || (c == '_' && at > 0 && char.IsLetterOrDigit(text[at - 1])))
        {
            return null;
        }

        var key = new string(c, run);
        if (noCloserFrom.TryGetValue(key, out var none) && inner + 1 >= none)
        {
            return null;
        }

        for (var close = text.IndexOf(key, inner + 1, StringComparison.Ordinal); close >= 0; close = text.IndexOf(key, close + 1, StringComparison.Ordinal))
        {
            var after = close + run;
            if (text[close - 1] == c || (after < text.Length && text[after] == c) || char.IsWhiteSpace(text[close - 1])
                || (c == '_' && after < text.Length && char.IsLetterOrDigit(text[after])))
            {
                continue;
            }

            end = after;
            var tag = run == 2 ? "b" : "i";
            return $"<{tag}>{Inline(text.Substring(inner, close - inner), depth + 1)}</{tag}>";
        }

        noCloserFrom[key] = inner + 1;
        return null;
    }

    private static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';
}
