using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>Object schemas → sealed records with <c>required</c>/<c>init</c> members and JSON attributes.</summary>
internal static class RecordEmitter
{
    public static void Write(SourceWriter writer, ObjectModel model, SpecModel spec)
    {
        DocComments.Summary(writer, model.Description);
        if (model.Hierarchy is { IsSealed: false } hierarchy)
        {
            DocComments.Remarks(writer, new[]
            {
                $"Read as the type its <c>{DocComments.Escape(hierarchy.Discriminator)}</c> says: "
                + string.Join(", ", hierarchy.Subtypes.Select(t => $"<see cref=\"{t.Name}\"/>"))
                + $"; a value this version does not know reads as a plain <see cref=\"{model.Name}\"/>, the rest of its JSON kept in {(model.IsDerived ? $"<c>{model.ExtensionDataName}</c>" : $"<see cref=\"{model.ExtensionDataName}\"/>")}.",
            });
        }

        writer.Line(CSharp.GeneratedCodeAttribute);
        if (model.IsDeprecated)
        {
            writer.Line(CSharp.ObsoleteAttribute);
        }

        writer.Line($"[{CSharp.Serialization}.JsonConverter(typeof({model.Name}.JsonConverter))]");
        var bases = new[] { model.Hierarchy?.BaseName, model.IsValidated ? ValidationEmitter.Interface : null }.Where(b => b is not null).ToList();
        var sealedness = model.Hierarchy is { IsSealed: false } ? string.Empty : "sealed ";
        using (writer.Block($"{spec.Accessibility} {sealedness}partial record {model.Name}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty)}"))
        {
            if (model.Properties.Count > 0)
            {
                WriteState(writer, model, spec.Namespace);
            }

            var root = !model.IsDerived;
            for (var i = model.InheritedCount; i < model.Properties.Count; i++)
            {
                WriteProperty(writer, model, i, spec.Namespace);
                if (root || i < model.Properties.Count - 1)
                {
                    // A subtype has no extension data member after its last one; what follows opens with its own blank line.
                    writer.Line();
                }
            }

            if (!model.IsDerived)
            {
                if (model.AdditionalType is { } additional)
                {
                    writer.Line("/// <summary>The other properties, each of the type the spec's <c>additionalProperties</c> gives them.</summary>");
                    writer.Line($"public global::System.Collections.Generic.IDictionary<string, {CSharp.TypeName(additional, spec.Namespace)}>? {model.ExtensionDataName} {{ get; set; }}");
                }
                else
                {
                    writer.Line("/// <summary>Members the server sent that the spec does not describe; kept so nothing is lost on a round trip.</summary>");
                    writer.Line($"[{CSharp.Serialization}.JsonExtensionData]");
                    writer.Line($"public global::System.Collections.Generic.IDictionary<string, {CSharp.Json}.JsonElement>? {model.ExtensionDataName} {{ get; set; }}");
                }
            }

            if (OwnProperties(model).Any(p => p.CanBeUnavailable || p.Type.CanBeMalformed))
            {
                WritePrintMembers(writer, model);
            }

            EqualityEmitter.WriteRecord(writer, model);

            if (model.IsValidated)
            {
                ValidationEmitter.WriteRecord(writer, model, ValidateModifier(model, spec));
            }

            writer.Line();
            RecordConverterEmitter.Write(writer, model, spec.Namespace);
        }
    }

    private static IEnumerable<PropertyModel> OwnProperties(ObjectModel model) => model.Properties.Skip(model.InheritedCount);

    /// <summary>How a record's fields and constructors are reached: by the converters of the types deriving from it too.</summary>
    private static string Access(ObjectModel model) => model.Hierarchy is { IsSealed: false } ? "private protected" : "private";

    /// <summary><c>Validate</c> overrides an ancestor's, and is virtual in a base.</summary>
    private static string ValidateModifier(ObjectModel model, SpecModel spec)
    {
        for (var name = model.Hierarchy?.BaseName; name is not null;)
        {
            var ancestor = spec.Types.OfType<ObjectModel>().FirstOrDefault(t => t.Name == name);
            if (ancestor?.IsValidated == true)
            {
                return "override ";
            }

            name = ancestor?.Hierarchy?.BaseName;
        }

        return model.Hierarchy is { IsSealed: false } ? "virtual " : string.Empty;
    }

    /// <summary>
    /// The members' fields and presence bits, and the constructors: a public one for object initializers,
    /// and one for the converter that starts with every member absent.
    /// </summary>
    private static void WriteState(SourceWriter writer, ObjectModel model, string ns)
    {
        if (model.HasOwnMembers)
        {
            writer.Line("// Each member's value, and a bit per member: whether it is on the wire (absent, null and a value are three states).");
        }

        var access = Access(model);
        foreach (var (name, first, count) in RecordMembers.OwnSetFields(model))
        {
            var initial = Enumerable.Range(first, count)
                .Where(i => InitialValue(model.Properties[i], ns) is not null)
                .Select(i => "(" + RecordMembers.Bit(model, i) + ")")
                .ToList();
            writer.Line(initial.Count == 0 ? $"{access} ulong {name};" : $"{access} ulong {name} = {string.Join(" | ", initial)};");
        }

        foreach (var property in OwnProperties(model))
        {
            var initial = InitialValue(property, ns);
            writer.Line($"{access} {RecordMembers.FieldType(property, ns)} {RecordMembers.Field(property)}{(initial is null ? string.Empty : " = " + initial)};");
        }

        if (OwnProperties(model).Any(p => p.Type.CanBeMalformed))
        {
            writer.Line("// The JSON as sent, for a value not valid in its type or format or one that would be written differently; written back until the member is set.");
            foreach (var property in OwnProperties(model).Where(p => p.Type.CanBeMalformed))
            {
                writer.Line($"{access} {CSharp.Json}.JsonElement? {RecordMembers.RawField(property)};");
            }
        }

        if (model.HasOwnMembers)
        {
            writer.Line();
        }

        writer.Line($"/// <summary>Creates a {model.Name}; set its members with an object initializer.</summary>");
        writer.Line($"public {model.Name}() {{ {Preset(model, ns)}}}");
        writer.Line();
        writer.Line("// The converter's start: defaults and constants in place but not on the wire, so a read keeps what the JSON had.");
        writer.Line(CSharp.DisableNullableInitialization);
        writer.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        var clear = RecordMembers.OwnSetFields(model).Select(field => field.Name + " = 0; ");
        var chain = !model.IsDerived ? string.Empty : " : base(blank)";
        writer.Line($"{access} {model.Name}({CSharp.Infrastructure}.Blank blank){chain} {{ {string.Concat(clear)}}}");

        writer.Line(CSharp.RestoreNullableInitialization);
        if (!model.IsDerived || model.HasOwnMembers)
        {
            writer.Line();
        }
    }

    private static void WriteProperty(SourceWriter writer, ObjectModel model, int index, string ns)
    {
        var property = model.Properties[index];
        DocComments.Summary(writer, property.Description);
        DocComments.Remarks(writer, Remarks(property));
        // No [JsonPropertyName] or [JsonIgnore]: the record's converter (named by [JsonConverter]) is the
        // only way System.Text.Json reads or writes it, so they would say nothing; its names table has the JSON names.
        var required = property.MustBeSet ? "required " : string.Empty;
        if (property.IsDeprecated && required.Length == 0)
        {
            // A required member cannot be [Obsolete] (CS9042): every caller must set it. Its remarks say it is deprecated.
            writer.Line(CSharp.ObsoleteAttribute);
        }

        var type = CSharp.Nullable(CSharp.TypeName(property.Type, ns), property.IsNullable);
        var field = RecordMembers.Field(property);
        var set = RecordMembers.SetField(model, index);
        var bit = RecordMembers.Bit(model, index);
        var unavailable = $"{CSharp.Infrastructure}.JsonRead.Unavailable({CSharp.Literal(model.Name)}, {CSharp.Literal(property.Name)}, {CSharp.Literal(property.JsonName)}";
        var getter = !property.CanBeUnavailable ? field
            : !property.AllowsNull ? $"{field} ?? throw {unavailable}, {RecordMembers.IsSet(model, index)})"
            : $"{RecordMembers.IsSet(model, index)} ? {field} : throw {unavailable}, false)";

        // Null is sent as null where the spec allows it; where it does not, an optional member set to null is left out.
        var setter = property.IsRequired || property.AllowsNull
            ? $"{{ {field} = value; {set} |= {bit}; }}"
            : $"{{ {field} = value; {set} = value is null ? {set} & ~({bit}) : {set} | ({bit}); }}";
        if (property.Type.CanBeMalformed)
        {
            // A value kept as sent that did not read says what was wrong when touched; setting the member replaces it.
            var raw = RecordMembers.RawField(property);
            var expected = CSharp.Literal(Expected(property.Type));
            getter = $"{field} is null && {raw} is {{ }} raw ? throw {CSharp.Infrastructure}.JsonRead.Malformed({CSharp.Literal(model.Name)}, {CSharp.Literal(property.Name)}, {CSharp.Literal(property.JsonName)}, {expected}, raw) : {getter}";
            setter = setter.Insert(2, raw + " = null; ");
        }

        writer.Line($"public {required}{type} {property.Name} {{ get => {getter}; init {setter} }}");
    }

    /// <summary>In a hierarchy, the constructor sets the discriminator to the value that means this type (and puts it on the wire).</summary>
    private static string Preset(ObjectModel model, string ns)
    {
        if (model.Hierarchy is not { DiscriminatorIndex: >= 0 and var index, Values.Count: > 0 } hierarchy)
        {
            return string.Empty;
        }

        var property = model.Properties[index];
        var literal = StringLiteral.Of(hierarchy.Values[0]);
        var value = property.Type.Kind == TypeKind.Named ? $"new {CSharp.TypeName(property.Type, ns)}({literal})" : literal;
        return $"{RecordMembers.Field(property)} = {value}; {RecordMembers.SetField(model, index)} |= {RecordMembers.Bit(model, index)}; ";
    }

    /// <summary>What a malformable member's value must be, for the message: <c>date-time</c>, <c>list of uuid</c>.</summary>
    private static string Expected(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => "list of " + Expected(type.Item!),
        TypeKind.Map => "map of " + Expected(type.Item!),
        _ => type.Scalar!.Expected,
    };

    /// <summary>
    /// <c>ToString</c>'s members, from the fields: a required member the JSON lacked must not make
    /// <c>ToString</c> throw the way touching it does.
    /// </summary>
    private static void WritePrintMembers(SourceWriter writer, ObjectModel model)
    {
        writer.Line();
        var derived = model.IsDerived;
        var signature = derived ? "protected override" : model.Hierarchy is { IsSealed: false } ? "protected virtual" : "private";
        var members = OwnProperties(model)
            .Select(p => (Name: p.Name, Value: p.Type.CanBeMalformed ? $"(object?){RecordMembers.Field(p)} ?? {RecordMembers.RawField(p)}" : RecordMembers.Field(p)))
            .ToList();
        if (!derived)
        {
            members.Add((model.ExtensionDataName, model.ExtensionDataName));
        }

        // A subtype's members follow its base's (and the extension data); the runtime prints them all with one call.
        var printed = derived ? "base.PrintMembers(builder)" : "false";
        writer.Line($"{signature} bool PrintMembers(global::System.Text.StringBuilder builder) => {CSharp.Infrastructure}.RecordText.PrintMembers(builder, {printed}, "
            + $"{CSharp.Literal(string.Join(",", members.Select(m => m.Name)))}, new object?[] {{ {string.Join(", ", members.Select(m => m.Value))} }});");
    }

    /// <summary>What a member holds before anything sets it: its constant, its default, or nothing (null).</summary>
    public static string? InitialValue(PropertyModel property, string ns)
    {
        if (property.ConstantLiteral is { } constant)
        {
            return constant;
        }

        if (property.DefaultLiteral is null || property.MustBeSet)
        {
            return null;
        }

        return property.Type.Kind switch
        {
            TypeKind.Named => $"new {CSharp.TypeName(property.Type, ns)}({property.DefaultLiteral})",
            TypeKind.Array => $"global::System.Array.Empty<{CSharp.TypeName(property.Type.Item!, ns)}>()",
            TypeKind.Map => $"new global::System.Collections.Generic.Dictionary<string, {CSharp.TypeName(property.Type.Item!, ns)}>(global::System.StringComparer.Ordinal)",
            _ => property.DefaultLiteral,
        };
    }

    private static List<string> Remarks(PropertyModel property)
    {
        var lines = new List<string>();
        var constraints = property.Constraints;
        if (property.IsDeprecated && property.MustBeSet)
        {
            lines.Add("Deprecated by the API, but still required.");
        }

        if (property.Direction == MemberDirection.ResponseOnly)
        {
            lines.Add("Set by the server (read-only): not sent in requests.");
        }

        if (property.Direction == MemberDirection.RequestOnly)
        {
            lines.Add("Sent in requests (write-only): responses do not carry it.");
        }

        if (property.IsDiscriminator)
        {
            lines.Add("Says which type this is; each type's constructor sets it.");
        }

        if (property.ConstantLiteral is not null)
        {
            lines.Add($"Always <c>{DocComments.Escape(property.ConstantLiteral)}</c> in this shape; set for you.");
        }

        if (property.DefaultLiteral is not null)
        {
            lines.Add($"Defaults to <c>{DocComments.Escape(property.DefaultLiteral)}</c>.");
        }

        if (constraints.MinLength is { } min)
        {
            lines.Add($"At least {min.ToString(CultureInfo.InvariantCulture)} characters.");
        }

        if (constraints.MaxLength is { } max)
        {
            lines.Add($"At most {max.ToString(CultureInfo.InvariantCulture)} characters.");
        }

        if (constraints.Minimum is { } minimum)
        {
            lines.Add($"Minimum: {CSharp.NumberText(minimum)}.");
        }

        if (constraints.Maximum is { } maximum)
        {
            lines.Add($"Maximum: {CSharp.NumberText(maximum)}.");
        }

        foreach (var pattern in constraints.Patterns)
        {
            lines.Add($"Matches <c>{DocComments.Escape(pattern)}</c>.");
        }

        if (constraints.AnyOfPatterns.Count > 0)
        {
            lines.Add("Matches one of " + string.Join(", ", System.Linq.Enumerable.Select(constraints.AnyOfPatterns, p => $"<c>{DocComments.Escape(p)}</c>")) + ".");
        }

        return lines;
    }
}
