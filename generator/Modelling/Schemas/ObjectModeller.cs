using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Modelling;

/// <summary>Object schemas (and allOf compositions) → records.</summary>
internal sealed class ObjectModeller(ModelContext context, SchemaModeller schemas)
{
    /// <summary>Members every generated record has (from <c>record</c>, <c>object</c>, validation and its converter): no property may take these names.</summary>

    public TypeRef Model(SchemaAt at, NameHint hint, string? fixedName)
    {
        var schema = at.Schema!;
        var pointer = at.Pointer;
        var (type, isNew) = schemas.TypeFor("object", hint, at, fixedName);
        if (!isNew)
        {
            return type;
        }

        var name = type.Name!;

        // In a hierarchy, the base is modelled first: its members are this record's first ones.
        var member = fixedName is null ? null : context.Inheritance.At(pointer);
        var parent = member?.BaseId is { } baseId ? Base(baseId) : null;
        var members = new NameScope(ReservedNames.Record.Append(name));
        var properties = new List<PropertyModel>();
        foreach (var inherited in parent?.Properties ?? EquatableArray<PropertyModel>.Empty)
        {
            members.Claim(inherited.Name);
            properties.Add(inherited);
        }

        if (parent is not null)
        {
            members.Claim(parent.ExtensionDataName);
        }

        foreach (var (wireName, site, required) in Members(at))
        {
            if (!properties.Any(p => p.JsonName == wireName))
            {
                properties.Add(Property(site, wireName, required, members, name));
            }
        }

        if (member is null && fixedName is not null && context.CaseDiscriminators.At(pointer) is { } unionCase)
        {
            SetDiscriminator(properties, unionCase, members);
        }

        var extensionData = parent?.ExtensionDataName ?? members.Claim(members.IsTaken("AdditionalProperties") ? "ExtensionData" : "AdditionalProperties");
        var hierarchy = member is not null && (member.BaseId is null || parent is not null) ? Hierarchy(member, parent, properties) : null;
        var additional = parent is not null ? parent.AdditionalType : properties.Count == 0 ? null : AdditionalType(at, name);
        context.Add(new ObjectModel(name, schema.Description, schema.Deprecated, properties.ToEquatableArray(), extensionData, Hierarchy: hierarchy, AdditionalType: additional));
        if (hierarchy is not null)
        {
            // Its subtypes are types even where no operation names them: the discriminator may pick them.
            foreach (var child in member!.Children)
            {
                schemas.ResolveComponent(child);
            }
        }

        return type;
    }

    /// <summary>
    /// A union's case sets its discriminator: the member is required (the union requires it of every case)
    /// and pre-set to the case's value, so the caller never writes it. A case that does not declare it
    /// (the union does) gets the member.
    /// </summary>
    private static void SetDiscriminator(List<PropertyModel> properties, CaseDiscriminators.Case unionCase, NameScope members)
    {
        var index = properties.FindIndex(p => p.JsonName == unionCase.Property);
        if (index < 0)
        {
            properties.Insert(0, new PropertyModel(members.Claim(Naming.Pascal(unionCase.Property, "Property")), unionCase.Property, TypeRef.String, true, false, null, null, false, Constraints.None));
            index = 0;
        }

        if (properties[index].Type.Kind == TypeKind.String)
        {
            properties[index] = properties[index] with { IsRequired = true, AllowsNull = false, ConstantLiteral = StringLiteral.Of(unionCase.Value) };
        }
    }

    /// <summary>The type <c>additionalProperties</c> gives the other properties (the schema's or an allOf part's); null for any JSON.</summary>
    private TypeRef? AdditionalType(SchemaAt at, string name)
    {
        foreach (var part in Parts(at))
        {
            if (part.Schema!.AdditionalProperties is { } values)
            {
                var type = schemas.Resolve(part.Child(values, "additionalProperties"), new NameHint(name + "Value", name)).Type;
                return type.Kind is TypeKind.JsonNode or TypeKind.JsonElement ? null : type;
            }
        }

        return null;
    }

    /// <summary>The record a subtype derives from; null when the base is still being modelled (a cycle through it), and the subtype stays a plain record.</summary>
    private ObjectModel? Base(string id)
    {
        var type = schemas.ResolveComponent(id).Type;
        return type.Name is { } name && context.TypeNamed(name) is ObjectModel { Hierarchy: not null } found ? found : null;
    }

