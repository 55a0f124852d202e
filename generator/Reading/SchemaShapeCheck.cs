using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Specgen.Generator.Diagnostics;

namespace Specgen.Generator.Reading;

/// <summary>
/// Finds every place the document must hold a schema (a media type's <c>schema</c>, <c>items</c>,
/// <c>not</c>, <c>additionalProperties</c>, the entries of <c>properties</c> and <c>components/schemas</c>,
/// the members of <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c>) and replaces a value of the wrong kind with
/// <c>{}</c> (any JSON), with a warning. Microsoft.OpenApi fails outright on some of these (a property
/// whose schema is a string), which would lose the whole spec for one typo.
/// It also reads two common drifts as their authors meant: <c>nullable: true</c> in an OpenAPI 3.1
/// document (a 3.0 keyword 3.1 dropped) as <c>"null"</c> among the schema's types, and an <c>enum</c> that
/// lists <c>null</c> as allowing null (3.0: <c>nullable</c>; 3.1: <c>"null"</c> in <c>type</c>).
/// </summary>
internal static class SchemaShapeCheck
{
    private enum Role
    {
        Any,
        Schema,
        SchemaMap,
        SchemaList,
    }

    private static readonly HashSet<string> SchemaKeys = new(StringComparer.Ordinal) { "schema", "items", "not", "additionalProperties" };

    private static readonly HashSet<string> SchemaLists = new(StringComparer.Ordinal) { "allOf", "oneOf", "anyOf" };

    /// <summary>Keys OpenAPI gives a boolean wherever they stand (a schema's <c>required</c> is a list, never a string).</summary>
    private static readonly HashSet<string> BooleanKeys = new(StringComparer.Ordinal)
    {
        "required", "deprecated", "allowEmptyValue", "explode", "allowReserved", "nullable", "readOnly", "writeOnly", "uniqueItems",
        "exclusiveMinimum", "exclusiveMaximum",
    };

    /// <summary>Keys whose values are data, not spec structure: never looked into.</summary>
    private static readonly HashSet<string> DataKeys = new(StringComparer.Ordinal) { "example", "examples", "default", "enum", "const" };

