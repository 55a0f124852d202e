using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Specgen.Runtime.Infrastructure;

/// <summary>Writes one JSON value. Generated converters pass these around for list items, map values and union cases.</summary>
/// <typeparam name="T">The value's type.</typeparam>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public delegate void JsonWriteFunc<in T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options);

/// <summary>The writing half of the code Specgen generates for every type. Public for generated code.</summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public static class JsonWrite
{
    /// <summary>Options with no resolver: what generated converters are handed when no serializer call is involved.</summary>
    internal static readonly JsonSerializerOptions Plain = new();

    /// <summary>
    /// Whether <paramref name="options"/> write a request body the client sends (<see cref="ForRequests"/>):
    /// <c>readOnly</c> members are then left out. Anything else (a value you serialize yourself) is written
    /// whole, so nothing is lost. Request mode rides on the options, as strict reading does.
    /// </summary>
    public static bool IsRequest(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var converter in options.Converters)
        {
            if (converter is RequestWriting)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerOptions, object> s_requestContexts = new();

    /// <summary>
    /// The context request bodies and JSON parameters are written with: <paramref name="context"/>'s options (strict
    /// or not, the caller's settings) marked for requests, made once per options and kept while they live.
    /// </summary>
    /// <param name="context">The client's context.</param>
    /// <param name="create">Makes a context of the same type on the marked options.</param>
    public static TContext ForRequests<TContext>(TContext context, Func<JsonSerializerOptions, TContext> create)
        where TContext : System.Text.Json.Serialization.JsonSerializerContext
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(create);
        if (IsRequest(context.Options))
        {
            return context;
        }

        return (TContext)s_requestContexts.GetValue(context.Options, options =>
        {
            var marked = new JsonSerializerOptions(options);
            marked.Converters.Add(RequestWriting.Instance);
            return create(marked);
        });
    }

    /// <summary>Writes a request body with <paramref name="type"/>, whose options say whether it is a request.</summary>
    internal static byte[] RequestBody(object? body, System.Text.Json.Serialization.Metadata.JsonTypeInfo type) =>
        JsonSerializer.SerializeToUtf8Bytes(body, type);

    /// <summary>The mark of request mode: a converter that converts nothing, so options that carry it differ from those that do not.</summary>
    private sealed class RequestWriting : System.Text.Json.Serialization.JsonConverterFactory
    {
        public static readonly RequestWriting Instance = new();

        public override bool CanConvert(Type typeToConvert) => false;

        public override System.Text.Json.Serialization.JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) => null;
    }

    /// <summary>
    /// A value as JSON text, written with <paramref name="type"/> (the request context's, so as a request writes
    /// it): for a parameter whose spec gives it <c>content: application/json</c>. Null when the value is.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static string? Text<T>(T? value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        value is null ? null : System.Text.Encoding.UTF8.GetString(RequestBody(value, type));

    /// <summary>Writes a string, or <c>null</c>.</summary>
    public static void String(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public static void Boolean(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);

    /// <summary>Writes a number.</summary>
    public static void Int32(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>Writes a number.</summary>
    public static void Int64(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>Writes a number.</summary>
    public static void Number(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>Writes a number.</summary>
    public static void Single(Utf8JsonWriter writer, float value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>Writes a number.</summary>
    public static void Decimal(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>Writes an RFC 3339 date-time string (<see cref="ApiText.DateTime"/>).</summary>
    public static void DateTime(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(ApiText.DateTime(value));

    /// <summary>Writes an RFC 3339 full-date string.</summary>
    public static void Date(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) => writer.WriteStringValue(ApiText.Date(value));

    /// <summary>Writes a .NET <see cref="TimeSpan"/> string (<see cref="ApiText.Duration"/>).</summary>
    public static void Duration(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => writer.WriteStringValue(ApiText.Duration(value));

    /// <summary>Writes an RFC 3339 partial-time string.</summary>
    public static void Time(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) => writer.WriteStringValue(ApiText.Time(value));

    /// <summary>Writes a UUID string.</summary>
    public static void Guid(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>Writes a URI as it was given, or <c>null</c>.</summary>
    public static void Uri(Utf8JsonWriter writer, Uri? value, JsonSerializerOptions options) => writer.WriteStringValue(value?.OriginalString);

    /// <summary>Writes bytes as a base64 string, or <c>null</c>.</summary>
    public static void Bytes(Utf8JsonWriter writer, byte[]? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteBase64StringValue(value);
        }
    }

    /// <summary>Writes a node, or <c>null</c>.</summary>
    public static void Node(Utf8JsonWriter writer, JsonNode? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer, options);
        }
    }

    /// <summary>Writes a JSON value as it is.</summary>
    public static void Element(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);

    /// <summary>Writes a list as an array, each item with <paramref name="item"/>; <c>null</c> when there is no list.</summary>
    public static void List<T>(Utf8JsonWriter writer, IReadOnlyList<T>? value, JsonSerializerOptions options, JsonWriteFunc<T> item)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            item(writer, value[i], options);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a map as an object, each value with <paramref name="value"/>; <c>null</c> when there is no map.</summary>
    public static void Map<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T>? map, JsonSerializerOptions options, JsonWriteFunc<T> value)
    {
        if (map is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (var pair in map)
        {
            writer.WritePropertyName(pair.Key);
            value(writer, pair.Value, options);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the properties a type kept without describing them, as they were read.</summary>
    public static void Extra(Utf8JsonWriter writer, IDictionary<string, JsonElement>? extra)
    {
        if (extra is null)
        {
            return;
        }

        foreach (var pair in extra)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }

    /// <summary>Writes the other properties of a type that gives them a type of their own, each with <paramref name="write"/>.</summary>
    public static void Extra<T>(Utf8JsonWriter writer, IDictionary<string, T>? extra, JsonSerializerOptions options, JsonWriteFunc<T> write)
    {
        if (extra is null)
        {
            return;
        }

        foreach (var pair in extra)
        {
            writer.WritePropertyName(pair.Key);
            write(writer, pair.Value, options);
        }
    }

    /// <summary>The value as compact JSON text.</summary>
    public static string ToJson<T>(T value, JsonWriteFunc<T> write) => System.Text.Encoding.UTF8.GetString(ToUtf8(value, write));

    /// <summary>The value as a JSON element that does not depend on any document.</summary>
    public static JsonElement ToElement<T>(T value, JsonWriteFunc<T> write)
    {
        var reader = new Utf8JsonReader(ToUtf8(value, write));
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>The value as compact UTF-8 JSON.</summary>
    internal static ReadOnlySpan<byte> ToUtf8<T>(T value, JsonWriteFunc<T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value, Plain);
        }

        return buffer.WrittenSpan;
    }
}
