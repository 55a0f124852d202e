using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Modelling;

/// <summary>
/// String and integer enums → extensible enum structs, their members named by the spec where it names
/// them (<c>x-enum-varnames</c>, <c>x-enumNames</c>, <c>x-ms-enum</c>). A single-value enum is a
/// constant, not a type.
/// </summary>
internal sealed class EnumModeller(ModelContext context, SchemaModeller schemas)
{
    public const string ExtensibleEnumExtension = "x-extensible-enum";

    /// <summary>
    /// Whether the schema is an enum of whole numbers: an <c>integer</c> or <c>number</c> schema (or one
    /// with no type) whose values are all whole numbers. A <c>number</c> enum with fractions stays a number.
    /// </summary>
    public static bool IsIntegerEnum(IOpenApiSchema schema) =>
        schema.Enum is { Count: > 0 } values
        && SchemaModeller.KindOf(schema) is 0 or JsonSchemaType.Integer or JsonSchemaType.Number
        && SchemaModeller.EnumValues(schema) is var nodes && nodes.All(v => v is null || Whole(v) is not null) && nodes.Any(v => v is not null);

    /// <summary>The enum type, or null when the schema is better served by a plain string or number.</summary>
    public TypeRef? Model(SchemaAt at, NameHint hint, string? fixedName)
    {
        var schema = at.Schema!;
        var pointer = at.Pointer;
        var isClosed = schema.Enum is { Count: > 0 };
        var isInteger = IsIntegerEnum(schema);
        var nodes = isClosed ? SchemaModeller.EnumValues(schema) : (SchemaModeller.ExtensionValue(schema, ExtensibleEnumExtension) as JsonArray)?.ToList() ?? new List<JsonNode?>();
        var values = Values(nodes, isInteger);
        if (values.Count == 0 || (isClosed && values.Count == 1 && fixedName is null))
        {
            return null;
        }

        var shape = "enum:" + (isInteger ? "integer:" : string.Empty) + (isClosed ? "closed:" : "open:") + string.Join("\u0001", values.Select(v => v.Wire));
        if (fixedName is null && context.TypesByShape.TryGetValue(shape, out var existing))
        {
            return existing;
        }

        var msEnum = SchemaModeller.ExtensionValue(schema, "x-ms-enum") as JsonObject;
        var given = schemas.GivenNameAt(at) ?? (msEnum?["name"] is JsonValue msName && msName.TryGetValue(out string? text) ? Naming.Pascal(text, hint.Name) : null);
        var name = fixedName ?? context.ClaimTypeName(given is not null ? hint with { Name = given } : hint);
        var members = new NameScope(ReservedNames.Enum.Append(name));
        var names = new Names(schema, nodes, msEnum);
        var model = new EnumModel(
            name,
            schema.Description,
            schema.Deprecated,
            values.Select(v => new EnumMemberModel(context.ClaimFor(members, "The enum values", v.Wire, names.NameOf(v.Node) ?? MemberName(v.Wire, isInteger), pointer), v.Wire, names.DescriptionOf(v.Node))).ToEquatableArray(),
            isClosed,
            isInteger);
        context.Add(model);
        if (isInteger)
        {
            context.IntegerEnums.Add(name);
        }

        var type = TypeRef.Named(name, isValueType: true);
        context.TypesByShape[shape] = type;
        return type;
    }

    /// <summary>The C# name of an enum value when the spec gives none: <c>*</c> reads as <c>Any</c>; a number as <c>Value2</c> or <c>ValueMinus1</c>.</summary>
    public static string MemberName(string value, bool isInteger = false) =>
        isInteger ? (value.StartsWith("-", System.StringComparison.Ordinal) ? "ValueMinus" + value.Substring(1) : "Value" + value)
        : value == "*" ? "Any" : Naming.Pascal(value, "Value");

    /// <summary>The distinct values, in order (real specs repeat values): strings, or whole numbers as invariant text.</summary>
    private static List<(string Wire, JsonNode Node)> Values(List<JsonNode?> nodes, bool isInteger)
    {
        var values = new List<(string Wire, JsonNode Node)>();
        foreach (var node in nodes)
        {
            var wire = node is not JsonValue value ? null
                : isInteger ? Whole(node)?.ToString(CultureInfo.InvariantCulture)
                : value.TryGetValue(out string? text) ? text : null;
            if (wire is not null && !values.Any(v => v.Wire == wire))
            {
                values.Add((wire, node!));
            }
        }

        return values;
    }

    /// <summary>A JSON number that is a whole number fitting a <see cref="long"/>; null otherwise.</summary>
    private static long? Whole(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.Number)
        {
            return null;
        }

        if (value.TryGetValue(out long whole))
        {
            return whole;
        }

        return value.TryGetValue(out double number) && number == System.Math.Floor(number) && System.Math.Abs(number) < 9e18 ? (long)number : null;
    }

    /// <summary>The names and descriptions a spec gives its enum values, in any of the extensions generators read.</summary>
    private sealed class Names(IOpenApiSchema schema, List<JsonNode?> nodes, JsonObject? msEnum)
    {
        private readonly JsonArray? _names = (SchemaModeller.ExtensionValue(schema, "x-enum-varnames") ?? SchemaModeller.ExtensionValue(schema, "x-enumNames")) as JsonArray;
        private readonly JsonArray? _descriptions = (SchemaModeller.ExtensionValue(schema, "x-enum-descriptions") ?? SchemaModeller.ExtensionValue(schema, "x-enumDescriptions")) as JsonArray;

        public string? NameOf(JsonNode value) => (Text(_names, value) ?? Described(value, "name")) is { } name ? Naming.Pascal(name, "Value") : null;

        public string? DescriptionOf(JsonNode value) => Text(_descriptions, value) ?? Described(value, "description");

        /// <summary>The string at the value's index in a list that parallels <c>enum</c>.</summary>
        private string? Text(JsonArray? list, JsonNode value)
        {
            var index = nodes.IndexOf(value);
            return list is not null && index >= 0 && index < list.Count && list[index] is JsonValue item && item.TryGetValue(out string? text) && text.Length > 0 ? text : null;
        }

        /// <summary>What <c>x-ms-enum.values</c> says of the value: <c>[{value, name, description}]</c>.</summary>
        private string? Described(JsonNode value, string key) =>
            (msEnum?["values"] as JsonArray)?.OfType<JsonObject>()
                .FirstOrDefault(v => JsonNode.DeepEquals(v["value"], value))?[key] is JsonValue found && found.TryGetValue(out string? text) && text.Length > 0 ? text : null;
    }
}
