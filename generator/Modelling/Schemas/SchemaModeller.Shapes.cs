using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Specgen.Generator.Model;

namespace Specgen.Generator.Modelling;

internal sealed partial class SchemaModeller
{
    /// <summary>
    /// What an allOf stands for: a record (<c>isObject</c>) when the schema or one of its parts has
    /// properties and more than one part says what it is, else the index of the part whose type it is
    /// (-1 when every part only annotates, so the schema's own keywords decide).
    /// </summary>
    private static (int Index, bool IsObject) AllOfType(IOpenApiSchema schema, IList<IOpenApiSchema> allOf)
    {
        var substantive = Enumerable.Range(0, allOf.Count).Where(i => allOf[i] is not null && !IsAnnotationOnly(allOf[i])).ToList();
        var ownProperties = (schema.Properties?.Count ?? 0) > 0 || HasUnion(schema);
        if (ownProperties)
        {
            return (-1, true);
        }

        if (substantive.Count == 1)
        {
            return (substantive[0], false);
        }

        if (substantive.Count == 0)
        {
            return (-1, false);
        }

        // Several parts: one record, unless none of them is an object (a string and a constrained string).
        return substantive.Any(i => IsObjectLike(allOf[i], 0)) ? (-1, true) : (substantive[0], false);
    }

    /// <summary>
    /// A schema that only describes or constrains a value (description, title, example, deprecated,
    /// lengths, patterns, ranges, nullable) and says nothing of what it is: no type, $ref, properties,
    /// required list, items, enum, discriminator or composition.
    /// </summary>
    public static bool IsAnnotationOnly(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && KindOf(schema) == 0 && schema.Properties is not { Count: > 0 }
        && schema.AdditionalProperties is null && schema.Items is null && schema.Enum is not { Count: > 0 } && schema.Const is null
        && schema.AllOf is not { Count: > 0 } && !HasUnion(schema) && schema.Not is null
        && schema.Required is not { Count: > 0 } && schema.Discriminator is null;

    /// <summary>Whether a schema (following references and allOf) describes an object.</summary>
    private static bool IsObjectLike(IOpenApiSchema? schema, int depth)
    {
        var target = schema is OpenApiSchemaReference reference ? reference.Target : schema;
        if (target is null || depth > MaxDepth)
        {
            return false;
        }

        return (KindOf(target) & JsonSchemaType.Object) != 0 || target.Properties is { Count: > 0 } || target.AdditionalProperties is not null
            || HasUnion(target) || (target.AllOf?.Any(p => IsObjectLike(p, depth + 1)) ?? false);
    }

    /// <summary>The schema and its annotation-only allOf parts, where a member's description, deprecation and constraints are read.</summary>
    public static IEnumerable<IOpenApiSchema> Annotations(IOpenApiSchema schema)
    {
        yield return schema;
        foreach (var part in schema.AllOf ?? new List<IOpenApiSchema>())
        {
            if (part is not null && IsAnnotationOnly(part))
            {
                yield return part;
            }
        }
    }

    /// <summary>
    /// The schema's enum values with a JSON null as null: Microsoft.OpenApi keeps a null entry as a
    /// sentinel string, which would otherwise read as a value named after it.
    /// </summary>
    public static List<JsonNode?> EnumValues(IOpenApiSchema schema) =>
        (schema.Enum ?? new List<JsonNode>()).Select(v => v is null || v.IsJsonNullSentinel() ? null : v).ToList();

    public static bool IsNullable(IOpenApiSchema schema) => schema.Type is { } type && (type & JsonSchemaType.Null) != 0;

    private static bool HasUnion(IOpenApiSchema schema) => schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 };

    /// <summary>
    /// A oneOf whose alternatives only add constraints (patterns, lengths) to the schema's own type:
    /// the value stays that type and the alternatives become validation.
    /// </summary>
    public static bool IsConstraintOnlyUnion(IOpenApiSchema schema) =>
        schema.Type is { } type && (type & ~JsonSchemaType.Null) != 0
        && Alternatives(schema) is { Count: > 0 } alternatives
        && alternatives.All(v => v is not OpenApiSchemaReference && v.Type is null && v.Properties is not { Count: > 0 }
            && v.Items is null && v.Enum is not { Count: > 0 } && v.OneOf is not { Count: > 0 } && v.AnyOf is not { Count: > 0 } && v.AllOf is not { Count: > 0 });

