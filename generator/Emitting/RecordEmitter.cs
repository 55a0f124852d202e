using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Modelling.Model;

namespace Specgen.Generator.Emitting;

/// <summary>Object schemas → sealed records with <c>required</c>/<c>init</c> members and JSON attributes.</summary>
internal static class RecordEmitter
{
    public static void Write(SourceWriter writer, ObjectModel model, SpecModel spec)
    {
        DocComments.Summary(writer, model.Description, $"The {model.Name} object.");
        writer.Line(CSharp.GeneratedCodeAttribute);
        if (model.IsDeprecated)
        {
            writer.Line(CSharp.ObsoleteAttribute);
        }

        writer.Line($"[{CSharp.Serialization}.JsonConverter(typeof({model.Name}.JsonConverter))]");
        var interfaces = model.IsValidated ? " : " + ValidationEmitter.Interface : string.Empty;
        using (writer.Block($"{spec.Accessibility} sealed partial record {model.Name}{interfaces}"))
        {
            if (model.Properties.Count > 0)
            {
                WriteState(writer, model, spec.Namespace);
            }

            for (var i = 0; i < model.Properties.Count; i++)
            {
                WriteProperty(writer, model, i, spec.Namespace);
                writer.Line();
            }

            writer.Line("/// <summary>Members the server sent that the spec does not describe; kept so nothing is lost on a round trip.</summary>");
            writer.Line($"[{CSharp.Serialization}.JsonExtensionData]");
            writer.Line($"public global::System.Collections.Generic.IDictionary<string, {CSharp.Json}.JsonElement>? {model.ExtensionDataName} {{ get; set; }}");
            if (model.Properties.Any(p => p.CanBeUnavailable || p.Type.CanBeMalformed))
            {
                WritePrintMembers(writer, model);
            }

            if (model.IsValidated)
            {
                ValidationEmitter.WriteRecord(writer, model);
            }

            writer.Line();
            RecordConverterEmitter.Write(writer, model, spec.Namespace);
        }
    }

    /// <summary>
    /// The members' fields and presence bits, and the constructors: a public one for object initializers,
    /// and one for the converter that starts with every member absent.
    /// </summary>
    private static void WriteState(SourceWriter writer, ObjectModel model, string ns)
    {
        writer.Line("// Each member's value, and a bit per member: whether it is on the wire (absent, null and a value are three states).");
        foreach (var (name, first, count) in RecordMembers.OwnSetFields(model))
        {
            var initial = Enumerable.Range(first, count)
                .Where(i => InitialValue(model.Properties[i], ns) is not null)
                .Select(i => "(" + RecordMembers.Bit(model, i) + ")")
                .ToList();
            writer.Line(initial.Count == 0 ? $"private ulong {name};" : $"private ulong {name} = {string.Join(" | ", initial)};");
        }

        foreach (var property in model.Properties)
        {
            var initial = InitialValue(property, ns);
            writer.Line($"private {RecordMembers.FieldType(property, ns)} {RecordMembers.Field(property)}{(initial is null ? string.Empty : " = " + initial)};");
        }

        if (model.Properties.Any(p => p.Type.CanBeMalformed))
        {
            writer.Line("// A value the JSON had that is not valid in its member's type or format, kept as sent.");
            foreach (var property in model.Properties.Where(p => p.Type.CanBeMalformed))
            {
                writer.Line($"private {CSharp.Json}.JsonElement? {RecordMembers.RawField(property)};");
            }
        }

        writer.Line();
        writer.Line($"/// <summary>Creates a {model.Name}; set its members with an object initializer.</summary>");
        writer.Line($"public {model.Name}() {{ }}");
        writer.Line();
        writer.Line("// The converter's start: defaults and constants in place but not on the wire, so a read keeps what the JSON had.");
        writer.Line(CSharp.DisableNullableInitialization);
        writer.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        var clear = RecordMembers.OwnSetFields(model).Select(field => field.Name + " = 0; ");
        writer.Line($"private {model.Name}({CSharp.Runtime}.Blank blank) {{ {string.Concat(clear)}}}");

        writer.Line(CSharp.RestoreNullableInitialization);
        writer.Line();
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
        var unavailable = $"{CSharp.Runtime}.JsonRead.Unavailable({CSharp.Literal(model.Name)}, {CSharp.Literal(property.Name)}, {CSharp.Literal(property.JsonName)}";
        var getter = !property.CanBeUnavailable ? field
            : !property.AllowsNull ? $"{field} ?? throw {unavailable}, {RecordMembers.IsSet(model, index)})"
            : $"{RecordMembers.IsSet(model, index)} ? {field} : throw {unavailable}, false)";

        // Null is sent as null where the spec allows it; where it does not, an optional member set to null is left out.
        var setter = property.IsRequired || property.AllowsNull
            ? $"{{ {field} = value; {set} |= {bit}; }}"
            : $"{{ {field} = value; {set} = value is null ? {set} & ~({bit}) : {set} | ({bit}); }}";
        if (property.Type.CanBeMalformed)
        {
            // A value kept as sent says what was wrong when touched; setting the member replaces it.
            var raw = RecordMembers.RawField(property);
            var expected = CSharp.Literal(Expected(property.Type));
            getter = $"{raw} is {{ }} raw ? throw {CSharp.Runtime}.JsonRead.Malformed({CSharp.Literal(model.Name)}, {CSharp.Literal(property.Name)}, {CSharp.Literal(property.JsonName)}, {expected}, raw) : {getter}";
            setter = setter.Insert(2, raw + " = null; ");
        }

        writer.Line($"public {required}{type} {property.Name} {{ get => {getter}; init {setter} }}");
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
        using (writer.Block("private bool PrintMembers(global::System.Text.StringBuilder builder)"))
        {
            var separator = string.Empty;
            foreach (var property in model.Properties)
            {
                var value = property.Type.CanBeMalformed ? $"(object?){RecordMembers.RawField(property)} ?? {RecordMembers.Field(property)}" : $"(object?){RecordMembers.Field(property)}";
                writer.Line($"builder.Append({CSharp.Literal(separator + property.Name + " = ")}).Append({value});");
                separator = ", ";
            }

            writer.Line($"builder.Append({CSharp.Literal(separator + model.ExtensionDataName + " = ")}).Append((object?){model.ExtensionDataName});");
            writer.Line("return true;");
        }
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

        return property.Type.Kind == TypeKind.Named
            ? $"new {CSharp.TypeName(property.Type, ns)}({property.DefaultLiteral})"
            : property.DefaultLiteral;
    }

    private static List<string> Remarks(PropertyModel property)
    {
        var lines = new List<string>();
        var constraints = property.Constraints;
        if (property.IsDeprecated && property.MustBeSet)
        {
            lines.Add("Deprecated by the API, but still required.");
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
