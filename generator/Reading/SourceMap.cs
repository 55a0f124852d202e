using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using Specgen.Generator.Diagnostics;

namespace Specgen.Generator.Reading;

/// <summary>
/// Where each node of a spec stands in its file, by JSON pointer. Microsoft.OpenApi reports problems
/// by pointer only; this map turns those pointers (and the model builder's own) into file positions.
/// A part of the document that came from another file (a bundled external <c>$ref</c>) is grafted:
/// pointers under it are located in that file, at the place the part came from.
/// </summary>
internal sealed class SourceMap(string filePath)
{
    private readonly Dictionary<string, LocationInfo> _locations = new();
    private readonly Dictionary<string, LocationInfo> _keys = new();
    private readonly Dictionary<string, (SourceMap Map, string Pointer)> _grafts = new();
    private JsonTextLocator? _text;

    public string FilePath { get; } = filePath;

    /// <summary>Records where the node at <paramref name="pointer"/> (its value) stands.</summary>
    public void Add(string pointer, int startIndex, int endIndex, LinePosition start, LinePosition end) =>
        _locations[pointer] = Create(startIndex, endIndex, start, end);

    /// <summary>Records where the key of the mapping entry at <paramref name="pointer"/> stands.</summary>
    public void AddKey(string pointer, int startIndex, int endIndex, LinePosition start, LinePosition end) =>
        _keys[pointer] = Create(startIndex, endIndex, start, end);

    /// <summary>Locates what no position was recorded for in the file's JSON text, found when asked (<see cref="JsonTextLocator"/>).</summary>
    public void LocateIn(JsonTextLocator text) => _text = text;

    /// <summary>Records that the node at <paramref name="pointer"/> is the node at <paramref name="sourcePointer"/> of another file.</summary>
    public void Graft(string pointer, SourceMap source, string sourcePointer) => _grafts[pointer] = (source, sourcePointer);

    /// <summary>
    /// The location of the node at <paramref name="pointer"/>, or of its nearest ancestor that has one:
    /// a mapping entry's key (<c>oneOf:</c>, the line a reader looks for), else the value itself.
    /// </summary>
    public LocationInfo Locate(string? pointer)
    {
        var current = Normalize(pointer);
        var whole = current;
        while (true)
        {
            if (_grafts.TryGetValue(current, out var graft))
            {
                return graft.Map.Locate(graft.Pointer + whole.Substring(current.Length));
            }

            // The document as a whole is located at its start, not underlined from end to end.
            if (current.Length == 0)
            {
                return LocationInfo.StartOf(FilePath);
            }

            if (_keys.TryGetValue(current, out var key) || _locations.TryGetValue(current, out key))
            {
                return key;
            }

            if (_text?.Find(current) is { } span)
            {
                return Create(span.Start, span.End, _text.Position(span.Start), _text.Position(span.End));
            }

            var slash = current.LastIndexOf('/');
            current = slash <= 0 ? string.Empty : current.Substring(0, slash);
        }
    }

    private LocationInfo Create(int startIndex, int endIndex, LinePosition start, LinePosition end) =>
        new(FilePath, TextSpan.FromBounds(startIndex, endIndex < startIndex ? startIndex : endIndex), new LinePositionSpan(start, end < start ? start : end));

    private static string Normalize(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer) || pointer == "#" || pointer == "/")
        {
            return string.Empty;
        }

        var text = pointer!;
        if (text.StartsWith("#", System.StringComparison.Ordinal))
        {
            text = text.Substring(1);
        }

        return text.TrimEnd('/');
    }
}
