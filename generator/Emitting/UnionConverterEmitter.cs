using System.Collections.Generic;
using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Modelling.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// The union's JSON converter: reads the value once, runs the cases' tests in the modeller's order
/// and converts to the first case that passes; anything else becomes <c>Unknown</c>. Never throws
/// on well-formed JSON.
/// </summary>
internal static class UnionConverterEmitter
{
    private const string Match = CSharp.Runtime + ".JsonMatch";

    public static void Write(SourceWriter writer, UnionModel model, string ns)
    {
        var name = model.Name;
        writer.Line($"/// <summary>Reads and writes <see cref=\"{name}\"/> with System.Text.Json.</summary>");
        using (writer.Block($"public sealed class JsonConverter : {CSharp.Serialization}.JsonConverter<{name}>"))
        {
            writer.Line("/// <inheritdoc/>");
            using (writer.Block($"public override {name}? Read(ref {CSharp.Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {CSharp.Json}.JsonSerializerOptions options)"))
            {
                writer.Line($"using var document = {CSharp.Json}.JsonDocument.ParseValue(ref reader);");
                writer.Line("var json = document.RootElement;");
                foreach (var @case in model.ReadOrder.Select(i => model.Cases[i]))
                {
                    var type = CSharp.TypeName(@case.Type, ns);
                    using (writer.Block($"if ({Condition(@case.Test, "json")} && {Match}.TryConvert<{type}>(json, options, out var {Local(@case.Name)}))"))
                    {
                        writer.Line($"return new {@case.Name}({Local(@case.Name)});");
                    }
                }

                writer.Line("return new Unknown(json.Clone());");
            }

            writer.Line();
            writer.Line("/// <inheritdoc/>");
            using (writer.Block($"public override void Write({CSharp.Json}.Utf8JsonWriter writer, {name} value, {CSharp.Json}.JsonSerializerOptions options)"))
            {
                using (writer.Block("switch (value)"))
                {
                    foreach (var @case in model.Cases)
                    {
                        writer.Line($"case {@case.Name} match: {CSharp.Json}.JsonSerializer.Serialize(writer, match.Value, options); break;");
                    }

                    writer.Line("case Unknown match: match.Json.WriteTo(writer); break;");
                }
            }
        }
    }

    private static string Local(string caseName) => "as" + caseName;

    /// <summary>The C# condition for a case test; every string in it is a literal built by Specgen.</summary>
    private static string Condition(CaseTest test, string json)
    {
        var parts = new List<string> { Kinds(test.Kinds, json) };
        parts.AddRange(test.Constants.Select(c => $"{Match}.HasString({json}, {CSharp.Literal(c.Property)}, {CSharp.Literal(c.Value)})"));
        parts.AddRange(test.RequiredProperties.Where(r => test.Constants.All(c => c.Property != r)).Select(r => $"{Match}.Has({json}, {CSharp.Literal(r)})"));
        parts.AddRange(test.ForbiddenProperties.Select(f => $"!{Match}.Has({json}, {CSharp.Literal(f)})"));
        if (test.StringValues.Count > 0)
        {
            parts.Add($"{Match}.IsOneOf({json}, {string.Join(", ", test.StringValues.Select(CSharp.Literal))})");
        }

        if (test.Items is { } items)
        {
            parts.Add($"({json}.GetArrayLength() == 0 || {Condition(items, json + "[0]")})");
        }

        var condition = string.Join(" && ", parts.Where(p => p.Length > 0));
        return condition.Length == 0 ? "true" : condition;
    }

    private static string Kinds(JsonValueKindSet kinds, string json)
    {
        if (kinds == JsonValueKindSet.Any)
        {
            return string.Empty;
        }

        var checks = new List<string>();
        void Add(JsonValueKindSet kind, string valueKind)
        {
            if ((kinds & kind) != 0)
            {
                checks.Add($"{json}.ValueKind == {CSharp.Json}.JsonValueKind.{valueKind}");
            }
        }

        Add(JsonValueKindSet.Object, "Object");
        Add(JsonValueKindSet.Array, "Array");
        Add(JsonValueKindSet.String, "String");
        Add(JsonValueKindSet.Number, "Number");
        Add(JsonValueKindSet.Boolean, "True");
        Add(JsonValueKindSet.Boolean, "False");
        return checks.Count == 1 ? checks[0] : "(" + string.Join(" || ", checks) + ")";
    }
}
