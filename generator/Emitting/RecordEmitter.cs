using System.Collections.Generic;
using System.Globalization;
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
            foreach (var property in model.Properties)
            {
                WriteProperty(writer, property, spec.Namespace);
                writer.Line();
            }

            writer.Line("/// <summary>Members the server sent that the spec does not describe; kept so nothing is lost on a round trip.</summary>");
            writer.Line($"[{CSharp.Serialization}.JsonExtensionData]");
            writer.Line($"public global::System.Collections.Generic.IDictionary<string, {CSharp.Json}.JsonElement>? {model.ExtensionDataName} {{ get; set; }}");
            if (model.IsValidated)
            {
                ValidationEmitter.WriteRecord(writer, model);
            }

            writer.Line();
            RecordConverterEmitter.Write(writer, model, spec.Namespace);
        }
    }

    private static void WriteProperty(SourceWriter writer, PropertyModel property, string ns)
    {
        DocComments.Summary(writer, property.Description);
        DocComments.Remarks(writer, Remarks(property));
        writer.Line($"[{CSharp.Serialization}.JsonPropertyName({CSharp.Literal(property.JsonName)})]");
        if (!property.IsRequired)
        {
            // Absent stays absent: an optional member the caller did not set is not written.
            writer.Line($"[{CSharp.Serialization}.JsonIgnore(Condition = {CSharp.Serialization}.JsonIgnoreCondition.WhenWritingNull)]");
        }

        var required = property.MustBeSet ? "required " : string.Empty;
        if (property.IsDeprecated && required.Length == 0)
        {
            // A required member cannot be [Obsolete] (CS9042): every caller must set it. Its remarks say it is deprecated.
            writer.Line(CSharp.ObsoleteAttribute);
        }

        var type = CSharp.Nullable(CSharp.TypeName(property.Type, ns), property.IsNullable);
        var initial = InitialValue(property, ns);
        writer.Line($"public {required}{type} {property.Name} {{ get; init; }}{(initial is null ? string.Empty : $" = {initial};")}");
    }

    /// <summary>What a member holds before anything sets it: its constant, its default, or nothing (null).</summary>
    public static string? InitialValue(PropertyModel property, string ns)
    {
        if (property.ConstantLiteral is { } constant)
        {
            return constant;
        }

        if (property.DefaultLiteral is null || property.IsRequired)
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
