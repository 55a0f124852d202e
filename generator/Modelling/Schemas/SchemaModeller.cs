using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Model;

namespace Specgen.Generator.Modelling;

/// <summary>
/// Maps a schema to a C# type, making records, enums and unions as it goes. Dispatches on the
/// schema's form; objects, unions and enums have their own modellers.
/// </summary>
internal sealed partial class SchemaModeller
{
    private const int MaxDepth = 64;
    private readonly ModelContext _context;
    private readonly ObjectModeller _objects;
    private readonly UnionModeller _unions;
    private readonly EnumModeller _enums;
    private readonly HashSet<string> _inProgress = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _handedOut = new(System.StringComparer.Ordinal);
    private int _depth;

    public SchemaModeller(ModelContext context)
    {
        _context = context;
        _objects = new ObjectModeller(context, this);
        _unions = new UnionModeller(context, this);
        _enums = new EnumModeller(context, this);
    }

    /// <summary>The schema at a place in the document (a media type's, a parameter's), <c>$ref</c>s on the way followed.</summary>
    public SchemaAt At(IOpenApiSchema? schema, string pointer) => SchemaAt.In(_context.Spec.Root, schema, pointer);

    public Resolved Resolve(SchemaAt at, NameHint hint)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        if (at.Schema is not { } schema)
        {
            return new Resolved(TypeRef.JsonNode, true);
        }

        if (_depth >= MaxDepth)
        {
            _context.Report(Descriptors.Unsupported, at.Pointer, $"Nesting deeper than {MaxDepth} schemas", "the value is kept as raw JSON (JsonNode)");
            return new Resolved(TypeRef.JsonNode, true);
        }

