using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Specgen.Generator.Diagnostics;

namespace Specgen.Generator.Reading;

/// <summary>
/// Checks every <c>$ref</c> before Microsoft.OpenApi sees the document (after <see cref="Bundler"/> has
/// brought in other files). A reference that points nowhere, to a URL, or only round a loop of references (<c>A: {$ref: B}</c>,
/// <c>B: {$ref: A}</c>) would leave a hole or make Microsoft.OpenApi throw; each becomes an empty
/// schema (any JSON) with a warning at the <c>$ref</c>.
/// </summary>
internal static class ReferenceCheck
{
    public static void Run(JsonObject root, SourceMap map, List<DiagnosticInfo> diagnostics)
    {
        var holders = FindReferences(root);
        var broken = new HashSet<JsonObject>(SameObject.Instance);
        foreach (var (holder, pointer) in holders)
        {
            if (Problem(root, holder["$ref"]) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnresolvedReference, map.Locate(pointer + "/$ref"), Text(holder["$ref"]), problem));
                broken.Add(holder);
            }
        }

        // A loop is reported once, at its first member in document order.
        foreach (var (holder, pointer) in holders)
        {
            if (!broken.Contains(holder) && Loop(root, holder) is { } loop)
            {
                var names = string.Join(" → ", loop.Append(holder).Select(h => Text(h["$ref"])));
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.ReferenceCycle, map.Locate(pointer + "/$ref"), JsonPointer.LastKey(pointer), names));
                broken.UnionWith(loop);
            }
        }

        foreach (var holder in broken)
        {
            holder.Clear();
        }
    }

    /// <summary>Every object with a <c>$ref</c> key, with its pointer, in document order.</summary>
    private static List<(JsonObject Holder, string Pointer)> FindReferences(JsonNode root)
    {
        var found = new List<(JsonObject, string)>();
        var pending = new Stack<(JsonNode? Node, NodePath Path)>();
        pending.Push((root, NodePath.Root));
        while (pending.Count > 0)
        {
            var (node, path) = pending.Pop();
            switch (node)
            {
                case JsonObject obj:
                    if (obj.ContainsKey("$ref"))
                    {
                        found.Add((obj, path.ToString()));
                    }

                    foreach (var pair in obj.Reverse())
                    {
                        pending.Push((pair.Value, path.Member(pair.Key)));
                    }

                    break;
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--)
                    {
                        pending.Push((array[i], path.Item(i)));
                    }

                    break;
            }
        }

        return found;
    }

    /// <summary>Why the reference cannot be followed, or null when it can.</summary>
    private static string? Problem(JsonNode root, JsonNode? reference)
    {
        if (reference is not JsonValue value || !value.TryGetValue(out string? text) || text.Length == 0)
        {
            return "is not a reference string";
        }

        if (!text.StartsWith("#", StringComparison.Ordinal))
        {
            // File references were brought in by the Bundler; what is left names another host.
            return "is a URL, and a build reads no network (save that document beside the spec and refer to it by its relative path)";
        }

        return Target(root, text) is null ? "points at nothing in this file" : null;
    }

    private static JsonNode? Target(JsonNode root, string reference)
    {
        var fragment = Uri.UnescapeDataString(reference.Substring(1));
        return fragment.Length == 0 ? root : fragment.StartsWith("/", StringComparison.Ordinal) ? JsonPointer.Find(root, fragment) : null;
    }

    /// <summary>The references met by following <paramref name="start"/> from one pure reference to the next, if they come back round.</summary>
    private static List<JsonObject>? Loop(JsonNode root, JsonObject start)
    {
        var chain = new List<JsonObject>();
        var current = start;
        while (true)
        {
            var index = chain.IndexOf(current);
            if (index >= 0)
            {
                return index == 0 ? chain : null;
            }

            chain.Add(current);
            if (current["$ref"] is not JsonValue value || !value.TryGetValue(out string? text) || !text.StartsWith("#", StringComparison.Ordinal)
                || Target(root, text) is not JsonObject next || !next.ContainsKey("$ref"))
            {
                return null;
            }

            current = next;
        }
    }

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : node?.ToJsonString() ?? "null";
}

/// <summary>Compares JSON nodes by identity: two equal-looking <c>$ref</c> objects are still two places.</summary>
internal sealed class SameObject : IEqualityComparer<JsonObject>
{
    public static readonly SameObject Instance = new();

    public bool Equals(JsonObject? x, JsonObject? y) => ReferenceEquals(x, y);

    public int GetHashCode(JsonObject obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
