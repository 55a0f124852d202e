using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Specgen.Generator.Modelling;

/// <summary>
/// Components that are another component made nullable: <c>nullable-simple-user</c> beside <c>simple-user</c>, the
/// same schema but for <c>nullable: true</c> (or <c>"null"</c> among its types), as GitHub's description and others
/// written from TypeScript types give them. C# says nullable at the use (<c>SimpleUser?</c>), so such a component
/// is the other one's type, nullable, and not a second type with the same members.
/// </summary>
/// <remarks>
/// Both the name and the schema must say so: the name is <c>nullable</c> (any case, then an optional <c>-</c>,
/// <c>_</c> or <c>.</c>) followed by the other's name, and the schemas are equal once the nullability, title,
/// description and examples at their top are set aside. A component with an <c>allOf</c> or a <c>discriminator</c>,
/// which may place it in an inheritance hierarchy, is left as it is.
/// </remarks>
internal static class NullableTwins
{
    /// <summary>Set aside when comparing: what makes the twin nullable, and what only describes it.</summary>
    private static readonly HashSet<string> Ignored = new(System.StringComparer.Ordinal) { "nullable", "type", "title", "description", "example", "examples" };

    /// <summary>Each nullable twin's id, with the id of the component it is.</summary>
    public static Dictionary<string, string> Find(JsonNode? root)
    {
        var twins = new Dictionary<string, string>(System.StringComparer.Ordinal);
        if (root?["components"]?["schemas"] is not JsonObject schemas)
        {
            return twins;
        }

        foreach (var pair in schemas)
        {
            if (Stem(pair.Key) is { } stem && stem != pair.Key && schemas[stem] is JsonObject plain
                && pair.Value is JsonObject twin && IsNullable(twin) && !IsNullable(plain)
                && !InHierarchy(twin) && !InHierarchy(plain) && SameBesidesNullability(twin, plain))
            {
                twins[pair.Key] = stem;
            }
        }

        return twins;
    }

    /// <summary>The name after a leading <c>nullable</c> and one separator; null when there is none, or nothing after it.</summary>
    private static string? Stem(string id)
    {
        const string prefix = "nullable";
        if (id.Length <= prefix.Length || !id.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = id.Substring(prefix.Length);
        rest = rest[0] is '-' or '_' or '.' ? rest.Substring(1) : rest;
        return rest.Length > 0 ? rest : null;
    }

    private static bool IsNullable(JsonObject schema) =>
        schema["nullable"] is JsonValue nullable && nullable.TryGetValue<bool>(out var value) && value
        || schema["type"] is JsonArray types && types.Any(t => t is JsonValue v && v.TryGetValue<string>(out var s) && s == "null");

    private static bool InHierarchy(JsonObject schema) => schema.ContainsKey("allOf") || schema.ContainsKey("discriminator");

    private static bool SameBesidesNullability(JsonObject twin, JsonObject plain)
    {
        var twinKeys = twin.Where(p => !Ignored.Contains(p.Key)).ToList();
        var plainKeys = plain.Where(p => !Ignored.Contains(p.Key)).ToList();
        return twinKeys.Count == plainKeys.Count
            && twinKeys.All(p => plain.TryGetPropertyValue(p.Key, out var other) && JsonNode.DeepEquals(p.Value, other))
            && TypesBesidesNull(twin).SetEquals(TypesBesidesNull(plain));
    }

    private static HashSet<string> TypesBesidesNull(JsonObject schema)
    {
        var types = new HashSet<string>(System.StringComparer.Ordinal);
        switch (schema["type"])
        {
            case JsonValue one when one.TryGetValue<string>(out var name):
                types.Add(name);
                break;
            case JsonArray many:
                types.UnionWith(many.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>());
                break;
        }

        types.Remove("null");
        return types;
    }
}
