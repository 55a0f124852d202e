using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace Specgen.Generator.Reading;

/// <summary>
/// Reads a spec written as JSON into the tree <see cref="YamlReader"/> would make of it (JSON is YAML), several times
/// faster: GitHub's 13 MB description spent a second in YamlDotNet's general parser, most of it recording where each of
/// its 700,000 nodes stands. This reader records where the big and shallow containers start
/// and end (<see cref="JsonTextLocator"/>) and finds any other node in the text when a diagnostic asks for it, at the place
/// the YAML reader would have recorded. Only plain JSON is taken: anything else (YAML, comments, a syntax error, a
/// limit reached, a line break YAML counts and JSON does not, a tab outside the root, an escape of half a surrogate
/// pair) returns false, and the caller reads the text as YAML,
/// which reports what is wrong where it is. Numbers and literals become nodes by YAML's rules
/// (<see cref="YamlReader.PlainScalar"/>) and a key given twice keeps its last value, as there.
/// </summary>
internal sealed class JsonTextReader
{
    private readonly string _text;
    private readonly List<(string Key, Mark At)> _duplicates = new();
    private readonly List<int> _lineStarts = new() { 0 };
    private readonly Dictionary<string, JsonTextLocator.Entry> _starts = new(System.StringComparer.Ordinal);
    private readonly Dictionary<int, int> _ends = new();
    private int _index;
    private int _nodes;

    private JsonTextReader(string text) => _text = text;

    /// <summary>
    /// The tree of <paramref name="text"/> when it is one JSON object or array, with how to locate its nodes given to
    /// <paramref name="map"/> and each key given twice in <paramref name="duplicates"/>; false, with nothing recorded,
    /// when it is not plain JSON.
    /// </summary>
    public static bool TryRead(string text, SourceMap map, List<(string Key, Mark At)> duplicates, out JsonNode? root)
    {
        root = null;
        var start = 0;
        // YAML takes no tab outside the root's brackets, so neither does this reader.
        while (start < text.Length && text[start] is ' ' or '\r' or '\n')
        {
            start++;
        }

        if (start == text.Length || text[start] is not ('{' or '['))
        {
            return false;
        }

        var reader = new JsonTextReader(text);
        if (!reader.Read(out root))
        {
            root = null;
            return false;
        }

        map.LocateIn(new JsonTextLocator(text, reader._lineStarts.ToArray(), reader._starts, reader._ends));
        duplicates.AddRange(reader._duplicates);
        return true;
    }

    /// <summary>A container being read: its node, where it stands and, for an object, the key whose value comes next.</summary>
    private sealed class Frame(JsonNode node, Frame? parent, string? segment, int start, int keyStart, int keyEnd)
    {
        private string? _pointer;

        public JsonNode Node { get; } = node;
        public Frame? Parent { get; } = parent;
        public int Depth { get; } = parent is null ? 0 : parent.Depth + 1;
        public int Start { get; } = start;
        public int KeyStart { get; } = keyStart;
        public int KeyEnd { get; } = keyEnd;
        public string? Key { get; set; }
        public int PendingKeyStart { get; set; } = -1;
        public int PendingKeyEnd { get; set; } = -1;

        /// <summary>Made only for the containers recorded (and so their ancestors), not for every node.</summary>
        public string Pointer => _pointer ??= Parent is null ? string.Empty : Parent.Pointer + "/" + JsonPointer.Escape(segment!);

        public char Closer => Node is JsonObject ? '}' : ']';

        public string NextSegment() => Node is JsonArray array ? array.Count.ToString(CultureInfo.InvariantCulture) : Key!;
    }