    public static void Run(JsonObject root, SourceMap map, List<DiagnosticInfo> diagnostics)
    {
        var is31 = root["openapi"] is JsonValue version && version.ToString().StartsWith("3.1", StringComparison.Ordinal);
        var pending = new Stack<(JsonNode? Node, NodePath Path, Role Role)>();
        pending.Push((root, NodePath.Root, Role.Any));
        while (pending.Count > 0)
        {
            var (node, path, role) = pending.Pop();
            switch (role)
            {
                case Role.SchemaMap when node is JsonObject schemas:
                    foreach (var pair in schemas.ToList())
                    {
                        pending.Push((pair.Value, path.Member(pair.Key), Role.Schema));
                    }

                    break;
                case Role.SchemaList when node is JsonArray list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        pending.Push((list[i], path.Item(i), Role.Schema));
                    }

                    break;
                case Role.Schema or Role.SchemaMap or Role.SchemaList when !Fits(node, role, path):
                    Replace(root, node, path.ToString(), role, map, diagnostics);
                    break;
                default:
                    if (role == Role.Schema && node is JsonObject schema)
                    {
                        AllowNull(schema, is31);
                        FrameworkDialects.Mend(schema);
                    }

                    if (node is JsonObject obj)
                    {
                        Booleans(obj, path, role == Role.Schema, map, diagnostics);
                        foreach (var pair in obj.ToList())
                        {
                            if (!DataKeys.Contains(pair.Key) && !pair.Key.StartsWith("x-", StringComparison.Ordinal))
                            {
                                pending.Push((pair.Value, path.Member(pair.Key), RoleOf(pair.Key, path, role)));
                            }
                        }
                    }
                    else if (node is JsonArray array && role == Role.Any)
                    {
                        for (var i = 0; i < array.Count; i++)
                        {
                            pending.Push((array[i], path.Item(i), Role.Any));
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// A boolean written as text: <c>"true"</c> or <c>"false"</c> is read as the boolean; any other text
    /// (<c>required: optional</c>) is left out, so the default holds, with a warning. Microsoft.OpenApi
    /// fails on the whole document for one such value.
    /// </summary>
    private static void Booleans(JsonObject obj, NodePath path, bool isSchema, SourceMap map, List<DiagnosticInfo> diagnostics)
    {
        foreach (var pair in obj.ToList())
        {
            if (!BooleanKeys.Contains(pair.Key) || pair.Value is not JsonValue value || !value.TryGetValue(out string? text))
            {
                continue;
            }

            // A schema's required is the list of its required members: text there is no list.
            if (!(isSchema && pair.Key == "required") && bool.TryParse(text.Trim(), out var flag))
            {
                obj[pair.Key] = flag;
                continue;
            }

            var at = path.Member(pair.Key).ToString();
            var expected = isSchema && pair.Key == "required" ? "a list of property names" : "true or false";
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.OpenApiError, map.Locate(at), $"'{pair.Key}' must be {expected}, not the text '{text}'; it is left out, so its default holds."));
            obj.Remove(pair.Key);
        }
    }

    private static void AllowNull(JsonObject schema, bool is31)
    {
        var nullable = schema["nullable"] is JsonValue flag && flag.TryGetValue(out bool yes) && yes;
        var nullInEnum = schema["enum"] is JsonArray values && values.Any(v => v is null);
        if (!(is31 ? nullable || nullInEnum : nullInEnum && !nullable))
        {
            return;
        }

        if (!is31)
        {
            schema["nullable"] = true;
        }
        else if (schema["type"] is JsonValue single && single.ToString() != "null")
        {
            schema["type"] = new JsonArray(single.ToString(), "null");
        }
        else if (schema["type"] is JsonArray types && !types.Any(t => t?.ToString() == "null"))
        {
            types.Add("null");
        }
    }

    private static Role RoleOf(string key, NodePath parent, Role parentRole)
    {
        if (parentRole == Role.Schema && key == "properties" || (key == "schemas" && parent.Last == "components" && parent.Parent == NodePath.Root))
        {
            return Role.SchemaMap;
        }

        if (parentRole == Role.Schema && SchemaLists.Contains(key))
        {
            return Role.SchemaList;
        }

        return SchemaKeys.Contains(key) ? Role.Schema : Role.Any;
    }

    private static bool Fits(JsonNode? node, Role role, NodePath path) => role switch
    {
        Role.SchemaMap => node is JsonObject,
        Role.SchemaList => node is JsonArray,
        _ => node is JsonObject || (node is JsonValue value && value.TryGetValue(out bool _) && path.Last == "additionalProperties" && path.Parent is not null),
    };

    private static void Replace(JsonObject root, JsonNode? node, string pointer, Role role, SourceMap map, List<DiagnosticInfo> diagnostics)
    {
        var key = JsonPointer.LastKey(pointer);
        var (expected, fallback) = role switch
        {
            Role.SchemaMap => ("a mapping of names to schemas", "it is left empty"),
            Role.SchemaList => ("a list of schemas", "it is left out"),
            _ => ("a schema (a mapping)", "it is read as any JSON"),
        };

        diagnostics.Add(DiagnosticInfo.Create(Descriptors.OpenApiError, map.Locate(pointer), $"'{key}' must be {expected}, not {Kind(node)}; {fallback}."));
        var parent = node?.Parent ?? JsonPointer.Find(root, JsonPointer.Parent(pointer));
        switch (parent)
        {
            case JsonObject obj when role == Role.SchemaList:
                obj.Remove(key);
                break;
            case JsonObject obj:
                obj[key] = new JsonObject();
                break;
            case JsonArray array when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                array[index] = new JsonObject();
                break;
        }
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "a list",
        JsonObject => "a mapping",
        _ => "the value " + node.ToJsonString(),
    };

}
