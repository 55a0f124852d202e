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
            foreach (var property in model.Properties)
            {
                var type = CSharp.TypeName(property.Type, ns);
                var localType = property.Type.IsValueType && !property.IsNullable ? type : type + "?";
                writer.Line($"{localType} {Local(property)} = {RecordEmitter.InitialValue(property, ns) ?? "default"};");
                if (property.MustBeSet)
                {
                    writer.Line($"var {Seen(property)} = false;");
                }
            }

            writer.Line($"global::System.Collections.Generic.Dictionary<string, {CSharp.Json}.JsonElement>? extra = null;");
            using (writer.Block($"while ({CSharp.Runtime}.JsonRead.NextProperty(ref reader))"))
            {
                var first = true;
                foreach (var property in model.Properties)
                {
                    using (writer.Block($"{(first ? "if" : "else if")} (reader.ValueTextEquals({JsonCode.Utf8(property.JsonName)}))"))
                    {
                        writer.Line("reader.Read();");
                        var read = JsonCode.ReadCall(property.Type, ns);
                        writer.Line(property.Type.IsValueType && property.IsNullable
                            // default(T?), not null: an enum converts from string, so null alone would be read as one.
                            ? $"{Local(property)} = reader.TokenType == {CSharp.Json}.JsonTokenType.Null ? default({CSharp.TypeName(property.Type, ns)}?) : {read};"
                            : $"{Local(property)} = {read};");
                        if (property.MustBeSet)
                        {
                            writer.Line($"{Seen(property)} = true;");
                        }
                    }

                    first = false;
                }

                if (first)
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
            foreach (var property in model.Properties.Where(p => p.MustBeSet))
            {
                using (writer.Block($"if (!{Seen(property)})"))
                {
                    writer.Line($"throw {CSharp.Runtime}.JsonRead.Missing({CSharp.Literal(model.Name)}, {CSharp.Literal(property.JsonName)});");
                }

                writer.Line();
            }

            using (writer.Block($"return new {model.Name}", ";"))
            {
                foreach (var property in model.Properties)
                {
                    var forgive = property.Type.IsValueType ? string.Empty : "!";
                    writer.Line($"{property.Name} = {Local(property)}{forgive},");
                }

                writer.Line($"{model.ExtensionDataName} = extra,");
            }
        }
    }

    private static void WriteWrite(SourceWriter writer, ObjectModel model, string ns)
    {
        writer.Line("/// <summary>Writes the object: required members always, optional ones when set, then the extension data.</summary>");
        using (writer.Block($"public static void WriteValue({CSharp.Json}.Utf8JsonWriter writer, {model.Name}? value, {CSharp.Json}.JsonSerializerOptions options)"))
        {
            using (writer.Block("if (value is null)"))
            {
                writer.Line("writer.WriteNullValue();");
                writer.Line("return;");
            }

            writer.Line();
            writer.Line("writer.WriteStartObject();");
            foreach (var property in model.Properties)
            {
                var member = "value." + property.Name;
                if (!property.IsRequired)
                {
                    using (writer.Block($"if ({member} is {{ }} {Local(property)})"))
                    {
                        writer.Line($"writer.WritePropertyName({NameField(property)});");
                        writer.Line(JsonCode.WriteCall(property.Type, ns, Local(property)));
                    }

                    continue;
                }

                writer.Line($"writer.WritePropertyName({NameField(property)});");
                if (property.Type.IsValueType && property.IsNullable)
                {
                    using (writer.Block($"if ({member} is {{ }} {Local(property)})"))
                    {
                        writer.Line(JsonCode.WriteCall(property.Type, ns, Local(property)));
                    }

                    using (writer.Block("else"))
                    {
                        writer.Line("writer.WriteNullValue();");
                    }
                }
                else
                {
                    writer.Line(JsonCode.WriteCall(property.Type, ns, member));
                }
            }

            writer.Line($"{CSharp.Runtime}.JsonWrite.Extra(writer, value.{model.ExtensionDataName});");
            writer.Line("writer.WriteEndObject();");
        }
    }

    // Member names are distinct identifiers that start with a capital or an underscore, so these
    // cannot meet each other, reader, options, writer, value or extra.
    private static string Local(PropertyModel property) => "v" + property.Name;

    private static string Seen(PropertyModel property) => "has" + property.Name;

    private static string NameField(PropertyModel property) => "s_" + property.Name;
}
