using System.Collections.Generic;
using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;
using Specgen.Generator.Modelling;

namespace Specgen.Generator.Emitting;

/// <summary>
/// oneOf/anyOf → a closed union: an abstract class with a private constructor (so only its nested
/// cases can derive from it), one sealed case per variant plus <c>Unknown</c>, exhaustive
/// <c>Match</c>/<c>Switch</c>, <c>Is…</c>/<c>TryGet…</c> helpers and a converter that picks the case
/// with the tests the modeller chose.
/// </summary>
internal static class UnionEmitter
{
    public static void Write(SourceWriter writer, UnionModel model, SpecModel spec)
    {
        if (model.Strategy == UnionStrategy.Ambiguous)
        {
            AmbiguousUnionEmitter.Write(writer, model, spec);
            return;
        }

        var name = model.Name;
        var ns = spec.Namespace;
        var remarks = new[]
        {
            "Switch over it with <see cref=\"Match{TResult}\"/>, <see cref=\"Switch\"/> or a C# <c>switch</c> on its nested case types.",
            "A value that matches none of the shapes the spec lists is kept as <see cref=\"Unknown\"/> and written back unchanged.",
        };
        using (Open(writer, model, spec, DocComments.OneOf(name, model.Cases.Select(c => c.Name)) + ".", remarks, $"abstract partial class {name}"))
        {
            writer.Line($"private {name}()");
            writer.Line("{");
            writer.Line("}");
            writer.Line();
            foreach (var @case in model.Cases)
            {
                WriteCase(writer, name, @case.Name, CSharp.TypeName(@case.Type, ns), @case.Description, "Value", @case.Type.IsValueType);
            }

            WriteCase(writer, name, "Unknown", CSharp.Json + ".JsonElement", "A value that matches none of the shapes the spec lists, kept as the raw JSON the server sent.", "Json", isValueType: true);
            WriteMatch(writer, model, ns);
            WriteHelpers(writer, model, ns);
            WriteConversions(writer, model, ns);
            var cases = model.Cases
                .Select(c => (Case: c.Name, Equal: EqualityEmitter.Equal(c.Type, ns, "a.Value", "b.Value"), Hash: EqualityEmitter.Hash(c.Type, ns, "a.Value")))
                .Append((Case: "Unknown", Equal: EqualityEmitter.Equal(TypeRef.JsonElement, ns, "a.Json", "b.Json"), Hash: EqualityEmitter.Hash(TypeRef.JsonElement, ns, "a.Json")))
                .ToList();
            EqualityEmitter.WriteUnion(writer, name, cases);
            UnionConverterEmitter.Write(writer, model, ns);
            if (model.IsValidated)
            {
                ValidationEmitter.WriteUnion(writer, model);
            }
        }
    }

    private static void WriteCase(SourceWriter writer, string union, string name, string type, string? description, string member, bool isValueType)
    {
        DocComments.Summary(writer, description);
        using (writer.Block($"public sealed class {name} : {union}"))
        {
            writer.Line($"/// <summary>Creates the case.</summary>");
            writer.Line($"public {name}({type} {Naming.Camel(member)}) => {member} = {Naming.Camel(member)};");
            writer.Line();
            writer.Line($"/// <summary>The case's value.</summary>");
            writer.Line($"public {type} {member} {{ get; }}");
            writer.Line();
            writer.Line($"public override string ToString() => {(member == "Json" ? "Json.GetRawText()" : isValueType ? "Value.ToString()" : "Value?.ToString() ?? string.Empty")};");
        }

        writer.Line();
    }

