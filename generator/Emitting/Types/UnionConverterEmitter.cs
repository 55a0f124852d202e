using System.Collections.Generic;
using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// How the union reads and writes itself (its <c>IJsonValue</c> methods): runs the cases' tests in the modeller's order on copies of the reader
/// (lookahead, nothing parsed) and reads the value once, as the first case that passes and fits;
/// anything else becomes <c>Unknown</c>. Never throws on well-formed JSON, and uses no reflection.
/// </summary>
internal static class UnionConverterEmitter
{
    private const string Match = CSharp.Infrastructure + ".JsonMatch";

    public static void Write(SourceWriter writer, UnionModel model, string ns)
    {
        var name = model.Name;
        var facts = model.ScanFacts;
        if (facts is not null)
        {
            writer.Line("/// <summary>What the cases' tests ask of an object's properties; bit <c>i</c> of a scan answers entry <c>i</c>.</summary>");
            var entries = facts.Select(f => $"({CSharp.Literal(f.Property)}, {(f.Value is null ? "null" : CSharp.Literal(f.Value))})");
            writer.Line($"private static readonly {Match}.Facts s_facts = new({string.Join(", ", entries)});");
            writer.Line();
        }

        // Reads the value the reader is on as the first case it fits; null for a JSON null.
        using (writer.Block(JsonCode.ReadSignature(name)))
        {
            writer.Line($"if (reader.TokenType == {CSharp.Json}.JsonTokenType.Null) return null;");

            writer.Line();
            if (facts is not null)
            {
                // One pass over the object's properties answers every case's property tests.
                writer.Line($"var found = {Match}.Scan(reader, s_facts);");
            }

            foreach (var @case in model.ReadOrder.Select(i => model.Cases[i]))
            {
                var type = CSharp.TypeName(@case.Type, ns);
                var read = $"{Match}.TryRead<{type}>(ref reader, options, {JsonCode.ReadFunc(@case.Type, ns)}, out var {Local(@case.Name)})";
                writer.Line($"if ({Condition(@case.Test, "reader", facts)} && {read}) return new {@case.Name}({Local(@case.Name)});");
            }

            if (model.Fallbacks.Count > 0)
            {
                // Without the discriminator: the cases told apart by their required properties.
                foreach (var fallback in model.Fallbacks)
                {
                    var @case = model.Cases[fallback.Case];
                    var type = CSharp.TypeName(@case.Type, ns);
                    var local = "without" + @case.Name;
                    var read = $"{Match}.TryRead<{type}>(ref reader, options, {JsonCode.ReadFunc(@case.Type, ns)}, out var {local})";
                    writer.Line($"if ({Condition(fallback.Test, "reader", facts)} && {read}) return new {@case.Name}({local});");
                }
            }

            writer.Line($"return new Unknown({CSharp.Json}.JsonElement.ParseValue(ref reader));");
        }

        writer.Line();
        // Writes the case's value; Unknown as the JSON it holds.
        using (writer.Block(JsonCode.WriteSignature(name)))
        {
            using (writer.Block("switch (value)"))
            {
                foreach (var @case in model.Cases)
                {
                    writer.Line($"case {@case.Name} match: {JsonCode.WriteCall(@case.Type, ns, "match.Value")} break;");
                }

                writer.Line("case Unknown match: match.Json.WriteTo(writer); break;");
                writer.Line("default: writer.WriteNullValue(); break;");
            }
        }
    }

    private static string Local(string caseName) => "as" + caseName;

    /// <summary>
    /// The C# condition for a case test on the value <paramref name="json"/> (a reader) is on; every
    /// string in it is a literal built by Specgen. With <paramref name="facts"/>, property tests read the
    /// bits of the scan (<c>found</c>); without (an array's first item), each looks ahead itself.
    /// </summary>
    private static string Condition(CaseTest test, string json, List<ScanFact>? facts = null)
    {
        var parts = new List<string> { Kinds(test.Kinds, json) };
        if (facts is not null)
        {
            var required = Mask(facts, test.Required);
            var forbidden = Mask(facts, test.Forbidden);
            parts.Add(required == 0 ? string.Empty : $"(found & {Hex(required)}) == {Hex(required)}");
            parts.Add(forbidden == 0 ? string.Empty : $"(found & {Hex(forbidden)}) == 0");
        }
        else
        {
            parts.AddRange(test.Constants.Select(c => $"{Match}.HasString({json}, {JsonCode.Utf8(c.Property)}, {JsonCode.Utf8(c.Value)})"));
            parts.AddRange(test.RequiredOnly.Select(r => $"{Match}.Has({json}, {JsonCode.Utf8(r)})"));
            parts.AddRange(test.ForbiddenProperties.Select(f => $"!{Match}.Has({json}, {JsonCode.Utf8(f)})"));
        }

        if (test.StringValues.Count > 0)
        {
            parts.Add("(" + string.Join(" || ", test.StringValues.Select(v => $"{Match}.IsString({json}, {JsonCode.Utf8(v)})")) + ")");
        }

        if (test.Items is { } items)
        {
            parts.Add($"({Match}.IsEmptyArray({json}) || {Condition(items, $"{Match}.FirstItem({json})")})");
        }

        var condition = string.Join(" && ", parts.Where(p => p.Length > 0));
        return condition.Length == 0 ? "true" : condition;
    }

    private static ulong Mask(List<ScanFact> facts, IEnumerable<ScanFact> wanted) =>
        wanted.Aggregate(0UL, (mask, fact) => mask | (1UL << facts.IndexOf(fact)));

    private static string Hex(ulong mask) => "0x" + mask.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "UL";

    private static string Kinds(JsonValueKindSet kinds, string json)
    {
        if (kinds == JsonValueKindSet.Any)
        {
            return string.Empty;
        }

        var checks = new List<string>();
        void Add(JsonValueKindSet kind, string token)
        {
            if ((kinds & kind) != 0)
            {
                checks.Add($"{json}.TokenType == {CSharp.Json}.JsonTokenType.{token}");
            }
        }

        Add(JsonValueKindSet.Object, "StartObject");
        Add(JsonValueKindSet.Array, "StartArray");
        Add(JsonValueKindSet.String, "String");
        Add(JsonValueKindSet.Number, "Number");
        Add(JsonValueKindSet.Boolean, "True");
        Add(JsonValueKindSet.Boolean, "False");
        return checks.Count == 1 ? checks[0] : "(" + string.Join(" || ", checks) + ")";
    }
}
