using System;
using System.Text.Json.Nodes;

namespace Specgen.Generator.Reading;

/// <summary>Finds the node a JSON pointer names.</summary>
internal static class JsonPointer
{
    public static JsonNode? Find(JsonNode? root, string pointer)
    {
        var node = root;
        if (string.IsNullOrEmpty(pointer))
        {
            return node;
        }

        foreach (var raw in pointer.Substring(1).Split('/'))
        {
            var segment = Unescape(raw);
            node = Step(node, segment);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>
    /// The pointer of the node <paramref name="pointer"/> reaches when every local <c>$ref</c> on its way
    /// is followed: <c>/paths/~1a/post/requestBody/content/…</c> through <c>{$ref: '#/components/requestBodies/A'}</c>
    /// is <c>/components/requestBodies/A/content/…</c>. Modelling hands out only such pointers, so two
    /// operations that refer to different components never share a schema's pointer (or its shape).
    /// The pointer unchanged when it leads nowhere.
    /// </summary>
    public static string Canonical(JsonNode? root, string pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            return pointer;
        }

        var node = root;
        var at = string.Empty;
        foreach (var raw in pointer.Substring(1).Split('/'))
        {
            var segment = Unescape(raw);
            // A bounded number of hops: a $ref loop (reported elsewhere) cannot hang the build.
            for (var hops = 0; hops < 32 && node is JsonObject obj && !obj.ContainsKey(segment)
                && obj["$ref"] is JsonValue reference && reference.TryGetValue(out string? target) && target.StartsWith("#", StringComparison.Ordinal); hops++)
            {
                at = Uri.UnescapeDataString(target.Substring(1));
                node = Find(root, at);
            }

            node = Step(node, segment);
            if (node is null)
            {
                return pointer;
            }

            at += "/" + raw;
        }

        return at;
    }

    private static JsonNode? Step(JsonNode? node, string segment) => node switch
    {
        JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
        JsonArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0 && index < array.Count => array[index],
        _ => null,
    };

    /// <summary>A key as a pointer segment (<c>/</c> is <c>~1</c>, <c>~</c> is <c>~0</c>).</summary>
    public static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The pointer of <paramref name="key"/> under <paramref name="pointer"/>.</summary>
    public static string Child(string pointer, string key) => pointer + "/" + Escape(key);

    /// <summary>The pointer of the component schema <paramref name="id"/>.</summary>
    public static string Component(string id) => Child("/components/schemas", id);

    /// <summary>A pointer segment as the key it stands for (<c>~1</c> is <c>/</c>, <c>~0</c> is <c>~</c>).</summary>
    public static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    /// <summary>The key or index the pointer ends with.</summary>
    public static string LastKey(string pointer) => Unescape(pointer.Substring(pointer.LastIndexOf('/') + 1));

    /// <summary>The pointer of the node's parent.</summary>
    public static string Parent(string pointer) => pointer.Substring(0, Math.Max(0, pointer.LastIndexOf('/')));
}
