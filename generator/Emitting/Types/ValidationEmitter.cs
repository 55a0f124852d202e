using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// <c>Validate</c> for the types a request body reaches: one check per constraint, written from the
/// model's numbers and Specgen-quoted literals, never from spec text.
/// </summary>
internal static class ValidationEmitter
{
    public const string Interface = CSharp.Infrastructure + ".IValidatable";
    private const string Validator = CSharp.Infrastructure + ".RequestValidator";

    public static void WriteRecord(SourceWriter writer, ObjectModel model, string ns, string modifier = "")
    {
        using (Open(writer, modifier))
        {
            for (var i = 0; i < model.Properties.Count; i++)
            {
                WriteChecks(writer, model.Properties[i], i, ns);
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
        // IValidatable's, hidden from completion: its documentation is the runtime's.
        writer.Line(CSharp.Hidden);
        return writer.Block($"public {modifier}void Validate({Validator} validator, string path)");
    }

    /// <summary><c>Validate</c> for a form record: each part, by its wire name, checked as a record member is.</summary>
    public static void WriteForm(SourceWriter writer, FormModel model)
    {
        using (Open(writer))
        {
            foreach (var part in model.Parts.Where(p => p.IsChecked))
            {
                WriteValueChecks(writer, part.WireName, part.Name, part.Type, part.Constraints ?? Constraints.None, part.IsRequired && !part.Type.IsValueType);
            }
        }
    }

    private static void WriteChecks(SourceWriter writer, PropertyModel property, int index, string ns)
    {
        // The member's value as kept, not the property: a required member left null must be reported, not throw.
        var value = RecordMembers.Peek(index, CSharp.TypeName(property.Type, ns) + "?");
        var local = Local("_" + property.Name);
        var at = WriteValueChecks(writer, property.JsonName, value, property.Type, property.Constraints, property.MustBeSet && !property.AllowsNull);
        if ((property.Checks & PropertyChecks.ClosedEnum) != 0)
        {
            writer.Line($"validator.Known({at}, {value});");
        }

        if ((property.Checks & PropertyChecks.Nested) != 0)
        {
            switch (property.Type.Kind)
            {
                case TypeKind.Array:
                    writer.Line($"if ({value} is {{ }} {local}) for (var i = 0; i < {local}.Count; i++) validator.Nested({Validator}.Item({at}, i), {local}[i]);");
                    break;
                case TypeKind.Map:
                    writer.Line($"if ({value} is {{ }} {local}) foreach (var pair in {local}) validator.Nested({Validator}.Member({at}, pair.Key), pair.Value);");
                    break;
                default:
                    writer.Line($"validator.Nested({at}, {value});");
                    break;
            }
        }
    }

    /// <summary>
    /// The checks any member has, wherever it is: required, lengths and patterns (on the text a formatted
    /// value is sent as), ranges. Returns the member's JSON path expression.
    /// </summary>
    private static string WriteValueChecks(SourceWriter writer, string jsonName, string value, TypeRef type, Constraints c, bool required)
    {
        var at = $"{Validator}.Member(path, {CSharp.Literal(jsonName)})";
        if (required)
        {
            writer.Line($"validator.Required({at}, {value});");
        }

        var scalar = type.Scalar;
        var checks = scalar?.Checks ?? ScalarChecks.None;
        if ((checks & ScalarChecks.Text) != 0)
        {
            var text = scalar!.Kind == TypeKind.String ? value : $"{Validator}.TextOf({value})";
            if (c.MinLength is not null || c.MaxLength is not null)
            {
                writer.Line($"validator.Length({at}, {text}, {Int(c.MinLength)}, {Int(c.MaxLength)});");
            }

            foreach (var pattern in c.Patterns)
            {
                writer.Line($"validator.Pattern({at}, {text}, {CSharp.Literal(pattern)});");
            }

            if (c.AnyOfPatterns.Count > 0)
            {
                writer.Line($"validator.Pattern({at}, {text}, {string.Join(", ", c.AnyOfPatterns.Select(CSharp.Literal))});");
            }
        }

        if ((checks & ScalarChecks.Range) != 0 && (c.Minimum is not null || c.Maximum is not null))
        {
            writer.Line($"validator.Range({at}, {value}, {Double(c.Minimum)}, {Double(c.Maximum)});");
        }

        return at;
    }

    private static string Local(string name) => "value" + name;

    private static string Int(int? value) => value is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null";

    private static string Double(double? value) => value is { } n ? CSharp.Number(n) : "null";
}
