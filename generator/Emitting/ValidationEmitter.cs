using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Modelling.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// <c>Validate</c> for the types a request body reaches: one check per constraint, written from the
/// model's numbers and Specgen-quoted literals, never from spec text.
/// </summary>
internal static class ValidationEmitter
{
    public const string Interface = CSharp.Runtime + ".IValidatable";
    private const string Validator = CSharp.Runtime + ".RequestValidator";

    public static void WriteRecord(SourceWriter writer, ObjectModel model, string modifier = "")
    {
        using (Open(writer, modifier))
        {
            foreach (var property in model.Properties)
            {
                WriteChecks(writer, property);
            }
        }
    }

    public static void WriteUnion(SourceWriter writer, UnionModel model)
    {
        using (Open(writer))
        {
            var nested = model.Strategy == UnionStrategy.Ambiguous
                ? Enumerable.Empty<UnionCaseModel>()
                : model.Cases.Where(c => c.Type.Kind == TypeKind.Named && !c.Type.IsValueType);
            foreach (var @case in nested)
            {
                writer.Line($"if (this is {@case.Name} {Local(@case.Name)}) validator.Nested(path, {Local(@case.Name)}.Value);");
            }
        }
    }

    private static System.IDisposable Open(SourceWriter writer, string modifier = "")
    {
        writer.Line();
        writer.Line("/// <summary>Adds every way this value breaks the spec's constraints to <paramref name=\"validator\"/>.</summary>");
        writer.Line("/// <param name=\"validator\">Collects the violations.</param>");
        writer.Line("/// <param name=\"path\">This value's JSON path.</param>");
        return writer.Block($"public {modifier}void Validate({Validator} validator, string path)");
    }

    private static void WriteChecks(SourceWriter writer, PropertyModel property)
    {
        var c = property.Constraints;
        // The field, not the property: a required member left null must be reported, not throw.
        var value = RecordMembers.Field(property);
        var at = $"{Validator}.Member(path, {CSharp.Literal(property.JsonName)})";
        if (property.MustBeSet && !property.AllowsNull)
        {
            writer.Line($"validator.Required({at}, {value});");
        }

        var checks = property.Type.Scalar?.Checks ?? ScalarChecks.None;
        if ((checks & ScalarChecks.Text) != 0)
        {
            if (c.MinLength is not null || c.MaxLength is not null)
            {
                writer.Line($"validator.Length({at}, {value}, {Int(c.MinLength)}, {Int(c.MaxLength)});");
            }

            foreach (var pattern in c.Patterns)
            {
                writer.Line($"validator.Pattern({at}, {value}, {CSharp.Literal(pattern)});");
            }

            if (c.AnyOfPatterns.Count > 0)
            {
                writer.Line($"validator.Pattern({at}, {value}, {string.Join(", ", c.AnyOfPatterns.Select(CSharp.Literal))});");
            }
        }

        if ((checks & ScalarChecks.Range) != 0 && (c.Minimum is not null || c.Maximum is not null))
        {
            writer.Line($"validator.Range({at}, {value}, {Double(c.Minimum)}, {Double(c.Maximum)});");
        }

        if ((property.Checks & PropertyChecks.ClosedEnum) != 0)
        {
            writer.Line($"validator.Known({at}, {value});");
        }

        if ((property.Checks & PropertyChecks.Nested) != 0)
        {
            switch (property.Type.Kind)
            {
                case TypeKind.Array:
                    writer.Line($"if ({value} is {{ }} {Local(value)}) for (var i = 0; i < {Local(value)}.Count; i++) validator.Nested({Validator}.Item({at}, i), {Local(value)}[i]);");
                    break;
                case TypeKind.Map:
                    writer.Line($"if ({value} is {{ }} {Local(value)}) foreach (var pair in {Local(value)}) validator.Nested({Validator}.Member({at}, pair.Key), pair.Value);");
                    break;
                default:
                    writer.Line($"validator.Nested({at}, {value});");
                    break;
            }
        }
    }

    private static string Local(string name) => "value" + name;

    private static string Int(int? value) => value is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null";

    private static string Double(double? value) => value is { } n ? CSharp.Number(n) : "null";
}
