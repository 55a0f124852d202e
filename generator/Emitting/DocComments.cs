using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Specgen.Generator.Common;

namespace Specgen.Generator.Emitting;

/// <summary>
/// Writes spec text as XML doc comments. Spec text is untrusted: it is XML-escaped, split into
/// lines on every line terminator C# knows, and stripped of control and bidi-override characters,
/// so it can never end the comment or become code.
/// </summary>
internal static class DocComments
{
    /// <summary>The text's Markdown as the summary, or <paramref name="fallback"/> (plain text) when it has none.</summary>
    public static void Summary(SourceWriter writer, string? text, string? fallback = null)
    {
        var lines = MarkdownDocs.Lines(text);
        if (lines.Count == 0)
        {
            if (fallback is null)
            {
                return;
            }

            lines.Add(Escape(fallback));
        }

        Element(writer, "summary", lines);
    }

    public static void Remarks(SourceWriter writer, IReadOnlyList<string> escapedLines)
    {
        if (escapedLines.Count > 0)
        {
            Element(writer, "remarks", escapedLines);
        }
    }

    /// <summary>A parameter's description; nothing at all for a parameter without one.</summary>
    public static void Param(SourceWriter writer, string name, string? text)
    {
        // A keyword parameter is @short in code and short in its doc comment, as the compiler expects.
        Element(writer, $"param name=\"{name.TrimStart('@')}\"", MarkdownDocs.Lines(text));
    }

    /// <summary>The exception a documented error status throws, with the status and the spec's description.</summary>
    public static void Exception(SourceWriter writer, string status, string? description)
    {
        var lines = MarkdownDocs.Lines(description, lead: Escape(status) + ":");
        Element(writer, $"exception cref=\"{CSharp.Runtime}.{ExceptionType(status)}\"", lines.Count > 0 ? lines : [Escape(status)]);
    }

    /// <summary>The runtime exception an error status becomes, as <c>ApiException.FromResponse</c> picks it.</summary>
    public static string ExceptionType(string status) => status switch
    {
        "400" or "422" => "BadRequestException",
        "401" => "UnauthorizedException",
        "402" => "PaymentRequiredException",
        "403" => "ForbiddenException",
        "404" => "NotFoundException",
        "409" => "ConflictException",
        "429" => "RateLimitedException",
        _ when status.Length == 3 && status[0] == '5' => "ServerErrorException", // 5XX too
        _ => "ApiException",
    };

    /// <summary>"One of: " and a see-cref to each of a union's nested cases.</summary>
    public static string OneOf(string type, IEnumerable<string> cases) =>
        "One of: " + string.Join(", ", cases.Select(c => $"<see cref=\"{type}.{c}\"/>"));

    /// <summary>
    /// An element around escaped lines: on one line when it is one short line, else the tags on lines of their own.
    /// Nothing for no lines.
    /// </summary>
    public static void Element(SourceWriter writer, string element, IReadOnlyList<string> lines)
    {
        var close = element.Split(' ')[0];
        if (lines.Count == 0)
        {
            return;
        }

        if (lines.Count == 1 && lines[0].Length <= 100)
        {
            // A short one-line text stays on one line, as people write it.
            writer.Line($"/// <{element}>{lines[0]}</{close}>");
            return;
        }

        writer.Line($"/// <{element}>");
        foreach (var line in lines)
        {
            // A blank line of a code block is a bare ///.
            writer.Line(line.Length > 0 ? "/// " + line : "///");
        }

        writer.Line($"/// </{close}>");
    }

    /// <summary>Escapes text for XML content.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                default:
                    if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085')
                    {
                        builder.Append(' ');
                    }
                    else if (!IsDropped(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Control, format (bidi overrides, zero-width characters), surrogate and unassigned characters; tabs stay.</summary>
    public static bool IsDropped(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
            && c != '\t';
    }
}
