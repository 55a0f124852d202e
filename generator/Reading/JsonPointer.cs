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
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

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