    /// <summary>The oneOf alternatives, else the anyOf ones, else none; a missing one (a broken spec) allows any JSON.</summary>
    public static IList<IOpenApiSchema> Alternatives(IOpenApiSchema schema) =>
        (schema.OneOf is { Count: > 0 } oneOf ? oneOf : schema.AnyOf ?? new List<IOpenApiSchema>()).Select(s => s ?? Any).ToList();

    /// <summary>The schema that allows any JSON: what a schema Microsoft.OpenApi could not read (null) stands for.</summary>
    public static readonly IOpenApiSchema Any = new OpenApiSchema();

    private const string BrandPrefix = "__@BRAND@";

    /// <summary>An object whose only property is a TypeScript brand marker carries no data: opaque JSON.</summary>
    public static bool IsBrand(IOpenApiSchema schema) =>
        schema.Properties is { Count: 1 } properties && properties.Keys.First().StartsWith(BrandPrefix, System.StringComparison.Ordinal);

    /// <summary><see cref="IsBrand(IOpenApiSchema)"/> for the schema's JSON.</summary>
    public static bool IsBrand(JsonObject schema) =>
        schema.TryGetPropertyValue("properties", out var properties) && properties is JsonObject { Count: 1 } names
        && names.First().Key.StartsWith(BrandPrefix, System.StringComparison.Ordinal);

    /// <summary>
    /// The type for a new object or union at <paramref name="at"/>: the one an identical shape of
    /// the same <paramref name="kind"/> already has (<c>IsNew</c> false), else a newly named one registered
    /// for the shape. A component (<paramref name="fixedName"/>) always gets its own.
    /// </summary>
    public (TypeRef Type, bool IsNew) TypeFor(string kind, NameHint hint, SchemaAt at, string? fixedName)
    {
        var raw = fixedName is null ? ShapeOf(at) : null;
        var shape = raw is null ? null : kind + ":" + raw;
        if (shape is not null && _context.TypesByShape.TryGetValue(shape, out var existing))
        {
            return (existing, false);
        }

        var type = TypeRef.Named(fixedName ?? _context.ClaimTypeName(hint, raw!));
        if (shape is not null)
        {
            _context.TypesByShape[shape] = type;
        }

        return (type, true);
    }

    /// <summary>The schema's JSON types without <c>null</c> (several flags for <c>type: [string, boolean]</c>); 0 when it names none.</summary>
    public static JsonSchemaType KindOf(IOpenApiSchema schema) => (schema.Type ?? 0) & ~JsonSchemaType.Null;

    /// <summary>
    /// The canonical shape of the schema, for de-duplication, from its JSON. A schema with no JSON (one
    /// Specgen made, or a place modelling lost) is a shape of its own, never one shared with every other.
    /// </summary>
    public static string ShapeOf(SchemaAt at) => at.Node is { } node ? ShapeKey.Of(node) : "unlocated:" + at.Pointer;

    /// <summary>The name <c>x-specgen-name</c> gives the schema's shape; no shape work when the spec names nothing.</summary>
    public string? GivenNameAt(SchemaAt at) =>
        _context.Overrides.IsEmpty ? null : _context.Overrides.NameFor(ShapeOf(at));

    public static JsonNode? ExtensionValue(IOpenApiSchema schema, string name) =>
        schema.Extensions is { } extensions && extensions.TryGetValue(name, out var extension) && extension is JsonNodeExtension node ? node.Node : null;

    /// <summary>A schema <c>type</c> as the scalar table knows it; null for one that is not a scalar's (array, object, null, several).</summary>
    private static ScalarSchemaType? ScalarType(JsonSchemaType type) => type switch
    {
        JsonSchemaType.String => ScalarSchemaType.String,
        JsonSchemaType.Boolean => ScalarSchemaType.Boolean,
        JsonSchemaType.Integer => ScalarSchemaType.Integer,
        JsonSchemaType.Number => ScalarSchemaType.Number,
        _ => null,
    };
}
