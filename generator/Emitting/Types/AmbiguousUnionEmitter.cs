using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// A oneOf whose variants nothing in the spec tells apart (SPECGEN006): guessing would lose data, so
/// the value is kept as raw JSON, written back unchanged, and read as a variant only when the caller
/// asks with <c>TryAs…</c>.
/// </summary>
internal static class AmbiguousUnionEmitter
{
    public static void Write(SourceWriter writer, UnionModel model, SpecModel spec)
    {
        var name = model.Name;
        var ns = spec.Namespace;
        var remarks = new[]
        {
            "The value is kept as the JSON the server sent (<see cref=\"Json\"/>) and written back unchanged;",
            "read it as one of the shapes with the <c>TryAs…</c> methods.",
        };
        using (UnionEmitter.Open(writer, model, spec, $"One of {model.Cases.Count} shapes that the spec does not tell apart.", remarks, $"sealed partial class {name}"))
        {
            writer.Line("/// <summary>Wraps raw JSON.</summary>");
            writer.Line($"public {name}({CSharp.Json}.JsonElement json) => Json = json.Clone();");
            writer.Line();
            writer.Line("/// <summary>The value as JSON.</summary>");
            writer.Line($"public {CSharp.Json}.JsonElement Json {{ get; }}");
            writer.Line();
            foreach (var @case in model.Cases)
            {
                var type = CSharp.TypeName(@case.Type, ns);
                writer.Line($"/// <summary>Reads the value as the <c>{@case.Name}</c> shape; false when it does not fit.</summary>");
                writer.Line($"public bool TryAs{@case.Name}({UnionEmitter.OutValue(type, @case.Type.IsValueType)}) => {CSharp.Infrastructure}.JsonMatch.TryRead<{type}>(Json, {JsonCode.ReadFunc(@case.Type, ns)}, out value);");
                writer.Line();
            }

            foreach (var conversion in model.Conversions)
            {
                var (source, caseType) = (UnionEmitter.SourceType(conversion, ns), conversion.Type);
                writer.Line("/// <summary>Wraps a value of one of the shapes.</summary>");
                writer.Line($"public static implicit operator {name}({source} value) => new {name}({CSharp.Infrastructure}.JsonWrite.ToElement<{CSharp.TypeName(caseType, ns)}>(value, {JsonCode.WriteFunc(caseType, ns)}));");
                writer.Line();
            }

            writer.Line("public override string ToString() => Json.GetRawText();");
            writer.Line();
            writer.Line("/// <summary>Compares the JSON by its content (objects in any member order, numbers by value).</summary>");
            writer.Line($"public bool Equals({name}? other) => ReferenceEquals(this, other) || (other is not null && {EqualityEmitter.Equal(TypeRef.JsonElement, ns, "Json", "other.Json")});");
            writer.Line();
            writer.Line($"public override bool Equals(object? obj) => Equals(obj as {name});");
            writer.Line();
            writer.Line($"public override int GetHashCode() => {EqualityEmitter.Hash(TypeRef.JsonElement, ns, "Json")};");
            writer.Line();
            EqualityEmitter.WriteOperators(writer, name);
            writer.Line();
            // Kept as the raw JSON it is; null for a JSON null.
            writer.Line($"{JsonCode.ReadSignature(name)} =>");
            writer.Line($"    reader.TokenType == {CSharp.Json}.JsonTokenType.Null ? null : new {name}({CSharp.Json}.JsonElement.ParseValue(ref reader));");
            writer.Line();
            using (writer.Block(JsonCode.WriteSignature(name)))
            {
                writer.Line("if (value is null) writer.WriteNullValue(); else value.Json.WriteTo(writer);");
            }

            if (model.IsValidated)
            {
                // Raw JSON of an undecided shape: nothing to check against.
                ValidationEmitter.WriteUnion(writer, model);
            }
        }
    }
}