    private bool Read(out JsonNode? root)
    {
        root = null;
        var stack = new Stack<Frame>();
        SkipSpace();
        while (true)
        {
            // At a value: the root, an array's item or (after its key and colon) an object member's.
            if (_index >= _text.Length || ++_nodes > YamlReader.MaxNodes)
            {
                return false;
            }

            JsonNode? value;
            switch (_text[_index])
            {
                case '{' or '[':
                    if (stack.Count >= YamlReader.MaxDepth)
                    {
                        return false;
                    }

                    var parent = stack.Count == 0 ? null : stack.Peek();
                    var frame = new Frame(_text[_index] == '{' ? new JsonObject() : new JsonArray(), parent, parent?.NextSegment(), _index,
                        parent?.PendingKeyStart ?? -1, parent?.PendingKeyEnd ?? -1);
                    _index++;
                    SkipSpace();
                    if (_index < _text.Length && _text[_index] == frame.Closer)
                    {
                        // {} or []: closed at once.
                        value = Close(frame);
                        break;
                    }

                    stack.Push(frame);
                    if (frame.Node is JsonObject && !Key(frame))
                    {
                        return false;
                    }

                    continue;
                case '"':
                    if (!String(out var text))
                    {
                        return false;
                    }

                    value = JsonValue.Create(text);
                    break;
                default:
                    if (!Plain(out value))
                    {
                        return false;
                    }

                    break;
            }

            // The value is whole: attach it, and close each container that ends after it.
            while (true)
            {
                if (stack.Count == 0)
                {
                    root = value;
                    var end = _index;
                    SkipSpace();
                    return _index == _text.Length && _text.IndexOf('\t', end) < 0;
                }

                var parent = stack.Peek();
                Attach(parent, value);
                SkipSpace();
                if (_index >= _text.Length)
                {
                    return false;
                }

                if (_text[_index] == ',')
                {
                    _index++;
                    SkipSpace();
                    if (parent.Node is JsonObject && !Key(parent))
                    {
                        return false;
                    }

                    break;
                }

                if (_text[_index] != parent.Closer)
                {
                    return false;
                }

                value = Close(stack.Pop());
            }
        }
    }

    /// <summary>Containers shallower than this are recorded whatever their size (operations, schemas, their first parts).</summary>
    private const int RecordedDepth = 4;

    /// <summary>Containers at least this long are recorded at any depth, so finding a node never scans more than this below the nearest one recorded.</summary>
    private const int RecordedLength = 1024;

    /// <summary>A container at its closing bracket, past which this moves: recorded if shallow or big.</summary>
    private JsonNode Close(Frame frame)
    {
        if (frame.Depth <= RecordedDepth || _index - frame.Start >= RecordedLength)
        {
            _starts[frame.Pointer] = new JsonTextLocator.Entry(frame.Start, frame.KeyStart, frame.KeyEnd);
            _ends[frame.Start] = _index;
        }

        _index++;
        return frame.Node;
    }

    /// <summary>An object member's key and its colon.</summary>
    private bool Key(Frame frame)
    {
        if (_index >= _text.Length || _text[_index] != '"')
        {
            return false;
        }

        var start = _index;
        if (!String(out var key))
        {
            return false;
        }

        var end = _index;
        SkipSpace();
        if (_index >= _text.Length || _text[_index] != ':')
        {
            return false;
        }

        _index++;
        SkipSpace();
        frame.Key = key;
        frame.PendingKeyStart = start;
        frame.PendingKeyEnd = end;
        // The first value of a key given twice goes: so do the places recorded in it, which the value after it would
        // not all replace (a node only the first value had is then found at the second key, where the YAML reader kept
        // the first one's place). Only a recorded value can have recorded descendants: a shallower, longer container.
        var prefix = ((JsonObject)frame.Node).ContainsKey(key) ? frame.Pointer + "/" + JsonPointer.Escape(key) : null;
        if (prefix is not null && _starts.ContainsKey(prefix))
        {
            foreach (var stale in new List<string>(_starts.Keys))
            {
                if (stale == prefix || stale.StartsWith(prefix + "/", System.StringComparison.Ordinal))
                {
                    _starts.Remove(stale);
                }
            }
        }

        return true;
    }

    private void Attach(Frame frame, JsonNode? node)
    {
        if (frame.Node is JsonArray array)
        {
            array.Add(node);
            return;
        }

        var obj = (JsonObject)frame.Node;
        var key = frame.Key!;
        if (obj.ContainsKey(key))
        {
            _duplicates.Add((key, Mark(frame.PendingKeyStart)));
            obj.Remove(key);
        }

        obj[key] = node;
        frame.Key = null;
    }

