using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Specgen.Generator.Diagnostics;

namespace Specgen.Generator.Reading;

internal sealed partial class Bundler
{
    private static string Fragment(string text) => Uri.UnescapeDataString(text).TrimEnd('/');

    /// <summary>The node a target names, with its file's map; null, reported, when there is none.</summary>
    private (JsonNode Node, SourceMap Map)? Load((string File, string Fragment, string Key) target, string reference, string at)
    {
        if (!_files.TryGetValue(target.File, out var file))
        {
            file = Parse(target.File, reference, at);
            _files[target.File] = file;
        }

        if (file is not { Root: { } root, Map: var map })
        {
            // Not there, or not readable: reported when it was first met.
            return null;
        }

        if (target.Fragment.Length > 0 && !target.Fragment.StartsWith("/", StringComparison.Ordinal))
        {
            Report(at, reference, "has a fragment that is not a JSON pointer (it should start with '#/')");
            return null;
        }

        if (JsonPointer.Find(root, target.Fragment) is not { } node)
        {
            Report(at, reference, $"points at nothing in {Path.GetFileName(target.File)}");
            return null;
        }

        return (node, map);
    }

    private (JsonNode? Root, SourceMap Map)? Parse(string path, string reference, string at)
    {
        if (!_parts.TryGetValue(path, out var text))
        {
            Report(at, reference, $"names {path}, which is not among the compilation's files (Specgen adds the YAML and JSON files in the spec's folder; add others with the OpenApiSpec item's ReferencedFiles)");
            return null;
        }

        var map = new SourceMap(path);
        return SpecReader.TryParse(path, text, map, _diagnostics, out var root) ? (root, map) : (null, map);
    }

    private void Report(string at, string reference, string problem) =>
        _diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnresolvedReference, _map.Locate(at), reference, problem));

    /// <summary>
    /// Which kind of component a <c>$ref</c> at <paramref name="pointer"/> stands for; null where it
    /// can only be placed where it is (a path item, a media type).
    /// </summary>
    private static string? KindAt(string pointer)
    {
        if (pointer.Length == 0)
        {
            return null;
        }

        var last = JsonPointer.LastKey(pointer);
        var parentPointer = JsonPointer.Parent(pointer);
        var parent = parentPointer.Length == 0 ? string.Empty : JsonPointer.LastKey(parentPointer);
        if (IsComponent(pointer))
        {
            return parent;
        }

        if (SchemaMaps.Contains(parent) || (SchemaLists.Contains(parent) && int.TryParse(last, out _)) || SchemaKeys.Contains(last))
        {
            return "schemas";
        }

        return (parent, last) switch
        {
            ("parameters", _) => "parameters",
            ("responses", _) => "responses",
            (_, "requestBody") => "requestBodies",
            ("headers", _) => "headers",
            ("examples", _) => "examples",
            ("links", _) => "links",
            ("callbacks", _) => "callbacks",
            _ => null,
        };
    }

    /// <summary>Whether the pointer is a component itself: <c>/components/{kind}/{name}</c>.</summary>
    private static bool IsComponent(string pointer) =>
        pointer.StartsWith("/components/", StringComparison.Ordinal) && pointer.Count(c => c == '/') == 3;

    /// <summary>
    /// A free name in <c>components/{kind}</c> for a target: its fragment's last key, else its file's
    /// name, with only the characters component names may have.
    /// </summary>
    private string ComponentName(string kind, (string File, string Fragment, string Key) target)
    {
        var preferred = target.Fragment.Length > 0 ? JsonPointer.LastKey(target.Fragment) : Path.GetFileNameWithoutExtension(target.File);
        var clean = new string(preferred.Select(c => char.IsLetterOrDigit(c) && c < 128 || c is '.' or '-' or '_' ? c : '_').ToArray());
        clean = clean.Length == 0 ? kind : clean;
        var section = Section(kind);
        var name = clean;
        for (var i = 2; section.ContainsKey(name); i++)
        {
            name = clean + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    private JsonObject Section(string kind)
    {
        if (_root["components"] is not JsonObject components)
        {
            components = new JsonObject();
            _root["components"] = components;
        }

        if (components[kind] is not JsonObject section)
        {
            section = new JsonObject();
            components[kind] = section;
        }

        return section;
    }

    private static bool HasFileExtension(string reference)
    {
        var path = reference.Split('#')[0];
        return path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A pointer as a URI fragment: the characters a fragment cannot hold, escaped.</summary>
    private static string Escape(string pointer) => string.Join("/", pointer.Split('/').Select(Uri.EscapeDataString));
}
