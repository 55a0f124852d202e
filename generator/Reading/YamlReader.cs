using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Specgen.Generator.Reading;

/// <summary>
/// Reads YAML (and JSON, which is YAML) into a <see cref="JsonNode"/> while recording where every
/// node stands. Iterative, so deep nesting cannot overflow the stack; aliases are expanded with a
/// node budget, so an alias bomb is refused instead of exhausting memory.
/// </summary>
internal static class YamlReader
{
    /// <summary>At most this many nodes, counting every alias expansion: the full Vercel API (4 MB) has about 150,000.</summary>
    public const int MaxNodes = 2_000_000;

    /// <summary>
    /// At most this many levels of nesting. Real specs stay under 40; the limit keeps the recursive
    /// readers after this one (Microsoft.OpenApi's among them) far from the end of the stack.
    /// </summary>
    public const int MaxDepth = 256;

    private static readonly Regex IntPattern = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex FloatPattern = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Reads YAML (or JSON) as a JSON tree. A key given twice in one mapping keeps its last value, as other
    /// OpenAPI parsers read it; each such key is added to <paramref name="duplicates"/> with where it is.
    /// </summary>
    public static JsonNode? Read(string text, SourceMap map, List<(string Key, Mark At)>? duplicates = null)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        JsonNode? root = null;
        var rootSet = false;
        var nodeCount = 0;

        var last = Mark.Empty;
        while (MoveNext(parser, last))
        {
            var current = parser.Current!;
            last = current.Start;
            switch (current)
            {
                case StreamStart:
                case StreamEnd:
                case DocumentStart:
                case DocumentEnd:
                    if (current is DocumentStart && rootSet)
                    {
                        throw new SpecReadException("the file holds more than one YAML document", current.Start);
                    }

                    continue;
                case Comment:
                    continue;
            }

            var parent = stack.Count > 0 ? stack.Peek() : null;
            if (parent is { IsMapping: true, PendingKey: null } && current is not MappingEnd)
            {
                parent.PendingKey = current switch
                {
                    Scalar key => key.Value,
                    _ => throw new SpecReadException("only plain keys are supported in mappings", current.Start),
                };
                parent.PendingKeyStart = current.Start;
                parent.PendingKeyEnd = current.End;
                continue;
            }

            var pointer = parent is null || current is MappingEnd or SequenceEnd ? string.Empty : parent.ChildPointer();
            if (parent is { IsMapping: true } && current is not MappingEnd)
            {
                map.AddKey(pointer, (int)parent.PendingKeyStart.Index, (int)parent.PendingKeyEnd.Index, ToPosition(parent.PendingKeyStart), ToPosition(parent.PendingKeyEnd));
            }

            if (current is MappingStart or SequenceStart && stack.Count >= MaxDepth)
            {
                throw new SpecReadException($"nests deeper than {MaxDepth} levels here", current.Start, limit: $"{MaxDepth} levels of nesting");
            }
            switch (current)
            {
                case MappingStart mappingStart:
                    stack.Push(new Frame(new JsonObject(), pointer, mappingStart.Start, mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value));
                    Count(ref nodeCount, 1, current.Start);
                    break;
                case SequenceStart sequenceStart:
                    stack.Push(new Frame(new JsonArray(), pointer, sequenceStart.Start, sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value));
                    Count(ref nodeCount, 1, current.Start);
                    break;
                case MappingEnd:
                case SequenceEnd:
                    var done = stack.Pop();
                    map.Add(done.Pointer, (int)done.Start.Index, (int)current.End.Index, ToPosition(done.Start), ToPosition(current.End));
                    if (done.Anchor is not null)
                    {
                        anchors[done.Anchor] = done.Node;
                    }

                    Attach(stack, done.Node, ref root, ref rootSet, done.Start, duplicates);
                    break;
                case Scalar scalar:
                    var value = ToNode(scalar);
                    Count(ref nodeCount, 1, current.Start);
                    map.Add(pointer, (int)scalar.Start.Index, (int)scalar.End.Index, ToPosition(scalar.Start), ToPosition(scalar.End));
                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchors[scalar.Anchor.Value] = value;
                    }

                    Attach(stack, value, ref root, ref rootSet, current.Start, duplicates);
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new SpecReadException($"the alias '*{alias.Value.Value}' has no anchor", current.Start);
                    }

                    var (size, depth) = Measure(target);
                    if (stack.Count + depth > MaxDepth)
                    {
                        throw new SpecReadException($"nests deeper than {MaxDepth} levels where the alias '*{alias.Value.Value}' is expanded", current.Start, limit: $"{MaxDepth} levels of nesting");
                    }