    private bool String(out string value) => ReadString(_text, ref _index, out value);

    /// <summary>A string from its opening quote at <paramref name="index"/> to past its closing one, escapes decoded; false for what JSON does not allow in one.</summary>
    public static bool ReadString(string text, ref int index, out string value)
    {
        value = string.Empty;
        var start = ++index;
        StringBuilder? built = null;
        while (index < text.Length)
        {
            var c = text[index];
            if (c == '"')
            {
                value = built is null ? text.Substring(start, index - start) : built.Append(text, start, index - start).ToString();
                index++;
                return true;
            }

            // A control character is not JSON; the line breaks YAML counts and JSON does not would move every position after them.
            if (c < ' ' || c is '\u0085' or '\u2028' or '\u2029')
            {
                return false;
            }

            if (c != '\\')
            {
                index++;
                continue;
            }

            built ??= new StringBuilder();
            built.Append(text, start, index - start);
            if (index + 1 >= text.Length)
            {
                return false;
            }

            var escape = text[index + 1];
            index += 2;
            switch (escape)
            {
                case '"' or '\\' or '/': built.Append(escape); break;
                case 'b': built.Append('\b'); break;
                case 'f': built.Append('\f'); break;
                case 'n': built.Append('\n'); break;
                case 'r': built.Append('\r'); break;
                case 't': built.Append('\t'); break;
                case 'u' when Hex(text, index) is { } code:
                    index += 4;
                    if (char.IsLowSurrogate(code))
                    {
                        return false;
                    }

                    if (char.IsHighSurrogate(code))
                    {
                        // Only as a pair of escapes, as YamlDotNet takes one: anything else is left to it to report.
                        if (!(index + 6 <= text.Length && text[index] == '\\' && text[index + 1] == 'u' && Hex(text, index + 2) is { } low && char.IsLowSurrogate(low)))
                        {
                            return false;
                        }

                        built.Append(code).Append(low);
                        index += 6;
                        break;
                    }

                    built.Append(code);
                    break;
                default:
                    return false;
            }

            start = index;
        }

        return false;
    }

    /// <summary>The UTF-16 unit four hex digits at <paramref name="index"/> write; null when they are not four hex digits.</summary>
    private static char? Hex(string text, int index) =>
        index + 4 <= text.Length && ushort.TryParse(text.Substring(index, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            ? (char)code
            : null;

    /// <summary>A number, true, false or null, read as YAML reads the same plain scalar.</summary>
    private bool Plain(out JsonNode? value)
    {
        value = null;
        var start = _index;
        _index = JsonTextLocator.PlainEnd(_text, _index);
        var text = _text.Substring(start, _index - start);
        if (text is "true" or "false" or "null")
        {
            value = YamlReader.PlainScalar(text);
            return true;
        }

        if (text.Length == 0 || !(text[0] is '-' or (>= '0' and <= '9')))
        {
            return false;
        }

        // A number YAML would keep as text (1e, 1.2.3, 12abc) is not one JSON writes: leave it to the YAML reader.
        value = YamlReader.PlainScalar(text);
        return value is JsonValue number && !number.TryGetValue<string>(out _);
    }

    private void SkipSpace()
    {
        while (_index < _text.Length)
        {
            switch (_text[_index])
            {
                case ' ' or '\t':
                    _index++;
                    break;
                case '\n':
                    NewLine(_index + 1);
                    break;
                case '\r':
                    // CR LF is one break; a CR alone is one too.
                    NewLine(_index + 1 < _text.Length && _text[_index + 1] == '\n' ? _index + 2 : _index + 1);
                    break;
                default:
                    return;
            }
        }
    }

    private void NewLine(int next)
    {
        _index = next;
        _lineStarts.Add(next);
    }

    /// <summary>A place in the text as YamlDotNet marks it: lines and columns from 1.</summary>
    private Mark Mark(int index)
    {
        var line = JsonTextLocator.LineOf(_lineStarts, index);
        return new Mark(index, line + 1, index - _lineStarts[line] + 1);
    }
}
