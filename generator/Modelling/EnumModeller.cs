using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Specgen.Generator.Common;
using Specgen.Generator.Modelling.Model;

namespace Specgen.Generator.Modelling;

/// <summary>String enums → extensible enum structs. A single-value enum is a constant, not a type.</summary>
internal sealed class EnumModeller(ModelContext context, SchemaModeller schemas)
{
    public const string ExtensibleEnumExtension = "x-extensible-enum";

    /// <summary>The enum type, or null when the schema is better served by a plain string.</summary>
    public TypeRef? Model(IOpenApiSchema schema, NameHint hint, string pointer, string? fixedName)
    {
        var isClosed = schema.Enum is { Count: > 0 };
        var nodes = isClosed ? schema.Enum!.Cast<JsonNode?>() : (SchemaModeller.ExtensionValue(schema, ExtensibleEnumExtension) as JsonArray)?.AsEnumerable();
        var values = Values(nodes);
        if (values.Count == 0 || (isClosed && values.Count == 1 && fixedName is null))
        {
            return null;
        }

        var shape = "enum:" + (isClosed ? "closed:" : "open:") + string.Join("\u0001", values);
        if (fixedName is null && context.TypesByShape.TryGetValue(shape, out var existing))
        {
            return existing;
        }

        var name = fixedName ?? context.ClaimTypeName(schemas.GivenNameAt(pointer) is { } given ? hint with { Name = given } : hint);
        var members = new NameScope(new[] { name, "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "JsonConverter" });
        var model = new EnumModel(
            name,
            schema.Description,
            schema.Deprecated,
            values.Select(v => new EnumMemberModel(context.ClaimFor(members, "The enum values", v, MemberName(v), pointer), v)).ToEquatableArray(),
            isClosed);
        context.Add(model);
        var type = TypeRef.Named(name, isValueType: true);
        context.TypesByShape[shape] = type;
        return type;
    }

    /// <summary>The C# name of an enum value; <c>*</c> reads as <c>Any</c>.</summary>
    public static string MemberName(string value) => value == "*" ? "Any" : Naming.Pascal(value, "Value");

    /// <summary>The distinct string values, in order (real specs repeat values).</summary>
    private static List<string> Values(IEnumerable<JsonNode?>? nodes)
    {
        var values = new List<string>();
        foreach (var node in nodes ?? Enumerable.Empty<JsonNode?>())
        {
            if (node is JsonValue value && value.TryGetValue(out string? text) && !values.Contains(text))
            {
                values.Add(text);
            }
        }

        return values;
    }
}
