using System.Globalization;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// The C# that reads or writes one value of a <see cref="TypeRef"/> with <c>Utf8JsonReader</c> and
/// <c>Utf8JsonWriter</c>: a call for a value, or a function (<c>JsonReadFunc</c>/<c>JsonWriteFunc</c>)
/// for list items, map values and union cases. Named types go through their own <c>IJsonValue</c> methods;
/// everything else through <c>Specgen.Runtime.Infrastructure.JsonRead</c>/<c>JsonWrite</c>. No reflection anywhere.
/// </summary>
internal static class JsonCode
{
    private const string Read = CSharp.Infrastructure + ".JsonRead";
    private const string Write = CSharp.Infrastructure + ".JsonWrite";
    private const string Value = CSharp.Infrastructure + ".JsonValue";

    /// <summary>An expression reading the value <paramref name="reader"/> is on.</summary>
    public static string ReadCall(TypeRef type, string ns, string reader = "reader", string options = "options", int depth = 0) => type.Kind switch
    {
        TypeKind.Array => $"{Read}.List(ref {reader}, {options}, {ReadFunc(type.Item!, ns, depth + 1)})",
        TypeKind.Map => $"{Read}.Map(ref {reader}, {options}, {ReadFunc(type.Item!, ns, depth + 1)})",
        _ => $"{ReadFunc(type, ns, depth)}(ref {reader}, {options})",
    };

    /// <summary>A <c>JsonReadFunc</c>: a method group, or for a list or map a static lambda.</summary>
    public static string ReadFunc(TypeRef type, string ns, int depth = 0)
    {
        switch (type.Kind)
        {
            case TypeKind.Array or TypeKind.Map:
                // Numbered past every enclosing name, so a lambda never shadows one.
                var (reader, options) = ("reader" + Depth(depth + 1), "options" + Depth(depth + 1));
                return $"static (ref {CSharp.Json}.Utf8JsonReader {reader}, {CSharp.Json}.JsonSerializerOptions {options}) => {ReadCall(type, ns, reader, options, depth + 1)}";
            case TypeKind.Named:
                return $"{Value}<{CSharp.TypeName(type, ns)}>.Read";
            default:
                return Read + "." + Primitive(type.Kind);
        }
    }

    /// <summary>A statement writing <paramref name="value"/>.</summary>
    public static string WriteCall(TypeRef type, string ns, string value, string writer = "writer", string options = "options", int depth = 0) => type.Kind switch
    {
        TypeKind.Array => $"{Write}.List({writer}, {value}, {options}, {WriteFunc(type.Item!, ns, depth + 1)});",
        TypeKind.Map => $"{Write}.Map({writer}, {value}, {options}, {WriteFunc(type.Item!, ns, depth + 1)});",
        _ => $"{WriteFunc(type, ns, depth)}({writer}, {value}, {options});",
    };

    /// <summary>A <c>JsonWriteFunc</c>: a method group, or for a list or map a static lambda.</summary>
    public static string WriteFunc(TypeRef type, string ns, int depth = 0)
    {
        switch (type.Kind)
        {
            case TypeKind.Array or TypeKind.Map:
                var (writer, value, options) = ("writer" + Depth(depth + 1), "value" + Depth(depth + 1), "options" + Depth(depth + 1));
                var call = WriteCall(type, ns, value, writer, options, depth + 1);
                return $"static ({CSharp.Json}.Utf8JsonWriter {writer}, {CSharp.TypeName(type, ns)} {value}, {CSharp.Json}.JsonSerializerOptions {options}) => {call.Substring(0, call.Length - 1)}";
            case TypeKind.Named:
                return $"{Value}<{CSharp.TypeName(type, ns)}>.Write";
            default:
                // A JsonObject is a JsonNode, and is written as one.
                return Write + "." + (type.Kind == TypeKind.JsonObject ? "Node" : Primitive(type.Kind));
        }
    }

    /// <summary>
    /// The type's <c>JsonCodec</c>, for a record's member table: a scalar's from the runtime, a generated type's of its
    /// converter, a list's or map's of its items'.
    /// </summary>
    public static string Codec(TypeRef type, string ns)
    {
        const string codec = CSharp.Infrastructure + ".JsonCodec";
        switch (type.Kind)
        {
            case TypeKind.Array:
                return $"{codec}.List({Codec(type.Item!, ns)})";
            case TypeKind.Map:
                return $"{codec}.Map({Codec(type.Item!, ns)})";
            case TypeKind.Named:
                return $"{codec}.Value<{CSharp.TypeName(type, ns)}>()";
            default:
                return codec + "." + Primitive(type.Kind);
        }
    }

    /// <summary>A converter instance for the type, for the JSON context.</summary>
    public static string NewConverter(TypeRef type, string ns) => type.Kind == TypeKind.Named
        ? $"new {CSharp.Infrastructure}.JsonValueConverter<{CSharp.TypeName(type, ns)}>()"
        : $"new {CSharp.Infrastructure}.DelegatingJsonConverter<{CSharp.TypeName(type, ns)}>({ReadFunc(type, ns)}, {WriteFunc(type, ns)})";

    /// <summary>
    /// A generated type's <c>[JsonConverter]</c>: the runtime's <c>JsonValueConverter</c>, which calls the type's own
    /// <c>IJsonValue</c> methods. No converter class per type.
    /// </summary>
    public static string ConverterAttribute(string name) => $"[{CSharp.Serialization}.JsonConverter(typeof({CSharp.Infrastructure}.JsonValueConverter<{name}>))]";

    /// <summary>The interface by which a generated record or union reads and writes itself.</summary>
    public static string ValueInterface(string name) => $"{CSharp.Infrastructure}.IJsonValue<{name}>";

    /// <summary>
    /// The type's <c>ReadValue</c>, an explicit implementation (so no member name can meet it): reads the value the
    /// reader is on, <c>null</c> for a JSON null. Other generated code calls it through <c>JsonValue&lt;T&gt;.Read</c>.
    /// </summary>
    public static string ReadSignature(string name) =>
        $"static {name}? {ValueInterface(name)}.ReadValue(ref {CSharp.Json}.Utf8JsonReader reader, {CSharp.Json}.JsonSerializerOptions options)";

    /// <summary>The type's <c>WriteValue</c>, an explicit implementation: writes the value, a <c>null</c> as a JSON null.</summary>
    public static string WriteSignature(string name) =>
        $"static void {ValueInterface(name)}.WriteValue({CSharp.Json}.Utf8JsonWriter writer, {name}? value, {CSharp.Json}.JsonSerializerOptions options)";

    /// <summary>
    /// The UTF-8 bytes of spec text, for matching property names and values as the reader sees them: a
    /// <c>u8</c> literal, or for text that is not valid UTF-16 (a lone surrogate) its replacement bytes.
    /// </summary>
    public static string Utf8(string text) => IsWellFormed(text)
        ? CSharp.Literal(text) + "u8"
        : $"global::System.Text.Encoding.UTF8.GetBytes({CSharp.Literal(text)})";

    private static string Primitive(TypeKind kind) => kind switch
    {
        _ when Scalars.Of(kind) is { } scalar => scalar.JsonStep,
        TypeKind.JsonObject => "Object",
        TypeKind.JsonElement => "Element",
        _ => "Node",
    };

    private static string Depth(int depth) => depth.ToString(CultureInfo.InvariantCulture);

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