    private static void WriteMatch(SourceWriter writer, UnionModel model, string ns)
    {
        var cases = model.Cases.Select(c => (Case: c.Name, Type: CSharp.TypeName(c.Type, ns), Parameter: Naming.Camel(c.Name), Member: "Value"))
            .Append((Case: "Unknown", Type: CSharp.Json + ".JsonElement", Parameter: "unknown", Member: "Json"))
            .ToList();
        var parameters = UniqueParameters(cases.Select(c => c.Parameter).ToList());

        writer.Line("/// <summary>Calls the function for this value's case and returns its result; every case must be handled.</summary>");
        var funcs = string.Join(", ", cases.Select((c, i) => $"global::System.Func<{c.Type}, TResult> {parameters[i]}"));
        using (writer.Block($"public TResult Match<TResult>({funcs})"))
        {
            using (writer.Block("return this switch", ";"))
            {
                for (var i = 0; i < cases.Count; i++)
                {
                    writer.Line($"{cases[i].Case} value => {parameters[i]}(value.{cases[i].Member}),");
                }

                writer.Line("_ => throw new global::System.InvalidOperationException(\"Unreachable: the union is closed.\"),");
            }
        }

        writer.Line();
        writer.Line("/// <summary>Calls the action for this value's case; every case must be handled.</summary>");
        var actions = string.Join(", ", cases.Select((c, i) => $"global::System.Action<{c.Type}> {parameters[i]}"));
        using (writer.Block($"public void Switch({actions})"))
        {
            using (writer.Block("switch (this)"))
            {
                for (var i = 0; i < cases.Count; i++)
                {
                    writer.Line($"case {cases[i].Case} value: {parameters[i]}(value.{cases[i].Member}); break;");
                }
            }
        }

        writer.Line();
    }

    private static List<string> UniqueParameters(List<string> names)
    {
        var scope = new NameScope();
        return names.Select(n => scope.Claim(n)).ToList();
    }

    private static void WriteHelpers(SourceWriter writer, UnionModel model, string ns)
    {
        foreach (var @case in model.Cases.Select(c => (Name: c.Name, Type: CSharp.TypeName(c.Type, ns), IsValueType: c.Type.IsValueType, Member: "Value"))
                     .Append((Name: "Unknown", Type: CSharp.Json + ".JsonElement", IsValueType: true, Member: "Json")))
        {
            writer.Line($"/// <summary>Whether this is the <see cref=\"{@case.Name}\"/> case.</summary>");
            writer.Line($"public bool Is{@case.Name} => this is {@case.Name};");
            writer.Line();
            writer.Line($"/// <summary>Gets the value when this is the <see cref=\"{@case.Name}\"/> case.</summary>");
            writer.Line($"public bool TryGet{@case.Name}({OutValue(@case.Type, @case.IsValueType)}) {{ if (this is {@case.Name} match) {{ value = match.{@case.Member}; return true; }} value = default; return false; }}");

            writer.Line();
        }
    }

    /// <summary>Implicit conversions from each case's natural C# value, where that value picks exactly one case.</summary>
    private static void WriteConversions(SourceWriter writer, UnionModel model, string ns)
    {
        foreach (var conversion in model.Conversions)
        {
            var (source, caseName) = (SourceType(conversion, ns), conversion.Case);
            writer.Line($"/// <summary>Wraps a value as the <see cref=\"{caseName}\"/> case.</summary>");
            writer.Line($"public static implicit operator {model.Name}({source} value) => new {caseName}(value);");
            writer.Line();
        }
    }

    /// <summary>The C# type a conversion is from.</summary>
    public static string SourceType(UnionConversion conversion, string ns) => conversion.Source switch
    {
        ConversionSource.Array => CSharp.TypeName(conversion.Type.Item!, ns) + "[]",
        ConversionSource.List => $"global::System.Collections.Generic.List<{CSharp.TypeName(conversion.Type.Item!, ns)}>",
        _ => CSharp.TypeName(conversion.Type, ns),
    };

    /// <summary>
    /// The doc comment, attributes and declaration line every union starts with. <paramref name="shapes"/> (escaped XML)
    /// says what it holds: the summary when the spec has no description, else the first remark.
    /// </summary>
    internal static System.IDisposable Open(SourceWriter writer, UnionModel model, SpecModel spec, string shapes, string[] remarks, string declaration)
    {
        var summary = MarkdownDocs.Lines(model.Description);
        DocComments.Element(writer, "summary", summary.Count > 0 ? summary : [shapes]);
        DocComments.Remarks(writer, summary.Count > 0 ? remarks.Prepend(shapes).ToList() : remarks);
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Line(JsonCode.ConverterAttribute(model.Name));
        var validatable = model.IsValidated ? ", " + ValidationEmitter.Interface : string.Empty;
        return writer.Block($"{spec.Accessibility} {declaration} : global::System.IEquatable<{model.Name}>{validatable}, {JsonCode.ValueInterface(model.Name)}");
    }

    /// <summary>The <c>out</c> parameter of a TryGet/TryAs method: a reference type is non-null when it returns true.</summary>
    public static string OutValue(string type, bool isValueType) =>
        isValueType ? $"out {type} value" : $"[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {type}? value";
}