    /// <summary>Where the record sits in its hierarchy; the root's discriminator member becomes one each type's constructor sets.</summary>
    private HierarchyModel Hierarchy(Inheritance.Member member, ObjectModel? parent, List<PropertyModel> properties)
    {
        // A discriminator is a string (or a string enum); one of another type is read, but not set for the caller.
        var index = properties.FindIndex(p => p.JsonName == member.Discriminator
            && (p.Type.Kind == TypeKind.String || (p.Type.Kind == TypeKind.Named && p.Type.IsValueType && !IsIntegerEnum(p.Type))));
        if (parent is null && index >= 0)
        {
            properties[index] = properties[index] with { IsDiscriminator = true, ConstantLiteral = null };
        }

        var levels = parent is null ? new[] { 0 } : parent.Levels.Append(parent.Properties.Count).ToArray();
        return new HierarchyModel(parent?.Name, levels.ToEquatableArray(), member.Discriminator, index, member.Values.ToEquatableArray(), EquatableArray<SubtypeModel>.Empty);
    }

    private PropertyModel Property(SchemaAt at, string wireName, bool required, NameScope members, string owner)
    {
        var schema = at.Schema!;
        var csName = context.ClaimFor(members, "The properties", wireName, Naming.Pascal(wireName, "Property"), at.Pointer);
        var resolved = schemas.Resolve(at, new NameHint(Naming.Pascal(wireName, "Property"), owner));

        // A TypeScript brand marker never appears on the wire, whatever the spec's required list says.
        required &= !IsBrandMarker(schema);
        var annotations = SchemaModeller.Annotations(schema).ToList();
        return new PropertyModel(
            csName,
            wireName,
            resolved.Type,
            required,
            resolved.IsNullable,
            annotations.Select(a => a.Description).FirstOrDefault(d => d is not null),
            DefaultLiteral(schema.Default, resolved.Type, IsIntegerEnum(resolved.Type)),
            annotations.Any(a => a.Deprecated),
            annotations.Select(ConstraintsOf).FirstOrDefault(c => !c.IsEmpty) ?? Constraints.None,
            required && resolved.Type.Kind == TypeKind.String && ConstantOf(schema) is { } constant ? StringLiteral.Of(constant) : null,
            Direction: DirectionOf(annotations.Append((schema as OpenApiSchemaReference)?.Target)));
    }

    /// <summary><c>readOnly</c> or <c>writeOnly</c> on the member's schema, an annotation part or the schema it refers to; both (a broken spec) is neither.</summary>
    private static MemberDirection DirectionOf(IEnumerable<IOpenApiSchema?> schemas)
    {
        var list = schemas.Where(s => s is not null).ToList();
        var readOnly = list.Any(s => s!.ReadOnly);
        var writeOnly = list.Any(s => s!.WriteOnly);
        return readOnly == writeOnly ? MemberDirection.Both : readOnly ? MemberDirection.ResponseOnly : MemberDirection.RequestOnly;
    }

    private static bool IsBrandMarker(IOpenApiSchema schema) =>
        (schema is OpenApiSchemaReference reference ? reference.Target : schema) is { } target && SchemaModeller.IsBrand(target);

    /// <summary>The one string a schema allows (a single-value enum or a const), if that is all it allows.</summary>
    public static string? ConstantOf(IOpenApiSchema? schema)
    {
        var target = schema is OpenApiSchemaReference reference ? reference.Target : schema;
        if (target?.Const is { } constant)
        {
            return constant;
        }

        return target?.Enum is { Count: 1 } values && values[0] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
    }

    /// <summary>
    /// The properties an object schema declares, its allOf parts' first, each where it is in the document and
    /// whether any part requires it. A name declared twice comes twice; the first wins.
    /// </summary>
    public IEnumerable<(string WireName, SchemaAt At, bool Required)> Members(SchemaAt at)
    {
        foreach (var part in Parts(at))
        {
            var required = part.Schema!.Required ?? new HashSet<string>();
            foreach (var pair in part.Schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                yield return (pair.Key, part.Property(pair.Value ?? SchemaModeller.Any, pair.Key), required.Contains(pair.Key) || IsRequiredElsewhere(at.Schema!, pair.Key));
            }
        }
    }

    /// <summary>The schema itself and every allOf part, each where it is in the document; references are followed.</summary>
    private IEnumerable<SchemaAt> Parts(SchemaAt at)
    {
        var pending = new Stack<SchemaAt>();
        var seen = new HashSet<IOpenApiSchema>();
        pending.Push(at);
        var ordered = new List<SchemaAt>();
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var target = current.Schema is OpenApiSchemaReference reference ? reference.Target : current.Schema;
            if (target is null || !seen.Add(target))
            {
                continue;
            }

            if (current.Schema is OpenApiSchemaReference { Reference.Id: { } id })
            {
                current = schemas.At(target, Reading.JsonPointer.Component(id));
            }

            current = current.With(target);
            ordered.Add(current);
            var parts = target.AllOf ?? new List<IOpenApiSchema>();
            for (var i = parts.Count - 1; i >= 0; i--)
            {
                pending.Push(current.Item(parts[i], "allOf", i));
            }
        }

