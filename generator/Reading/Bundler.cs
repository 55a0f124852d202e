using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Specgen.Generator.Diagnostics;

namespace Specgen.Generator.Reading;

/// <summary>
/// Makes a spec that refers to other files (<c>$ref: ./schemas/pet.yaml</c>,
/// <c>$ref: ../common.yaml#/Error</c>) one document, before anything else reads it:
/// <list type="bullet">
/// <item>a schema, parameter, response, request body, header, example, link or callback from another
/// file becomes a component of this one, named after its fragment's last key or its file
/// (<c>pet.yaml</c> → <c>pet</c>), and the <c>$ref</c> points at it;</item>
/// <item>a component that is only a <c>$ref</c> to another file (<c>Pet: {$ref: pet.yaml}</c>) takes
/// that file's content in place, keeping its name; so does a path item;</item>
/// <item>references inside a referenced file are relative to that file, its <c>#/…</c> ones included,
/// and discriminator <c>mapping</c> values are followed the same way;</item>
/// <item>one file and fragment, however it is reached, is one component: one C# type.</item>
/// </list>
/// Every placed part is grafted onto the <see cref="SourceMap"/>, so a problem in it is reported at its
/// own file and line. A file that is not among the compilation's files is SPECGEN009 at the <c>$ref</c>;
/// URLs are left to <see cref="ReferenceCheck"/>.
/// </summary>
internal sealed partial class Bundler
{
    private static readonly string[] SchemaKeys = ["schema", "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else", "additionalItems", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];
    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
    private static readonly string[] SchemaLists = ["allOf", "anyOf", "oneOf", "prefixItems"];

    private readonly JsonObject _root;
    private readonly string _rootPath;
    private readonly SourceMap _map;
    private readonly IReadOnlyDictionary<string, string> _parts;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<string, (JsonNode? Root, SourceMap Map)?> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _placed = new(StringComparer.Ordinal);
    private readonly Queue<(JsonNode Node, string Pointer, string File)> _pending = new();

    /// <summary>The parts placed from other files: each is walked as its own file's, not as part of the one it sits in.</summary>
    private readonly HashSet<JsonObject> _owned = new(SameObject.Instance);

    private Bundler(JsonObject root, string rootPath, SourceMap map, IReadOnlyDictionary<string, string> parts, List<DiagnosticInfo> diagnostics)
    {
        _root = root;
        _rootPath = Normalize(rootPath);
        _map = map;
        _parts = parts;
        _diagnostics = diagnostics;
    }

    /// <summary>Brings every part of other files that <paramref name="root"/> refers to into it.</summary>
    /// <param name="root">The spec, changed in place.</param>
    /// <param name="rootPath">The spec's path; relative references are resolved against its folder.</param>
    /// <param name="map">The spec's source map; placed parts are grafted onto it.</param>
    /// <param name="parts">The texts of the other files the compilation has, by full path.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static void Run(JsonObject root, string rootPath, SourceMap map, IReadOnlyDictionary<string, string> parts, List<DiagnosticInfo> diagnostics)
    {
        var bundler = new Bundler(root, rootPath, map, parts, diagnostics);

        // Components that are only a reference to another file first: they keep their names, so a
        // schema referred to elsewhere as well is that component, not a second one named after its file.
        foreach (var section in (root["components"] as JsonObject)?.Where(s => s.Value is JsonObject).ToList() ?? [])
        {
            foreach (var entry in ((JsonObject)section.Value!).ToList())
            {
                if (entry.Value is JsonObject holder && holder["$ref"] is JsonValue value && value.TryGetValue(out string? reference) && IsFileReference(reference))
                {
                    bundler.Follow(holder, NodePath.Root.Member("components").Member(section.Key).Member(entry.Key), bundler._rootPath, reference);
                }
            }
        }

        bundler._pending.Enqueue((root, string.Empty, bundler._rootPath));
        while (bundler._pending.Count > 0)
        {
            var (node, pointer, file) = bundler._pending.Dequeue();
            bundler.Walk(node, pointer, file);
        }
    }

    /// <summary>
    /// The path a reference names, against the folder of the file it is in, as one spelling
    /// (<c>/</c> separators, no <c>.</c> or <c>..</c>): the key of <see cref="Run"/>'s parts.
    /// </summary>
    public static string Resolve(string fromFile, string relative)
    {
        var folder = Path.GetDirectoryName(fromFile) ?? string.Empty;
        return Normalize(Path.Combine(folder, Uri.UnescapeDataString(relative)));
    }

    /// <summary>A path as one spelling: full, with <c>/</c> separators.</summary>
    public static string Normalize(string path)
    {
        try
        {
            return Path.GetFullPath(path).Replace('\\', '/');
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path.Replace('\\', '/');
        }
    }

    /// <summary>Whether a reference names a file by a relative path (not a URL, not this document).</summary>
    public static bool IsFileReference(string reference) =>
        reference.Length > 0 && reference[0] != '#' && !reference.StartsWith("//", StringComparison.Ordinal)
        && (reference.IndexOf(':') is var colon && (colon < 0 || (colon == 1 && char.IsLetter(reference[0]))));

