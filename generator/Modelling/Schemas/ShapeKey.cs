using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;

namespace Specgen.Generator.Modelling;

/// <summary>
/// A canonical text of a schema's shape (its JSON without descriptions, examples and Specgen's own
/// naming extensions), so identical inline shapes that occur many times become one type. TypeScript
/// brand markers (<c>{"__@BRAND@8675": {}}</c>) differ only by their number and all read as one shape.
/// </summary>
internal static class ShapeKey
{
    private static readonly HashSet<string> Ignored = new(System.StringComparer.Ordinal)
    {
        "description", "example", "examples", "externalDocs", "title", "default",
    };

    public static string Of(JsonNode? node)
    {
        var builder = new StringBuilder();
        var pending = new Stack<object?>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            var isNameMap = next is NameMap;
            if (next is NameMap map)
            {
                next = map.Node;
            }

            switch (next)
            {
                case string literal:
                    builder.Append(literal);
                    break;
                case JsonObject obj when !isNameMap && SchemaModeller.IsBrand(obj):
                    builder.Append("brand");
                    break;
                case JsonObject obj:
                    builder.Append('{');
                    pending.Push("}");
                    var pairs = new List<KeyValuePair<string, JsonNode?>>(obj);
                    pairs.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                    for (var i = pairs.Count - 1; i >= 0; i--)
                    {
                        // Keys of a "properties" map are names, not keywords: never drop them.
                        if (!isNameMap && IsIgnored(pairs[i].Key))
                        {
                            continue;
                        }

                        pending.Push(!isNameMap && pairs[i].Key == "properties" && pairs[i].Value is JsonObject names ? new NameMap(names)
                            : !isNameMap && pairs[i].Key == "required" && pairs[i].Value is JsonArray set ? new NameMap(set)
                            : pairs[i].Value);
                        pending.Push(System.Text.Json.JsonSerializer.Serialize(pairs[i].Key) + ":");
                        pending.Push(",");
                    }

                    break;
                case JsonArray array when isNameMap:
                    // A "required" list is a set: its order is not part of the shape.
                    builder.Append(string.Join(",", Sorted(array)));
                    break;
                case JsonArray array:
                    builder.Append('[');
                    pending.Push("]");
                    for (var i = array.Count - 1; i >= 0; i--)
                    {
                        pending.Push(array[i]);
                        pending.Push(",");
                    }

                    break;
                case JsonNode value:
                    builder.Append(value.ToJsonString());
                    break;
                case null:
                    builder.Append("null");
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool IsIgnored(string key) =>
        Ignored.Contains(key) || key.StartsWith(NamingOverrides.Prefix, System.StringComparison.Ordinal);

    private static List<string> Sorted(JsonArray array)
    {
        var items = new List<string>();
        foreach (var item in array)
        {
            items.Add(item?.ToJsonString() ?? "null");
        }

        items.Sort(string.CompareOrdinal);
        return items;
    }

    /// <summary>A node whose keys (a properties map) or order (a required list) carry no schema meaning.</summary>
    private sealed record NameMap(JsonNode Node);
}
