using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Modelling.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// A record's JSON converter, written out member by member: property names matched as UTF-8 bytes,
/// members the spec does not describe kept in the extension data, a missing required member an error
/// that names it, and optional members left out when unset. No reflection, so it works trimmed and
/// under NativeAOT.
/// </summary>
internal static class RecordConverterEmitter
{
    public static void Write(SourceWriter writer, ObjectModel model, string ns)
    {
        var name = model.Name;
        writer.Line($"/// <summary>Reads and writes <see cref=\"{name}\"/> with System.Text.Json, without reflection.</summary>");
        using (writer.Block($"public sealed class JsonConverter : {CSharp.Serialization}.JsonConverter<{name}>"))
        {
            foreach (var property in model.Properties)
            {
                writer.Line($"private static readonly {CSharp.Json}.JsonEncodedText {NameField(property)} = {CSharp.Json}.JsonEncodedText.Encode({CSharp.Literal(property.JsonName)});");
            }

            if (model.Properties.Count > 0)
            {
                writer.Line();
            }

            JsonCode.WriteConverterOverrides(writer, name);
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
            using (writer.Block($"if (reader.TokenType == {CSharp.Json}.JsonTokenType.Null)"))
            {
                writer.Line("return null;");
            }

            writer.Line();
            writer.Line($"{CSharp.Runtime}.JsonRead.Expect(ref reader, {CSharp.Json}.JsonTokenType.StartObject, {CSharp.Literal(model.Name)});");
            writer.Line(model.Properties.Count > 0 ? $"var result = new {model.Name}(default({CSharp.Runtime}.Blank));" : $"var result = new {model.Name}();");
            writer.Line($"global::System.Collections.Generic.Dictionary<string, {CSharp.Json}.JsonElement>? extra = null;");
            using (writer.Block($"while ({CSharp.Runtime}.JsonRead.NextProperty(ref reader))"))
            {
                for (var i = 0; i < model.Properties.Count; i++)
                {
                    var property = model.Properties[i];
                    using (writer.Block($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({JsonCode.Utf8(property.JsonName)}))"))
                    {
                        writer.Line("reader.Read();");
                        var read = JsonCode.ReadCall(property.Type, ns);
                        var field = "result." + RecordMembers.Field(property);
                        writer.Line(property.Type.IsValueType
                            // default(T?), not null: an enum converts from string, so null alone would be read as one.
                            ? $"{field} = reader.TokenType == {CSharp.Json}.JsonTokenType.Null ? default({CSharp.TypeName(property.Type, ns)}?) : {read};"
                            : $"{field} = {read};");
                        writer.Line($"result.{RecordMembers.SetField(i)} |= {RecordMembers.Bit(i)};");
                    }
                }

                if (model.Properties.Count == 0)
                {
                    writer.Line($"{CSharp.Runtime}.JsonRead.Extra(ref reader, ref extra);");
                }
                else
                {
                    using (writer.Block("else"))
                    {
                        writer.Line($"{CSharp.Runtime}.JsonRead.Extra(ref reader, ref extra);");
                    }
                }
            }

            writer.Line();
            writer.Line($"result.{model.ExtensionDataName} = extra;");

            // A required member the JSON lacked (or had as null where the spec allows none) fails only a strict read.
            for (var i = 0; i < model.Properties.Count; i++)
            {
                var property = model.Properties[i];
                if (!property.CanBeUnavailable)
                {
                    continue;
                }

                var incomplete = $"{CSharp.Runtime}.JsonRead.Incomplete(options, {CSharp.Literal(model.Name)}, {CSharp.Literal(property.JsonName)}";
                // A constant starts out holding its value: whether the JSON had it is its presence bit.
                writer.Line(property.AllowsNull || property.ConstantLiteral is not null
                    ? $"if (!{RecordMembers.IsSet(i, "result.")}) {incomplete}, false);"
                    : $"if (result.{RecordMembers.Field(property)} is null) {incomplete}, {RecordMembers.IsSet(i, "result.")});");
            }

            writer.Line("return result;");
        }
    }

    private static void WriteWrite(SourceWriter writer, ObjectModel model, string ns)
    {
        writer.Line("/// <summary>Writes the object: the members on the wire (a null as null), then the extension data.</summary>");
        using (writer.Block($"public static void WriteValue({CSharp.Json}.Utf8JsonWriter writer, {model.Name}? value, {CSharp.Json}.JsonSerializerOptions options)"))
        {
            using (writer.Block("if (value is null)"))
            {
                writer.Line("writer.WriteNullValue();");
                writer.Line("return;");
            }

            writer.Line();
            writer.Line("writer.WriteStartObject();");
            for (var i = 0; i < model.Properties.Count; i++)
            {
                var property = model.Properties[i];
                var field = "value." + RecordMembers.Field(property);
                using (writer.Block($"if ({RecordMembers.IsSet(i, "value.")})"))
                {
                    writer.Line($"writer.WritePropertyName({NameField(property)});");
                    if (property.Type.IsValueType)
                    {
                        writer.Line($"if ({field} is {{ }} {Local(property)}) {JsonCode.WriteCall(property.Type, ns, Local(property))}");
                        writer.Line("else writer.WriteNullValue();");
                    }
                    else
                    {
                        writer.Line(JsonCode.WriteCall(property.Type, ns, field));
                    }
                }
            }

            writer.Line($"{CSharp.Runtime}.JsonWrite.Extra(writer, value.{model.ExtensionDataName});");
            writer.Line("writer.WriteEndObject();");
        }
    }

    // Member names are distinct identifiers that start with a capital or an underscore, so these
    // cannot meet each other, reader, options, writer, value or extra.
    private static string Local(PropertyModel property) => "v" + property.Name;

    private static string NameField(PropertyModel property) => "s_" + property.Name;
}