    /// <summary>Follows the file references under <paramref name="node"/>, whose own references are relative to <paramref name="file"/>.</summary>
    private void Walk(JsonNode node, string pointer, string file)
    {
        var stack = new Stack<(JsonNode? Node, NodePath Path)>();
        stack.Push((node, NodePath.At(pointer)));
        while (stack.Count > 0)
        {
            var (current, at) = stack.Pop();
            switch (current)
            {
                case JsonObject placed when !ReferenceEquals(placed, node) && _owned.Contains(placed):
                    break;
                case JsonObject obj:
                    if (obj["$ref"] is JsonValue value && value.TryGetValue(out string? reference) && Follow(obj, at, file, reference))
                    {
                        // Replaced in place: its new content is walked as part of its own file.
                        continue;
                    }

                    if (obj["discriminator"] is JsonObject { } discriminator && discriminator["mapping"] is JsonObject mapping)
                    {
                        Remap(mapping, at.Member("discriminator").Member("mapping"), file);
                    }

                    // In document order, so components are added in the order a reader meets them.
                    foreach (var pair in obj.Reverse().ToList())
                    {
                        if (pair.Key != "$ref" && !IsLiteral(at, pair.Key))
                        {
                            stack.Push((pair.Value, at.Member(pair.Key)));
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--)
                    {
                        stack.Push((array[i], at.Item(i)));
                    }

                    break;
            }
        }
    }

    /// <summary>Whether the value under <paramref name="key"/> is data (an example, a default), whose <c>$ref</c> keys are not references.</summary>
    private static bool IsLiteral(NodePath path, string key)
    {
        // Under properties, responses or examples a key is a name: a property "example", the default response.
        var container = path.Last;
        if (SchemaMaps.Contains(container) || container is "responses" or "examples" or "mapping")
        {
            return false;
        }

        return key is "example" or "default" or "enum" or "const"
            || (key == "value" && path.Parent is { } parent && parent.Last == "examples");
    }

    /// <summary>
    /// Follows one <c>$ref</c> of <paramref name="file"/>; true when the holder was replaced by the
    /// content (and so is walked again, as that content's file).
    /// </summary>
    private bool Follow(JsonObject holder, NodePath path, string file, string reference)
    {
        if (Target(file, reference) is not { } target)
        {
            return false;
        }

        var pointer = path.ToString();
        var at = JsonPointer.Child(pointer, "$ref");
        var kind = KindAt(pointer);
        if (target.File == _rootPath || _placed.ContainsKey(target.Key) || (kind is not null && !IsComponent(pointer)))
        {
            if (Place(target, kind ?? "schemas", reference, at) is { } placed)
            {
                holder["$ref"] = "#" + Escape(placed);
            }
            else
            {
                holder.Clear();
            }

            return false;
        }

        // A component that is only a reference, or a part that has no component kind (a path item):
        // the holder becomes the content, keeping what it says beside the $ref.
        if (Load(target, reference, at) is not { } found)
        {
            holder.Clear();
            return false;
        }

        var siblings = holder.Where(p => p.Key != "$ref").Select(p => (p.Key, Value: p.Value?.DeepClone())).ToList();
        holder.Clear();
        foreach (var pair in found.Node as JsonObject ?? new JsonObject())
        {
            holder[pair.Key] = pair.Value?.DeepClone();
        }

        foreach (var (key, value) in siblings)
        {
            holder[key] = value;
        }

        _placed[target.Key] = pointer;
        _map.Graft(pointer, found.Map, target.Fragment);
        _owned.Add(holder);
        _pending.Enqueue((holder, pointer, target.File));
        return true;
    }

    /// <summary>
    /// Where the target is in this document: its place in the spec itself, where it was put before, or
    /// a new component of <paramref name="kind"/>. Null, reported at <paramref name="at"/>, when it cannot be read.
    /// </summary>
    private string? Place((string File, string Fragment, string Key) target, string kind, string reference, string at)
    {
        if (target.File == _rootPath)
        {
            return target.Fragment;
        }

        if (_placed.TryGetValue(target.Key, out var placed))
        {
            return placed;
        }

        if (Load(target, reference, at) is not { } found)
        {
            return null;
        }

        var name = ComponentName(kind, target);
        var section = Section(kind);
        var pointer = JsonPointer.Child("/components/" + kind, name);
        var copy = found.Node.DeepClone();
        section[name] = copy;
        _placed[target.Key] = pointer;
        _map.Graft(pointer, found.Map, target.Fragment);
        if (copy is JsonObject owned)
        {
            _owned.Add(owned);
        }

        _pending.Enqueue((copy, pointer, target.File));
        return pointer;
    }

    /// <summary>A discriminator's mapping values that name other files (or, in another file, its own schemas) become this document's.</summary>
    private void Remap(JsonObject mapping, NodePath path, string file)
    {
        foreach (var pair in mapping.ToList())
        {
            // A bare schema name (Cat) names one of this document's components.
            if (pair.Value is not JsonValue value || !value.TryGetValue(out string? reference)
                || (reference.IndexOf('/') < 0 && reference.IndexOf('#') < 0 && !HasFileExtension(reference))
                || Target(file, reference) is not { } target)
            {
                continue;
            }

            if (Place(target, "schemas", reference, path.Member(pair.Key).ToString()) is { } placed)
            {
                mapping[pair.Key] = "#" + Escape(placed);
            }
        }
    }

    private (string File, string Fragment, string Key)? Target(string file, string reference)
    {
        if (reference.StartsWith("#", StringComparison.Ordinal))
        {
            // In the spec itself, local; in another file, a reference into that file.
            var local = Fragment(reference.Substring(1));
            return file == _rootPath ? null : (file, local, file + "#" + local);
        }

        if (!IsFileReference(reference))
        {
            return null;
        }

        var hash = reference.IndexOf('#');
        var path = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : Fragment(reference.Substring(hash + 1));
        var target = path.Length == 0 ? file : Resolve(file, path);
        return (target, fragment, target + "#" + fragment);
    }
}
