using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;

namespace Specgen.Generator.Reading;

/// <summary>
/// Where a node of a JSON spec stands, found when asked: from the nearest container <see cref="JsonTextReader"/>
/// recorded (every one down to four levels, and every one over a kilobyte), the text is scanned along the pointer's
/// remaining steps, jumping over the recorded containers it passes (so a scan costs the members and items it passes,
/// not the text they hold: a pointer into a Swagger 2.0 document's upgraded <c>/components</c> looks for it among the
/// root's members, past <c>/paths</c>). A member is located at its key, an item at its value (a container from its opening bracket to its
/// closing one), as the YAML reader records them; a key given twice is found at its last place. The text has been
/// read whole as JSON, so the scan trusts its syntax.
/// </summary>
internal sealed class JsonTextLocator(string text, int[] lineStarts, Dictionary<string, JsonTextLocator.Entry> starts, Dictionary<int, int> ends)
{
    /// <summary>A recorded container: its opening bracket, and its key's span when it is an object's member (-1 when not).</summary>
    internal readonly struct Entry(int start, int keyStart, int keyEnd)
    {
        public int Start { get; } = start;
        public int KeyStart { get; } = keyStart;
        public int KeyEnd { get; } = keyEnd;
    }

    /// <summary>Where the node at <paramref name="pointer"/> stands in the text (its key's span for a member), or null when the text has none there.</summary>
    public (int Start, int End)? Find(string pointer)
    {
        // Only what the YAML reader's map could hold: a pointer from the root, each step escaped as it writes them.
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            return null;
        }

        // The nearest recorded container on the way; the root always is.
        var recorded = pointer;
        Entry entry;
        while (!starts.TryGetValue(recorded, out entry))
        {
            if (recorded.Length == 0)
            {
                return null;
            }

            recorded = JsonPointer.Parent(recorded);
        }

        var (start, keyStart, keyEnd) = (entry.Start, entry.KeyStart, entry.KeyEnd);
        var rest = pointer.Substring(recorded.Length);
        foreach (var raw in rest.Length == 0 ? System.Array.Empty<string>() : rest.Substring(1).Split('/'))
        {
            var key = JsonPointer.Unescape(raw);
            if (JsonPointer.Escape(key) != raw)
            {
                return null;
            }

            var found = text[start] switch
            {
                '{' => Member(start, key),
                '[' => Item(start, raw),
                _ => null,
            };

            if (found is not { } step)
            {
                return null;
            }

            (start, keyStart, keyEnd) = step;
        }

        if (keyStart >= 0)
        {
            return (keyStart, keyEnd);
        }

        // An item: a container ends at its closing bracket, as YamlDotNet ends it; a scalar after its last character.
        var end = SkipValue(start);
        return (start, text[start] is '{' or '[' ? end - 1 : end);
    }

    /// <summary>The line <paramref name="index"/> is on, from 0.</summary>
    public static int LineOf(IReadOnlyList<int> lineStarts, int index)
    {
        var (low, high) = (0, lineStarts.Count - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (lineStarts[middle] <= index)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>Where a number or literal that starts at <paramref name="index"/> ends (and the characters that would make it something else).</summary>
    public static int PlainEnd(string text, int index)
    {
        while (index < text.Length && text[index] is (>= '0' and <= '9') or '-' or '+' or '.' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
        {
            index++;
        }

        return index;
    }

    /// <summary>The value of the object's member named <paramref name="key"/> (its last, if given twice), with the key's span.</summary>
    private (int Start, int KeyStart, int KeyEnd)? Member(int index, string key)
    {
        (int, int, int)? found = null;
        index = Space(index + 1);
        while (text[index] != '}')
        {
            var keyStart = index;
            var keyEnd = SkipString(index);
            var valueStart = Space(Space(keyEnd) + 1);
            if (Matches(keyStart, keyEnd, key))
            {
                found = (valueStart, keyStart, keyEnd);
            }

            index = Space(SkipValue(valueStart));
            if (text[index] == ',')
            {
                index = Space(index + 1);
            }
        }

        return found;
    }

    /// <summary>The array's item at the index the pointer's step names.</summary>
    private (int Start, int KeyStart, int KeyEnd)? Item(int index, string step)
    {
        if (!int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var wanted) || step != wanted.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        index = Space(index + 1);
        for (var item = 0; text[index] != ']'; item++)
        {
            if (item == wanted)
            {
                return (index, -1, -1);
            }

            index = Space(SkipValue(index));
            if (text[index] == ',')
            {
                index = Space(index + 1);
            }
        }

        return null;
    }

    /// <summary>Whether the string between the quotes at <paramref name="start"/> and before <paramref name="end"/> says <paramref name="key"/>.</summary>
    private bool Matches(int start, int end, string key)
    {
        var length = end - start - 2;
        if (text.IndexOf('\\', start + 1, length) < 0)
        {
            return length == key.Length && string.CompareOrdinal(text, start + 1, key, 0, length) == 0;
        }

        // Escaped: decoded as the reader decoded it.
        return JsonTextReader.ReadString(text, ref start, out var decoded) && decoded == key;
    }

    /// <summary>Past the value that starts at <paramref name="index"/>.</summary>
    private int SkipValue(int index)
    {
        switch (text[index])
        {
            case '"':
                return SkipString(index);
            case '{' or '[' when ends.TryGetValue(index, out var end):
                return end + 1;
            case '{' or '[':
                var depth = 0;
                while (true)
                {
                    switch (text[index])
                    {
                        case '"':
                            index = SkipString(index);
                            continue;
                        case '{' or '[':
                            depth++;
                            break;
                        case '}' or ']':
                            depth--;
                            if (depth == 0)
                            {
                                return index + 1;
                            }

                            break;
                    }

                    index++;
                }

            default:
                return PlainEnd(text, index);
        }
    }

    /// <summary>Past the closing quote of the string whose opening quote is at <paramref name="index"/>.</summary>
    private int SkipString(int index)
    {
        index++;
        while (text[index] != '"')
        {
            index += text[index] == '\\' ? 2 : 1;
        }

        return index + 1;
    }

    private int Space(int index)
    {
        while (text[index] is ' ' or '\t' or '\r' or '\n')
        {
            index++;
        }

        return index;
    }

    /// <summary>The line and column of <paramref name="index"/>, from 0.</summary>
    public LinePosition Position(int index)
    {
        var line = LineOf(lineStarts, index);
        return new LinePosition(line, index - lineStarts[line]);
    }
}
