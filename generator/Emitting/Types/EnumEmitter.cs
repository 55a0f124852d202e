using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// String and integer enums → extensible <c>readonly struct</c>s: named known values, their wire values
/// as constants for <c>case</c> labels, the list of known values, and any other value kept as is, so a
/// value the server adds tomorrow does not break today's client.
/// </summary>
internal static class EnumEmitter
{
    public static void Write(SourceWriter writer, EnumModel model, SpecModel spec)
    {
        var name = model.Name;
        var (wire, kind) = model.IsInteger ? ("long", "IIntegerEnum") : ("string", "IStringEnum");
        DocComments.Summary(writer, model.Description);
        DocComments.Remarks(writer, new[]
        {
            (model.IsClosed
                ? "Known values are listed as static members. A value the API adds later is kept as is (see <see cref=\"IsKnown\"/>)."
                : "The listed values are the known ones; the API accepts others too.")
            + $" For <c>case</c> labels, switch on <see cref=\"Value\"/> with the constants in <see cref=\"Values\"/>: <c>case {name}.Values.{model.Members[0].Name}:</c>.",
        });
        writer.Line(CSharp.GeneratedCodeAttribute);
        if (model.IsDeprecated)
        {
            writer.Line(CSharp.ObsoleteAttribute);
        }

        writer.Line(JsonCode.ConverterAttribute(name));
        using (writer.Block($"{spec.Accessibility} readonly partial struct {name} : global::System.IEquatable<{name}>, {CSharp.Infrastructure}.{kind}<{name}>"))
        {
            WriteValue(writer, model, wire);
            WriteKnownValues(writer, model, wire);
            WriteConversions(writer, model, wire, kind);
            // Read and written as its wire value by the runtime (IStringEnum/IIntegerEnum implement IJsonValue).
            WriteEquality(writer, model);
        }
    }

    private static void WriteValue(SourceWriter writer, EnumModel model, string wire)
    {
        writer.Line($"private readonly {wire}{(model.IsInteger ? string.Empty : "?")} _value;");
        writer.Line();
        writer.Line($"/// <summary>Creates a value; any {(model.IsInteger ? "number" : "string")} is accepted.</summary>");
        writer.Line(model.IsInteger
            ? $"public {model.Name}(long value) => _value = value;"
            : $"public {model.Name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Line();
        writer.Line("/// <summary>The wire value.</summary>");
        writer.Line(model.IsInteger ? "public long Value => _value;" : "public string Value => _value ?? string.Empty;");
        writer.Line();
    }

    private static void WriteKnownValues(SourceWriter writer, EnumModel model, string wire)
    {
        var name = model.Name;
        foreach (var member in model.Members)
        {
            WriteMemberDoc(writer, member);
            writer.Line($"public static {name} {member.Name} {{ get; }} = new(Values.{member.Name});");
            writer.Line();
        }

        writer.Line($"/// <summary>The known wire values as constants, for <c>case</c> labels and patterns on <see cref=\"Value\"/>.</summary>");
        using (writer.Block("public static class Values"))
        {
            foreach (var member in model.Members)
            {
                // A constant's hover shows its wire value; a description the spec gives is worth repeating.
                if (member.Description is not null)
                {
                    WriteMemberDoc(writer, member);
                }

                writer.Line($"public const {wire} {member.Name} = {Literal(model, member)};");
            }
        }

        writer.Line();
        writer.Line("/// <summary>Every value the spec lists, in its order.</summary>");
        writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{name}> KnownValues {{ get; }} = global::System.Array.AsReadOnly(new {name}[] {{ {string.Join(", ", model.Members.Select(m => m.Name))} }});");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public bool IsKnown => Value is {string.Join(" or ", model.Members.Select(m => "Values." + m.Name))};");
        writer.Line();
    }

    private static void WriteMemberDoc(SourceWriter writer, EnumMemberModel member)
    {
        var wire = $"<c>{DocComments.Escape(member.Value)}</c>";
        if (member.Description is null)
        {
            writer.Line($"/// <summary>{wire}</summary>");
            return;
        }

        DocComments.Summary(writer, member.Description);
        DocComments.Remarks(writer, new[] { "On the wire: " + wire + "." });
    }

    private static void WriteConversions(SourceWriter writer, EnumModel model, string wire, string kind)
    {
        var name = model.Name;
        Member(writer, null, $"static {name} {CSharp.Infrastructure}.{kind}<{name}>.Create({wire} value) => new(value);");
        Member(writer, "<summary>Converts a wire value.</summary>", $"public static implicit operator {name}({wire} value) => new(value);");
        Member(writer, "<summary>The wire value.</summary>", $"public static explicit operator {wire}({name} value) => value.Value;");
    }

    private static void WriteEquality(SourceWriter writer, EnumModel model)
    {
        var name = model.Name;
        Member(writer, null, model.IsInteger
            ? $"public bool Equals({name} other) => Value == other.Value;"
            : $"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        Member(writer, null, $"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        Member(writer, null, model.IsInteger ? "public override int GetHashCode() => Value.GetHashCode();" : "public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        Member(writer, $"<summary>The wire text{(model.IsInteger ? ": the number in the invariant culture" : string.Empty)}.</summary>",
            model.IsInteger ? "public override string ToString() => Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);" : "public override string ToString() => Value;");
        Member(writer, "<summary>Compares wire values.</summary>", $"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        Member(writer, "<summary>Compares wire values.</summary>", $"public static bool operator !=({name} left, {name} right) => !left.Equals(right);", last: true);
    }

    /// <summary>
    /// One member and, unless it is the type's last, the blank line after it; documented unless it is an override or
    /// interface member the framework's own documentation covers (<c>Equals</c>, <c>GetHashCode</c>, an explicit
    /// implementation).
    /// </summary>
    private static void Member(SourceWriter writer, string? doc, string code, bool last = false)
    {
        if (doc is not null)
        {
            writer.Line("/// " + doc);
        }

        writer.Line(code);
        if (!last)
        {
            writer.Line();
        }
    }

    /// <summary>A member's wire value as a C# constant: a string literal, or the number Specgen parsed (never spec text).</summary>
    private static string Literal(EnumModel model, EnumMemberModel member) =>
        model.IsInteger ? member.Value + "L" : CSharp.Literal(member.Value);
}