        _depth++;
        try
        {
            return schema is OpenApiSchemaReference reference ? ResolveReference(reference, at.Pointer) : ResolveInline(at, hint);
        }
        finally
        {
            _depth--;
        }
    }

    private Resolved ResolveReference(OpenApiSchemaReference reference, string pointer)
    {
        var id = reference.Reference?.Id;
        var target = reference.Target;
        if ((id is null || target is null) && Nested(reference.Reference?.ReferenceV3) is var (nestedPointer, nested) && nested is not null)
        {
            // A schema inside a component ($defs, a property): a type of its own, named after its key.
            return ResolveComponent(nestedPointer, nested, nestedPointer, Naming.Pascal(Reading.JsonPointer.LastKey(nestedPointer), "Schema"));
        }

        if (id is null || target is null)
        {
            // ReferenceCheck has made every $ref in the file resolvable; this is a reference Microsoft.OpenApi still cannot follow.
            _context.Report(Descriptors.UnresolvedReference, pointer + "/$ref", reference.Reference?.ReferenceV3 ?? id ?? "$ref", "cannot be followed");
            return new Resolved(TypeRef.JsonNode, true);
        }

        return ResolveComponent(id, target);
    }

    /// <summary>The properties an object schema and its allOf parts declare, each where it is and whether it is required.</summary>
    public IEnumerable<(string WireName, SchemaAt At, bool Required)> PropertiesOf(SchemaAt at) => _objects.Members(at);

    /// <summary>The type of the component <paramref name="id"/> (a hierarchy's subtype, which nothing else may refer to).</summary>
    public Resolved ResolveComponent(string id) =>
        _context.Spec.Document.Components?.Schemas is { } components && components.TryGetValue(id, out var target) && target is not null
            ? ResolveComponent(id, target)
            : new Resolved(TypeRef.JsonNode, true);

    /// <summary>
    /// The schema a local <c>$ref</c> names inside a component (<c>#/components/schemas/Thing/$defs/Size</c>),
    /// which Microsoft.OpenApi does not follow: walked through <c>$defs</c>, <c>properties</c>,
    /// <c>items</c>, <c>additionalProperties</c> and the composition lists.
    /// </summary>
    private (string Pointer, IOpenApiSchema? Schema) Nested(string? reference)
    {
        const string prefix = "#/components/schemas/";
        if (reference is null || !reference.StartsWith(prefix, System.StringComparison.Ordinal))
        {
            return (string.Empty, null);
        }

        var segments = reference.Substring(prefix.Length).Split('/').Select(Reading.JsonPointer.Unescape).ToList();
        IOpenApiSchema? schema = _context.Spec.Document.Components?.Schemas is { } components && components.TryGetValue(segments[0], out var root) ? root : null;
        for (var i = 1; i < segments.Count && schema is not null; i++)
        {
            var next = i + 1 < segments.Count ? segments[i + 1] : null;
            var current = schema;
            (schema, var used) = segments[i] switch
            {
                "$defs" when next is not null => ((current as OpenApiSchema)?.Definitions is { } defs && defs.TryGetValue(next, out var found) ? found : null, 1),
                "properties" when next is not null => (current.Properties is { } properties && properties.TryGetValue(next, out var found) ? found : null, 1),
                "items" => (current.Items, 0),
                "additionalProperties" => (current.AdditionalProperties, 0),
                "allOf" or "oneOf" or "anyOf" when int.TryParse(next, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) =>
                    ((segments[i] == "allOf" ? current.AllOf : segments[i] == "oneOf" ? current.OneOf : current.AnyOf) is { } list && index < list.Count ? list[index] : null, 1),
                _ => ((IOpenApiSchema?)null, 0),
            };
            i += used;
        }

        return (reference.Substring(1), schema);
    }

    private Resolved ResolveComponent(string id, IOpenApiSchema target, string? nestedPointer = null, string? nestedName = null)
    {
        if (_context.TypesByReference.TryGetValue(id, out var known))
        {
            if (_inProgress.Contains(id))
            {
                _handedOut.Add(id);
            }

            return new Resolved(known, IsNullable(target));
        }

        if (nestedPointer is null && _context.NullableTwins.TryGetValue(id, out var plain))
        {
            // nullable-simple-user is SimpleUser, nullable where it is used.
            var same = ResolveComponent(plain);
            _context.TypesByReference[id] = same.Type;
            return same with { IsNullable = true };
        }

        var targetPointer = nestedPointer ?? Reading.JsonPointer.Component(id);
        var site = SchemaAt.In(_context.Spec.Root, target, targetPointer);
        string? name;
        if (nestedName is not null)
        {
            name = _context.TypeNames.Claim(nestedName);
        }
        else if (!_context.ComponentNames.TryGetValue(System.Uri.UnescapeDataString(id), out name))
        {
            name = _context.TypeNames.Claim(Naming.Pascal(id, "Schema"));
        }

        // Reserve the name first, so a schema that refers to itself becomes a recursive type.
        var placeholder = TypeRef.Named(name);
        _context.TypesByReference[id] = placeholder;
        _inProgress.Add(id);
        var resolved = ResolveInline(site, new NameHint(name, null), fixedName: name);
        _inProgress.Remove(id);
        _context.TypesByReference[id] = resolved.Type;
        if (_handedOut.Remove(id) && resolved.Type != placeholder)
        {
            _context.Aliases[name] = (resolved.Type, targetPointer);
        }

        return resolved;
    }

    private Resolved ResolveInline(SchemaAt at, NameHint hint, string? fixedName = null)
    {
        var schema = at.Schema!;
        var pointer = at.Pointer;
        var nullable = IsNullable(schema);
        var type = KindOf(schema);

        if (_context.Inheritance.At(pointer) is { BaseId: not null })
        {
            // A subtype is a record of its own, even one that adds nothing to its base.
            return new Resolved(_objects.Model(at, hint, fixedName), nullable);
        }

        if (schema.AllOf is { Count: > 0 } allOf && AllOfType(schema, allOf) is var (index, isObject) && (isObject || index >= 0))
        {
            if (!isObject)
            {
                // The parts agree on one non-object type (or one part says what it is and the rest only
                // describe it): that type, not a record. Annotation parts may add null.
                var single = Resolve(at.Item(allOf[index], "allOf", index), hint);
                return single with { IsNullable = single.IsNullable || nullable || allOf.Any(p => p is not null && IsAnnotationOnly(p) && IsNullable(p)) };
            }

            return new Resolved(_objects.Model(at, hint, fixedName), nullable);
        }

        if (HasUnion(schema) && HierarchyOf(schema) is { } ancestor)
        {
            // Swashbuckle writes each use of a hierarchy as a oneOf of its subtypes, without the
            // discriminator its base declares: the base record reads every subtype by it.
            var resolved = ResolveComponent(ancestor);
            return resolved with { IsNullable = resolved.IsNullable || nullable };
        }

        if (HasUnion(schema) && !IsConstraintOnlyUnion(schema))
        {
            return _unions.Model(at, hint, nullable, fixedName);
        }

        if (type == (JsonSchemaType.Integer | JsonSchemaType.Number))
        {
            // type: [integer, number] is a number.
            type = JsonSchemaType.Number;
        }

        if (type == 0 && schema.Const is not null)
        {
            // A const with no type (3.1) is the string it holds.
            type = JsonSchemaType.String;
        }

        if (EnumModeller.IsIntegerEnum(schema))
        {
            // A single value or no usable value: the number itself.
            return new Resolved(_enums.Model(at, hint, fixedName) ?? TypeRef.Of(Scalars.For(ScalarType(type == 0 ? JsonSchemaType.Integer : type) ?? ScalarSchemaType.Integer, schema.Format)!), nullable);
        }

        if (schema.Enum is { Count: > 0 } && (type == 0 || type == JsonSchemaType.String))
        {
            return new Resolved(_enums.Model(at, hint, fixedName) ?? TypeRef.String, nullable);
        }

        if (type == JsonSchemaType.String && ExtensionValue(schema, EnumModeller.ExtensibleEnumExtension) is JsonArray)
        {
            return new Resolved(_enums.Model(at, hint, fixedName) ?? TypeRef.String, nullable);
        }

        if (IsBrand(schema))
        {
            return new Resolved(TypeRef.JsonElement, nullable);
        }

        if (type == JsonSchemaType.Object || (type == 0 && schema.Properties is { Count: > 0 }))
        {
            if (schema.Properties is not { Count: > 0 })
            {
                return schema.AdditionalProperties is { } values
                    ? new Resolved(TypeRef.MapOf(Resolve(at.Child(values, "additionalProperties"), hint.Child(hint.Name + "Value")).Type), nullable)
                    : new Resolved(TypeRef.JsonObject, nullable);
            }

            return new Resolved(_objects.Model(at, hint, fixedName), nullable);
        }

        if (TypeList(type) is { } alternatives)
        {
            // OpenAPI 3.1's type: [string, integer]: a union of those scalars, told apart by the JSON value kind.
            return _unions.Model(at, hint, nullable, fixedName, alternatives);
        }

        return type switch
        {
            JsonSchemaType.Array => ArrayOf(at, hint, nullable),
            _ when ScalarType(type) is { } scalarType && Scalars.For(scalarType, schema.Format) is { } scalar => new Resolved(TypeRef.Of(scalar), nullable),
            _ => new Resolved(TypeRef.JsonNode, true),
        };
    }

    /// <summary>
    /// For a oneOf/anyOf of references to components of one inheritance hierarchy, with no discriminator
    /// or members of its own, the nearest component they all are or derive from; likewise for one
    /// alternative every other one allOfs.
    /// </summary>
    private string? HierarchyOf(IOpenApiSchema schema)
    {
        if (schema.Discriminator is not null || schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 })
        {
            return null;
        }

        var ids = Alternatives(schema).Select(a => (a as OpenApiSchemaReference)?.Reference?.Id).ToList();
        if (ids.Count == 0 || ids.Any(id => id is null))
        {
            return null;
        }

        return _context.Inheritance.CommonAncestor(ids!);
    }

    private Resolved ArrayOf(SchemaAt at, NameHint hint, bool nullable)
    {
        var items = at.Schema!.Items;
        if (at.Node is JsonObject raw && raw.ContainsKey("prefixItems"))
        {
            _context.Report(Descriptors.Unsupported, at.Pointer + "/prefixItems", "A tuple (prefixItems)", items is null ? "the array is a list of any JSON (JsonNode)" : "the array is a list of its items' type");
        }

        return new Resolved(TypeRef.ArrayOf(Resolve(at.Child(items, "items"), hint with { Name = ItemName(hint.Name) }).Type), nullable);
    }

    /// <summary>
    /// For a type list of two or more scalar types (<c>[string, integer]</c>), one schema per type; an
    /// integer beside a number is a number. Null for one type, and for lists with an object or array.
    /// </summary>
    private static IList<IOpenApiSchema>? TypeList(JsonSchemaType type)
    {
        const JsonSchemaType scalars = JsonSchemaType.String | JsonSchemaType.Integer | JsonSchemaType.Number | JsonSchemaType.Boolean;
        if ((type & JsonSchemaType.Number) != 0)
        {
            type &= ~JsonSchemaType.Integer;
        }

        if (type == 0 || (type & ~scalars) != 0 || (type & (type - 1)) == 0)
        {
            return null;
        }

        return new[] { JsonSchemaType.String, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.Boolean }
            .Where(t => (type & t) != 0)
            .Select(t => (IOpenApiSchema)new OpenApiSchema { Type = t })
            .ToList();
    }

    /// <summary>
    /// What to call an array's item type: <c>Tags</c> → <c>Tag</c>, <c>ProviderList</c> → <c>Provider</c>,
    /// <c>ListShapesResponse</c> → <c>ListShapesResponseItem</c>.
    /// </summary>
    private static string ItemName(string arrayName)
    {
        if (arrayName.Length > 4 && arrayName.EndsWith("List", System.StringComparison.Ordinal))
        {
            return arrayName.Substring(0, arrayName.Length - 4);
        }

        var singular = Naming.Singular(arrayName);
        return singular == arrayName ? arrayName + "Item" : singular;
    }
}
