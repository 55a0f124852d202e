using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Modelling.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// String enums → extensible <c>readonly struct</c>s: named known values, any other value kept as is,
/// so a value the server adds tomorrow does not break today's client.
/// </summary>
internal static class EnumEmitter
{
    public static void Write(SourceWriter writer, EnumModel model, SpecModel spec)
    {
        var name = model.Name;
        DocComments.Summary(writer, model.Description, $"The {name} values.");
        DocComments.Remarks(writer, new[]
        {
            model.IsClosed
                ? "Known values are listed as static members. A value the API adds later is kept as is (see <see cref=\"IsKnown\"/>)."
                : "The listed values are the known ones; the API accepts others too.",
        });
        writer.Line(CSharp.GeneratedCodeAttribute);
        if (model.IsDeprecated)
        {
            writer.Line(CSharp.ObsoleteAttribute);
        }

        writer.Line($"[{CSharp.Serialization}.JsonConverter(typeof({name}.JsonConverter))]");
        using (writer.Block($"{spec.Accessibility} readonly partial struct {name} : global::System.IEquatable<{name}>, {CSharp.Runtime}.IStringEnum<{name}>"))
        {
            writer.Line("private readonly string? _value;");
            writer.Line();
            writer.Line($"/// <summary>Creates a value; any string is accepted.</summary>");
            writer.Line($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            writer.Line();
            foreach (var member in model.Members)
            {
                writer.Line($"/// <summary><c>{DocComments.Escape(member.Value)}</c></summary>");
                writer.Line($"public static {name} {member.Name} {{ get; }} = new({CSharp.Literal(member.Value)});");
                writer.Line();
            }

            writer.Line("/// <summary>The wire value.</summary>");
            writer.Line("public string Value => _value ?? string.Empty;");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            var known = string.Join(" or ", model.Members.Select(m => CSharp.Literal(m.Value)));
            writer.Line($"public bool IsKnown => Value is {known};");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"static {name} {CSharp.Runtime}.IStringEnum<{name}>.Create(string value) => new(value);");
            writer.Line();
            writer.Line($"/// <summary>Converts a wire value.</summary>");
            writer.Line($"public static implicit operator {name}(string value) => new(value);");
            writer.Line();
            writer.Line($"/// <summary>The wire value.</summary>");
            writer.Line($"public static explicit operator string({name} value) => value.Value;");
            writer.Line();
            writer.Line($"/// <inheritdoc/>");
            writer.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
            writer.Line();
            writer.Line($"/// <inheritdoc/>");
            writer.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
            writer.Line();
            writer.Line($"/// <inheritdoc/>");
            writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
            writer.Line();
            writer.Line($"/// <inheritdoc/>");
            writer.Line("public override string ToString() => Value;");
            writer.Line();
            writer.Line($"/// <summary>Compares wire values.</summary>");
            writer.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
            writer.Line();
            writer.Line($"/// <summary>Compares wire values.</summary>");
            writer.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
            writer.Line();
            writer.Line($"/// <summary>Reads and writes <see cref=\"{name}\"/> as its wire string, without reflection.</summary>");
            writer.Line($"public sealed class JsonConverter : {CSharp.Runtime}.StringEnumJsonConverter<{name}>");
            writer.Line("{");
            writer.Line("}");
        }
    }
}
