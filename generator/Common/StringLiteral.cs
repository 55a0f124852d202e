using System.Globalization;
using System.Text;

namespace Specgen.Generator.Common;

/// <summary>
/// Spec text as a C# string literal. Spec text is untrusted, so everything that is not plainly
/// visible is written as a <c>\uXXXX</c> escape: control characters, line and paragraph separators,
/// bidi overrides and other format characters, unassigned and private-use code points, and lone
/// surrogates. The literal holds exactly the spec's characters and reads the same in every editor.
/// </summary>
internal static class StringLiteral
{
    public static string Of(string text) => Escape(text, inLiteral: true);

    /// <summary>
    /// Spec text for a message: the same escapes for what is invisible or breaks lines, but quotes and
    /// backslashes as they are, since the text is read, not compiled.
    /// </summary>
    public static string Visible(string text) => Escape(text, inLiteral: false);

    private static string Escape(string text, bool inLiteral)
    {
        var builder = new StringBuilder(text.Length + 2);
        if (inLiteral)
        {
            builder.Append('"');
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"' when inLiteral: builder.Append("\\\""); break;
                case '\\' when inLiteral: builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (IsVisible(text, i))
                    {
                        builder.Append(c);
                    }
                    else
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return (inLiteral ? builder.Append('"') : builder).ToString();
    }

    private static bool IsVisible(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return index > 0 && char.IsHighSurrogate(text[index - 1]);
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.SpaceSeparator)
            || c == ' ';
    }
}
