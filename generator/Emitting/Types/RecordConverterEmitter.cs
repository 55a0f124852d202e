using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// A record's JSON converter: property names found in the record's names table
/// (<c>Specgen.Runtime.Infrastructure.JsonMemberNames</c>) and each member's value read in a case of one switch,
/// members the spec does not describe kept in the extension data, a missing required member an error
/// that names it, and optional members left out when unset. No reflection, so it works trimmed and
/// under NativeAOT.
/// </summary>
internal static class RecordConverterEmitter
{
    // Member names are distinct identifiers that start with a capital or an underscore, so this cannot
    // meet a member; the locals (reader, options, writer, value, extra, member, result) are lower case.
    private const string Names = "s_names";

    public static void Write(SourceWriter writer, ObjectModel model, string ns)
    {
        var name = model.Name;
        using (JsonCode.ConverterBlock(writer, name, $"Reads and writes <see cref=\"{name}\"/> with System.Text.Json, without reflection.", model.IsDerived))
        {
            if (model.Properties.Count > 0)
            {
                writer.Line($"private static readonly {CSharp.Infrastructure}.JsonMemberNames {Names} = new({string.Join(", ", model.Properties.Select(p => CSharp.Literal(p.JsonName)))});");
                writer.Line();
            }

            WriteRead(writer, model, ns);
            writer.Line();
            WriteWrite(writer, model, ns);
        }
    }

    private static void WriteRead(SourceWriter writer, ObjectModel model, string ns)
    {
        writer.Line($"/// <summary>Reads the object the reader is on; <c>null</c> for a JSON null.</summary>");
        using (writer.Block($"public static {model.Name}? ReadValue(ref {CSharp.Json}.Utf8JsonReader reader, {CSharp.Json}.JsonSerializerOptions options)"))
        {
            writer.Line($"if (reader.TokenType == {CSharp.Json}.JsonTokenType.Null) return null;");
            WriteReadDispatch(writer, model, ns);

            writer.Line();
            writer.Line($"{CSharp.Infrastructure}.JsonRead.Expect(ref reader, {CSharp.Json}.JsonTokenType.StartObject, {CSharp.Literal(model.Name)});");
            writer.Line(model.Properties.Count > 0 ? $"var result = new {model.Name}(default({CSharp.Infrastructure}.Blank));" : $"var result = new {model.Name}();");
            var extraType = model.AdditionalType is { } additional ? CSharp.TypeName(additional, ns) : CSharp.Json + ".JsonElement";
            writer.Line($"global::System.Collections.Generic.Dictionary<string, {extraType}>? extra = null;");
            if (model.Properties.Count == 0)
            {
                using (writer.Block($"while ({CSharp.Infrastructure}.JsonRead.NextProperty(ref reader))"))
                {
                    writer.Line($"{CSharp.Infrastructure}.JsonRead.Extra(ref reader, ref extra);");
                }
            }
            else
            {
                // The names table finds the member (unknown properties go to extra); each case reads its value.
                writer.Line("var member = -1;");
                var next = model.AdditionalType is { } typed
                    ? $"{CSharp.Infrastructure}.JsonRead.NextMember(ref reader, {Names}, options, {JsonCode.ReadFunc(typed, ns)}, ref extra, ref member)"
                    : $"{CSharp.Infrastructure}.JsonRead.NextMember(ref reader, {Names}, ref extra, ref member)";
                using (writer.Block($"while ({next})"))
                {
                    using (writer.Block("switch (member)"))
                    {
                        // In a hierarchy each level keeps its own members' bits, so each case marks its own.
                        var levels = model.Levels.Count > 1;
                        for (var i = 0; i < model.Properties.Count; i++)
                        {
                            var property = model.Properties[i];
                            var mark = levels ? $" result.{RecordMembers.SetField(model, i)} |= {RecordMembers.Bit(model, i)};" : string.Empty;
                            writer.Line($"case {i}: result.{RecordMembers.Field(property)} = {ReadValue(property, ns)};{mark} break;");
                        }
                    }

                    if (model.Levels.Count == 1)
                    {
                        writer.Line();
                        WriteMarkPresent(writer, model);
                    }
                }
            }

            writer.Line();
            writer.Line($"result.{model.ExtensionDataName} = extra;");

            // A required member the JSON lacked (or had as null where the spec allows none) fails only a strict read.
            for (var i = 0; i < model.Properties.Count; i++)
            {
                var property = model.Properties[i];
                // A writeOnly member is never in a response: lacking it is not a drift from the spec.
                if (!property.CanBeUnavailable || property.Direction == MemberDirection.RequestOnly)
                {
                    continue;
                }

                var incomplete = $"{CSharp.Infrastructure}.JsonRead.Incomplete(options, {CSharp.Literal(model.Name)}, {CSharp.Literal(property.JsonName)}";
                // A constant starts out holding its value: whether the JSON had it is its presence bit.
                writer.Line(property.AllowsNull || property.ConstantLiteral is not null
                    ? $"if (!{RecordMembers.IsSet(model, i, "result.")}) {incomplete}, false);"
                    : $"if (result.{RecordMembers.Field(property)} is null) {incomplete}, {RecordMembers.IsSet(model, i, "result.")});");
            }

            writer.Line("return result;");
        }
    }