        // allOf parts first, so inherited members come before the schema's own.
        return ordered.Skip(1).Concat(ordered.Take(1));
    }

    /// <summary>
    /// Whether the schema itself or one of its allOf parts requires the property: <c>required</c> applies
    /// to the whole value wherever the property is declared (ASP.NET Core lists an upload's fields beside
    /// the allOf that declares them).
    /// </summary>
    private static bool IsRequiredElsewhere(IOpenApiSchema schema, string property)
    {
        var target = schema is OpenApiSchemaReference reference ? reference.Target : schema;
        return target?.Required?.Contains(property) == true
            || target?.AllOf?.Any(part => (part is OpenApiSchemaReference r ? r.Target : part)?.Required?.Contains(property) == true) == true;
    }

    public static Constraints ConstraintsOf(IOpenApiSchema schema)
    {
        var patterns = schema.Pattern is { } pattern ? new[] { pattern } : System.Array.Empty<string>();
        var anyOf = SchemaModeller.IsConstraintOnlyUnion(schema)
            ? SchemaModeller.Alternatives(schema).Where(a => a.Pattern is not null).Select(a => a.Pattern!).ToArray()
            : System.Array.Empty<string>();
        var result = new Constraints(schema.MinLength, schema.MaxLength, patterns.ToEquatableArray(), NumberOf(schema.Minimum), NumberOf(schema.Maximum), anyOf.ToEquatableArray());
        return result == Constraints.None ? Constraints.None : result;
    }

    private static double? NumberOf(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsInfinity(number) && !double.IsNaN(number) ? number : null;

    /// <summary>The schema's default as a C# expression, built from the value (never from spec text).</summary>
    /// <summary>Whether a named type is an integer enum (its default is a number, not a string).</summary>
    private bool IsIntegerEnum(TypeRef type) => type.Kind == TypeKind.Named && context.IntegerEnums.Contains(type.Name!);

    /// <summary>The default literal of an empty list, as the spec writes it.</summary>
    public const string EmptyList = "[]";

    /// <summary>The default literal of an empty map, as the spec writes it.</summary>
    public const string EmptyMap = "{}";

    public static string? DefaultLiteral(JsonNode? value, TypeRef type, bool isIntegerEnum = false)
    {
        // An empty list or map (pydantic's default: []): the emitter writes an empty one of the member's type.
        if (value is JsonArray { Count: 0 } && type.Kind == TypeKind.Array)
        {
            return EmptyList;
        }

        if (value is JsonObject { Count: 0 } && type.Kind == TypeKind.Map)
        {
            return EmptyMap;
        }

        if (value is not JsonValue scalar)
        {
            return null;
        }

        if (type.Kind == TypeKind.Named && type.IsValueType)
        {
            // An enum: the emitter wraps the literal in the enum's constructor (a string, or a whole number).
            // A default of the other kind (a number for a string enum) is left out, as it cannot be one.
            return !isIntegerEnum ? (scalar.TryGetValue(out string? enumText) ? StringLiteral.Of(enumText) : null)
                : scalar.TryGetValue(out long whole) ? whole.ToString(CultureInfo.InvariantCulture) + "L"
                : null;
        }

        switch (type.Scalar?.Literal)
        {
            case ScalarLiteral.String when scalar.TryGetValue(out string? text):
                return StringLiteral.Of(text);
            case ScalarLiteral.Boolean when scalar.TryGetValue(out bool flag):
                return flag ? "true" : "false";
            case ScalarLiteral.Double when TryNumber(scalar, out var number):
                return NumberLiteral.Of(number);
            case ScalarLiteral.Int32 when TryNumber(scalar, out var number):
                return ((long)number).ToString(CultureInfo.InvariantCulture);
            case ScalarLiteral.Int64 when TryNumber(scalar, out var number):
                return ((long)number).ToString(CultureInfo.InvariantCulture) + "L";
            case ScalarLiteral.Single when TryNumber(scalar, out var number) && System.Math.Abs(number) <= float.MaxValue:
                return NumberLiteral.Text(number) + "F";
            case ScalarLiteral.Decimal when TryNumber(scalar, out var number) && System.Math.Abs(number) < 7.9e28:
                return NumberLiteral.Text(number) + "M";
            default:
                return null;
        }
    }

    private static bool TryNumber(JsonValue value, out double number)
    {
        if (value.TryGetValue(out double d))
        {
            number = d;
            return !double.IsNaN(d) && !double.IsInfinity(d);
        }

        if (value.TryGetValue(out long l))
        {
            number = l;
            return true;
        }

        if (value.TryGetValue(out decimal m))
        {
            number = (double)m;
            return true;
        }

        number = 0;
        return false;
    }
}