                    Count(ref nodeCount, size, current.Start);
                    map.Add(pointer, (int)alias.Start.Index, (int)alias.End.Index, ToPosition(alias.Start), ToPosition(alias.End));
                    Attach(stack, target?.DeepClone(), ref root, ref rootSet, current.Start, duplicates);
                    break;
            }
        }

        return root;
    }

    /// <summary>
    /// YamlDotNet reports some malformed input (an unclosed flow collection, say) with an
    /// InvalidOperationException and no position; this turns it into a located syntax error.
    /// </summary>
    private static bool MoveNext(Parser parser, Mark last)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException)
        {
            throw new SpecReadException("the YAML is malformed after this point (an unclosed [ or {, or a stray character?)", last);
        }
    }

    private static void Attach(Stack<Frame> stack, JsonNode? node, ref JsonNode? root, ref bool rootSet, Mark at, List<(string Key, Mark At)>? duplicates)
    {
        if (stack.Count == 0)
        {
            root = node;
            rootSet = true;
            return;
        }

        var parent = stack.Peek();
        if (parent.Node is JsonArray array)
        {
            array.Add(node);
            return;
        }

        var obj = (JsonObject)parent.Node;
        var key = parent.PendingKey!;
        parent.PendingKey = null;
        if (obj.ContainsKey(key))
        {
            if (duplicates is null)
            {
                throw new SpecReadException($"the key '{key}' appears twice in the same mapping", parent.PendingKeyStart);
            }

            duplicates.Add((key, parent.PendingKeyStart));
            obj.Remove(key);
        }

        obj[key] = node;
    }

    private static void Count(ref int nodeCount, int added, Mark at)
    {
        nodeCount += added;
        if (nodeCount > MaxNodes)
        {
            throw new SpecReadException("expands to more nodes here (through YAML aliases or sheer size)", at, limit: MaxNodes.ToString("N0", CultureInfo.InvariantCulture) + " nodes");
        }
    }

    /// <summary>How many nodes a value has and how deep it nests; stops counting past the node budget.</summary>
    private static (int Size, int Depth) Measure(JsonNode? node)
    {
        var size = 0;
        var deepest = 0;
        var pending = new Stack<(JsonNode? Node, int Depth)>();
        pending.Push((node, 1));
        while (pending.Count > 0 && size <= MaxNodes)
        {
            var (next, depth) = pending.Pop();
            size++;
            deepest = Math.Max(deepest, depth);
            IEnumerable<JsonNode?> children = next switch
            {
                JsonObject obj => obj.Select(pair => pair.Value),
                JsonArray array => array,
                _ => Array.Empty<JsonNode?>(),
            };

            foreach (var child in children)
            {
                pending.Push((child, depth + 1));
            }
        }

        return (size, deepest);
    }

    private static JsonNode? ToNode(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded
            || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value is "tag:yaml.org,2002:str" or "!!str"))
        {
            return JsonValue.Create(text);
        }

        return PlainScalar(text);
    }

    /// <summary>A plain (unquoted) scalar as YAML's core schema reads it: null, a boolean, an integer, a decimal, a double or text.</summary>
    public static JsonNode? PlainScalar(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (IntPattern.IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (FloatPattern.IsMatch(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        if (FloatPattern.IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }

    private static LinePosition ToPosition(Mark mark) =>
        new(Math.Max(0, (int)mark.Line - 1), Math.Max(0, (int)mark.Column - 1));

    private sealed class Frame(JsonNode node, string pointer, Mark start, string? anchor)
    {
        public JsonNode Node { get; } = node;
        public string Pointer { get; } = pointer;
        public Mark Start { get; } = start;
        public string? Anchor { get; } = anchor;
        public bool IsMapping => Node is JsonObject;
        public string? PendingKey { get; set; }
        public Mark PendingKeyStart { get; set; } = Mark.Empty;
        public Mark PendingKeyEnd { get; set; } = Mark.Empty;

        public string ChildPointer() => Node is JsonArray array
            ? Pointer + "/" + array.Count.ToString(CultureInfo.InvariantCulture)
            : JsonPointer.Child(Pointer, PendingKey!);
    }
}

/// <summary>A problem found while reading the file, with where it is; <see cref="Limit"/> names the limit it broke, if that is the problem.</summary>
internal sealed class SpecReadException(string message, Mark at, string? limit = null) : Exception(message)
{
    public Mark At { get; } = at;

    public string? Limit { get; } = limit;
}