    /// <summary>
    /// A hierarchy's base reads the subtype its discriminator names (the first occurrence, looked up on a
    /// copy of the reader); any other value, or none, reads as the base itself.
    /// </summary>
    private static void WriteReadDispatch(SourceWriter writer, ObjectModel model, string ns)
    {
        if (model.Hierarchy is not { IsSealed: false } hierarchy)
        {
            return;
        }

        var seen = new System.Collections.Generic.HashSet<string>(hierarchy.Values, System.StringComparer.Ordinal);
        using (writer.Block($"switch ({CSharp.Infrastructure}.JsonMatch.StringOf(reader, {JsonCode.Utf8(hierarchy.Discriminator)}))"))
        {
            foreach (var subtype in hierarchy.Subtypes)
            {
                // A value two types claim means the first; a value that means this type reads it below.
                var values = subtype.Values.Where(seen.Add).ToList();
                if (values.Count > 0)
                {
                    writer.Line($"{string.Concat(values.Select(v => $"case {CSharp.Literal(v)}: "))}return {subtype.Name}.JsonConverter.ReadValue(ref reader, options);");
                }
            }
        }
    }

    private static string Local(string typeName) => "as" + typeName;

    /// <summary>The member just read is on the wire: its bit, in the presence field that holds it (a shift of a ulong takes the count modulo 64).</summary>
    private static void WriteMarkPresent(SourceWriter writer, ObjectModel model)
    {
        var fields = RecordMembers.OwnSetFields(model).ToList();
        if (fields.Count == 1)
        {
            writer.Line($"result.{fields[0].Name} |= 1UL << member;");
            return;
        }

        for (var f = 0; f < fields.Count; f++)
        {
            var bound = ((f + 1) * 64).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var test = f == 0 ? $"if (member < {bound}) " : f == fields.Count - 1 ? "else " : $"else if (member < {bound}) ";
            writer.Line($"{test}result.{fields[f].Name} |= 1UL << member;");
        }
    }

    /// <summary>An expression reading a member's value; a value type's field is nullable, and a JSON null leaves it null.</summary>
    private static string ReadValue(PropertyModel property, string ns)
    {
        var type = property.Type;
        // A value that can fail its format is read leniently: if it does, it is kept as sent in the raw field.
        var read = type.CanBeMalformed
            ? $"{CSharp.Infrastructure}.JsonRead.{(type.IsValueType ? "LenientValue" : "Lenient")}(ref reader, options, {JsonCode.ReadFunc(type, ns)}, ref result.{RecordMembers.RawField(property)})"
            : JsonCode.ReadCall(type, ns);

        // default(T?), not null: an enum converts from string, so null alone would be read as one. Written
        // out rather than through JsonRead.OrNull: a delegate call per value is measurable in the reader.
        return type.IsValueType ? $"reader.TokenType == {CSharp.Json}.JsonTokenType.Null ? default({CSharp.TypeName(type, ns)}?) : {read}" : read;
    }

    private static void WriteWrite(SourceWriter writer, ObjectModel model, string ns)
    {
        writer.Line("/// <summary>Writes the object: the members on the wire (a null as null), then the extension data.</summary>");
        using (writer.Block($"public static void WriteValue({CSharp.Json}.Utf8JsonWriter writer, {model.Name}? value, {CSharp.Json}.JsonSerializerOptions options)"))
        {
            writer.Line("if (value is null) { writer.WriteNullValue(); return; }");
            foreach (var subtype in model.Hierarchy?.Subtypes ?? EquatableArray<SubtypeModel>.Empty)
            {
                // Deepest first: a subtype's own converter writes all its members.
                writer.Line($"if (value is {subtype.Name} {Local(subtype.Name)}) {{ {subtype.Name}.JsonConverter.WriteValue(writer, {Local(subtype.Name)}, options); return; }}");
            }

            writer.Line();
            writer.Line("writer.WriteStartObject();");
            for (var i = 0; i < model.Properties.Count; i++)
            {
                var property = model.Properties[i];
                var field = "value." + RecordMembers.Field(property);
                var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                // A value type's field is nullable: null is written as null (the member is on the wire).
                var write = property.Type.IsValueType
                    ? $"if ({field} is {{ }} v{index}) {JsonCode.WriteCall(property.Type, ns, "v" + index)} else writer.WriteNullValue();"
                    : JsonCode.WriteCall(property.Type, ns, field);
                if (property.Type.CanBeMalformed)
                {
                    // A value kept as sent goes back unchanged.
                    write = $"if (value.{RecordMembers.RawField(property)} is {{ }} raw{index}) raw{index}.WriteTo(writer); else {write}";
                }

                // A readOnly member is the server's: the client does not send it back in a request.
                var request = property.Direction == MemberDirection.ResponseOnly ? $" && !{CSharp.Infrastructure}.JsonWrite.IsRequest(options)" : string.Empty;
                writer.Line($"if ({RecordMembers.IsSet(model, i, "value.")}{request}) {{ writer.WritePropertyName({Names}[{index}]); {write} }}");
            }

            writer.Line(model.AdditionalType is { } typed
                ? $"{CSharp.Infrastructure}.JsonWrite.Extra(writer, value.{model.ExtensionDataName}, options, {JsonCode.WriteFunc(typed, ns)});"
                : $"{CSharp.Infrastructure}.JsonWrite.Extra(writer, value.{model.ExtensionDataName});");
            writer.Line("writer.WriteEndObject();");
        }
    }
}
