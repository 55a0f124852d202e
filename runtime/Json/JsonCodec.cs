using System.Text.Json;
using System.Text.Json.Nodes;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// How one kind of value reads and writes, as data: what a generated record's member table
/// (<see cref="RecordShape"/>) names for each member instead of code of its own. The codecs of the
/// scalars are here; a generated type's is <see cref="Value{T}"/>, of its own <see cref="IJsonValue{T}"/>
/// methods; a list's or map's is made of its items'. Public for generated code.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public abstract class JsonCodec
{
    private protected JsonCodec(string expected, bool lenient)
    {
        Expected = expected;
        IsLenient = lenient;
    }

    /// <summary>What a value must be, for the message of one that was not (<c>uuid</c>, <c>list of date-time</c>).</summary>
    public string Expected { get; }

    /// <summary>
    /// Whether a value may fail its type or format (a date that is not a date): it is then kept as sent,
    /// and written back unchanged (<see cref="JsonRead.Lenient{T}"/>).
    /// </summary>
    public bool IsLenient { get; }

    /// <summary>A string.</summary>
    public static JsonCodec<string> String { get; } = new(JsonRead.String, JsonWrite.String);

    /// <summary>A boolean.</summary>
    public static JsonCodec<bool> Boolean { get; } = new(JsonRead.Boolean, JsonWrite.Boolean);

    /// <summary>An <c>int32</c>.</summary>
    public static JsonCodec<int> Int32 { get; } = new(JsonRead.Int32, JsonWrite.Int32, "int32", true);

    /// <summary>An <c>integer</c>, as a <see cref="long"/>.</summary>
    public static JsonCodec<long> Int64 { get; } = new(JsonRead.Int64, JsonWrite.Int64, "integer", true);

    /// <summary>A <c>number</c>, as a <see cref="double"/>.</summary>
    public static JsonCodec<double> Number { get; } = new(JsonRead.Number, JsonWrite.Number);

    /// <summary>A <c>float</c>.</summary>
    public static JsonCodec<float> Single { get; } = new(JsonRead.Single, JsonWrite.Single, "float", true);

    /// <summary>A <c>decimal</c>.</summary>
    public static JsonCodec<decimal> Decimal { get; } = new(JsonRead.Decimal, JsonWrite.Decimal, "decimal", true);

    /// <summary>A <c>date-time</c>.</summary>
    public static JsonCodec<DateTimeOffset> DateTime { get; } = new(JsonRead.DateTime, JsonWrite.DateTime, "date-time", true);

    /// <summary>A <c>date</c>.</summary>
    public static JsonCodec<DateOnly> Date { get; } = new(JsonRead.Date, JsonWrite.Date, "date", true);

    /// <summary>A <c>time</c>.</summary>
    public static JsonCodec<TimeOnly> Time { get; } = new(JsonRead.Time, JsonWrite.Time, "time", true);

    /// <summary>A duration, as a <see cref="TimeSpan"/>.</summary>
    public static JsonCodec<TimeSpan> Duration { get; } = new(JsonRead.Duration, JsonWrite.Duration, "date-span", true);

    /// <summary>A <c>uuid</c>.</summary>
    public static JsonCodec<Guid> Guid { get; } = new(JsonRead.Guid, JsonWrite.Guid, "uuid", true);

    /// <summary>A <c>uri</c>.</summary>
    public static JsonCodec<Uri> Uri { get; } = new(JsonRead.Uri, JsonWrite.Uri, "uri", true);

    /// <summary>Base64 bytes (<c>byte</c>).</summary>
    public static JsonCodec<byte[]> Bytes { get; } = new(JsonRead.Bytes, JsonWrite.Bytes, "byte", true);

    /// <summary>Any JSON value, as a node.</summary>
    public static JsonCodec<JsonNode> Node { get; } = new(JsonRead.Node, JsonWrite.Node);

    /// <summary>A free-form JSON object.</summary>
    public static JsonCodec<JsonObject> Object { get; } = new(JsonRead.Object, JsonWrite.Node);

    /// <summary>Any JSON value, as it is.</summary>
    public static JsonCodec<JsonElement> Element { get; } = new(JsonRead.Element, JsonWrite.Element);

    /// <summary>A generated type's codec, of its own <see cref="IJsonValue{T}"/> methods: one per type, made on first use.</summary>
    /// <typeparam name="T">The generated type.</typeparam>
    public static JsonCodec<T> Value<T>()
        where T : IJsonValue<T> => ValueCodec<T>.Instance;

    /// <summary>A list, each item with <paramref name="item"/>.</summary>
    public static JsonCodec<IReadOnlyList<T>> List<T>(JsonCodec<T> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (read, write) = (item.Read, item.Write);
        return new(
            (ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.List(ref reader, options, read),
            (writer, value, options) => JsonWrite.List(writer, value, options, write),
            "list of " + item.Expected,
            item.IsLenient);
    }

    /// <summary>A map (an object whose properties are keys), each value with <paramref name="item"/>.</summary>
    public static JsonCodec<IReadOnlyDictionary<string, T>> Map<T>(JsonCodec<T> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (read, write) = (item.Read, item.Write);
        return new(
            (ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.Map(ref reader, options, read),
            (writer, value, options) => JsonWrite.Map(writer, value, options, write),
            "map of " + item.Expected,
            item.IsLenient);
    }

    /// <summary>Reads the value the reader is on (not a JSON null), boxed.</summary>
    internal abstract object? ReadBoxed(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>Reads as <see cref="JsonRead.Lenient{T}"/> does: the value when it reads, and the JSON as sent when it did not or would be written differently.</summary>
    internal abstract object? ReadLenient(ref Utf8JsonReader reader, JsonSerializerOptions options, out JsonElement? raw);

    /// <summary>Writes a value <see cref="ReadBoxed"/> could have given.</summary>
    internal abstract void WriteBoxed(Utf8JsonWriter writer, object value, JsonSerializerOptions options);

    /// <summary>
    /// <see cref="JsonRead.NextMember{T}"/> with this codec reading the properties <paramref name="names"/> does not
    /// describe into <paramref name="extra"/> (a <c>Dictionary&lt;string, T&gt;</c>, made on the first).
    /// </summary>
    internal abstract bool NextMember(ref Utf8JsonReader reader, JsonMemberNames names, JsonSerializerOptions options, ref object? extra, ref int member);

    /// <summary>Writes the properties <see cref="NextMember"/> kept, or the caller set.</summary>
    internal abstract void WriteExtra(Utf8JsonWriter writer, object? map, JsonSerializerOptions options);
}

/// <summary>A <see cref="JsonCodec"/> of <typeparamref name="T"/>: a read and a write function. Public for generated code.</summary>
/// <typeparam name="T">The value's type.</typeparam>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class JsonCodec<T> : JsonCodec
{
    internal JsonCodec(JsonReadFunc<T> read, JsonWriteFunc<T> write, string expected = "", bool lenient = false)
        : base(expected, lenient)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(write);
        Read = read;
        Write = write;
    }

    /// <summary>Reads one value.</summary>
    public JsonReadFunc<T> Read { get; }

    /// <summary>Writes one value.</summary>
    public JsonWriteFunc<T> Write { get; }

    internal override object? ReadBoxed(ref Utf8JsonReader reader, JsonSerializerOptions options) => Read(ref reader, options);

    internal override object? ReadLenient(ref Utf8JsonReader reader, JsonSerializerOptions options, out JsonElement? raw)
    {
        raw = null;
        return JsonRead.TryLenient(ref reader, options, Read, ref raw, out var value) ? value : null;
    }

    internal override void WriteBoxed(Utf8JsonWriter writer, object value, JsonSerializerOptions options) => Write(writer, (T)value, options);

    internal override bool NextMember(ref Utf8JsonReader reader, JsonMemberNames names, JsonSerializerOptions options, ref object? extra, ref int member)
    {
        var typed = (Dictionary<string, T>?)extra;
        var found = JsonRead.NextMember(ref reader, names, options, Read, ref typed, ref member);
        extra = typed;
        return found;
    }

    internal override void WriteExtra(Utf8JsonWriter writer, object? map, JsonSerializerOptions options) =>
        JsonWrite.Extra(writer, (IDictionary<string, T>?)map, options, Write);
}

/// <summary>The one codec of a generated type, for <see cref="JsonCodec.Value{T}"/>.</summary>
/// <typeparam name="T">The generated type.</typeparam>
file static class ValueCodec<T>
    where T : IJsonValue<T>
{
    public static readonly JsonCodec<T> Instance = new(JsonValue<T>.Read, JsonValue<T>.Write);
}
