using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// Reads one JSON value; the reader is on the value's first token and is left on its last. Generated
/// converters pass these around for list items, map values and union cases.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public delegate T? JsonReadFunc<T>(ref Utf8JsonReader reader, JsonSerializerOptions options);

/// <summary>
/// The reading half of the code Specgen generates for every type: small, reflection-free steps the
/// generated types' <c>ReadValue</c> methods are made of. Public for generated code.
/// </summary>
/// <remarks>
/// A JSON <c>null</c> where the spec promises a string, object or list is read as <c>null</c> (as
/// System.Text.Json does); where it promises a number or boolean, reading fails.
/// </remarks>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public static class JsonRead
{
    /// <summary>Reads a string; <c>null</c> for a JSON null.</summary>
    public static string? String(ref Utf8JsonReader reader, JsonSerializerOptions options) => reader.GetString();

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool Boolean(ref Utf8JsonReader reader, JsonSerializerOptions options) => reader.GetBoolean();

    /// <summary>Reads a number that fits an <see cref="int"/>, or such a number written as a string.</summary>
    public static int Int32(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? int.Parse(reader.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : reader.GetInt32();

    /// <summary>Reads a number that fits a <see cref="long"/>, or such a number written as a string.</summary>
    public static long Int64(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? long.Parse(reader.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : reader.GetInt64();

    /// <summary>Reads a number, or a number written as a string.</summary>
    public static double Number(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? double.Parse(reader.GetString()!, JsonNumber, CultureInfo.InvariantCulture) : reader.GetDouble();

    /// <summary>
    /// Reads a <see cref="float"/>, or one written as a string; a number it would write differently (more
    /// digits than a float holds, <c>1e3</c>) is kept as sent too.
    /// </summary>
    public static float Single(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return float.Parse(reader.GetString()!, JsonNumber, CultureInfo.InvariantCulture);
        }

        var value = reader.GetSingle();
        Check(ApiText.Single(value), NumberText(ref reader));
        return value;
    }

    /// <summary>
    /// Reads a <see cref="decimal"/>, or one written as a string; a number it would write differently
    /// (rounded, <c>1e3</c>) is kept as sent too.
    /// </summary>
    public static decimal Decimal(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return decimal.Parse(reader.GetString()!, JsonNumber, CultureInfo.InvariantCulture);
        }

        var value = reader.GetDecimal();
        Check(ApiText.Decimal(value), NumberText(ref reader));
        return value;
    }

    /// <summary>What a number written as a string may look like: JSON's number grammar.</summary>
    private const NumberStyles JsonNumber = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Reads an RFC 3339 date-time string (<see cref="ApiText.ParseDateTime"/>).</summary>
    public static DateTimeOffset DateTime(ref Utf8JsonReader reader, JsonSerializerOptions options) => Formatted(ref reader, ApiText.ParseDateTime, ApiText.DateTime);

    /// <summary>Reads an RFC 3339 full-date string.</summary>
    public static DateOnly Date(ref Utf8JsonReader reader, JsonSerializerOptions options) => ApiText.ParseDate(Text(ref reader));

    /// <summary>Reads a .NET <see cref="TimeSpan"/> string (<see cref="ApiText.ParseDuration"/>).</summary>
    public static TimeSpan Duration(ref Utf8JsonReader reader, JsonSerializerOptions options) => Formatted(ref reader, ApiText.ParseDuration, ApiText.Duration);

    /// <summary>Reads an RFC 3339 time string (<see cref="ApiText.ParseTime"/>).</summary>
    public static TimeOnly Time(ref Utf8JsonReader reader, JsonSerializerOptions options) => Formatted(ref reader, ApiText.ParseTime, ApiText.Time);

    /// <summary>Reads a UUID string.</summary>
    public static Guid Guid(ref Utf8JsonReader reader, JsonSerializerOptions options) => Formatted(ref reader, ApiText.ParseGuid, ApiText.Guid);

    /// <summary>Reads a URI string, absolute or relative, kept as given; <c>null</c> for a JSON null.</summary>
    public static Uri? Uri(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : ApiText.ParseUri(Text(ref reader));

    /// <summary>Reads a base64 string; <c>null</c> for a JSON null.</summary>
    public static byte[]? Bytes(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetBytesFromBase64();

    [ThreadStatic]
    private static bool t_altered;

    /// <summary>
    /// Reads a value whose type or format the JSON may not keep to (a date that is not a date, a number
    /// too large for an <see cref="int"/>): with <paramref name="read"/> when it can, else the value is kept
    /// as it was in <paramref name="raw"/>, so it is written back unchanged, and null is returned. A value
    /// that reads but would be written differently (an upper-case UUID, <c>.000Z</c>) is returned and kept
    /// as sent too, so a round trip gives back the same text. With strict options (<see cref="Strict"/>) a
    /// value that does not read fails the read.
    /// </summary>
    public static T? Lenient<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonReadFunc<T> read, ref JsonElement? raw)
        where T : class =>
        TryLenient(ref reader, options, read, ref raw, out var value) ? value : null;

    /// <summary><see cref="Lenient"/> for a value type: null when the value does not read.</summary>
    public static T? LenientValue<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonReadFunc<T> read, ref JsonElement? raw)
        where T : struct =>
        TryLenient(ref reader, options, read, ref raw, out var value) ? value : null;

    internal static bool TryLenient<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonReadFunc<T> read, ref JsonElement? raw, out T? value)
    {
        // The converter has the whole value buffered, so a copy of the reader can read it again.
        var start = reader;
        raw = null;
        t_altered = false;
        try
        {
            value = read(ref reader, options);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException && !IsStrict(options))
        {
            reader = start;
            raw = JsonElement.ParseValue(ref reader);
            value = default;
            return false;
        }

        if (t_altered)
        {
            t_altered = false;
            reader = start;
            raw = JsonElement.ParseValue(ref reader);
        }

        return true;
    }

    /// <summary>A read step's value would be written as <paramref name="written"/>, not as the <paramref name="text"/> it was read from.</summary>
    private static void Check(string written, string text)
    {
        if (!string.Equals(written, text, StringComparison.Ordinal))
        {
            t_altered = true;
        }
    }

    /// <summary>What touching a member that <see cref="Lenient"/> kept as it was throws.</summary>
    public static MemberUnavailableException Malformed(string type, string member, string property, string format, JsonElement raw) =>
        new(type, member, property, format, raw);

    /// <summary>Reads any JSON value as a node; <c>null</c> for a JSON null.</summary>
    public static JsonNode? Node(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        JsonNode.Parse(ref reader, new JsonNodeOptions { PropertyNameCaseInsensitive = options.PropertyNameCaseInsensitive });

    /// <summary>Reads a free-form JSON object; <c>null</c> for a JSON null.</summary>
    public static JsonObject? Object(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject, "JsonObject");
        return (JsonObject)Node(ref reader, options)!;
    }

    /// <summary>Reads any JSON value as it is.</summary>
    public static JsonElement Element(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads an array, each item with <paramref name="item"/>; <c>null</c> for a JSON null.</summary>
    public static IReadOnlyList<T>? List<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonReadFunc<T> item)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray, "a list");
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(item(ref reader, options)!);
        }

        return list;
    }

    /// <summary>Reads an object as a map, each value with <paramref name="value"/>; <c>null</c> for a JSON null.</summary>
    public static IReadOnlyDictionary<string, T>? Map<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonReadFunc<T> value)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject, "a map");
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (NextProperty(ref reader))
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = value(ref reader, options)!;
        }

        return map;
    }

    /// <summary>Throws unless the reader is on <paramref name="token"/>, naming what was expected.</summary>
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string what)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"Expected {Describe(token)} for {what}, got {reader.TokenType}.");
        }
    }

    /// <summary>Moves to the next property name of the object being read; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>
    /// Moves to the value of the next member <paramref name="names"/> describes, keeping every property
    /// before it that they do not describe in <paramref name="extra"/>; false at the object's end.
    /// <paramref name="member"/> is the member read last (-1 before the first), and becomes the member
    /// whose value the reader is now on.
    /// </summary>
    public static bool NextMember(ref Utf8JsonReader reader, JsonMemberNames names, ref Dictionary<string, JsonElement>? extra, ref int member) =>
        NextMember(ref reader, names, JsonWrite.Plain, Element, ref extra, ref member);

    /// <summary>
    /// <see cref="NextMember(ref Utf8JsonReader, JsonMemberNames, ref Dictionary{string, JsonElement}?, ref int)"/> for a
    /// type whose other properties have a type of their own (<c>additionalProperties</c> beside
    /// <c>properties</c>): each is read with <paramref name="read"/>.
    /// </summary>
    public static bool NextMember<T>(ref Utf8JsonReader reader, JsonMemberNames names, JsonSerializerOptions options, JsonReadFunc<T> read, ref Dictionary<string, T>? extra, ref int member)
    {
        while (NextProperty(ref reader))
        {
            var found = names.Find(ref reader, member);
            if (found >= 0)
            {
                member = found;
                reader.Read();
                return true;
            }

            var name = reader.GetString()!;
            reader.Read();
            (extra ??= new Dictionary<string, T>(StringComparer.Ordinal))[name] = read(ref reader, options)!;
        }

        return false;
    }

    /// <summary>Keeps a property the type does not describe (the reader is on its name) and moves past its value.</summary>
    public static void Extra(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? extra)
    {
        var name = reader.GetString()!;
        reader.Read();
        (extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>The error for a required property the JSON lacks.</summary>
    public static JsonException Missing(string type, string property) =>
        new($"{type} requires the property '{property}', which the JSON does not have.");

    /// <summary>
    /// A required property the JSON lacked (<paramref name="sent"/> false) or had as <c>null</c> where the
    /// spec allows none: with strict options (<see cref="Strict"/>) reading fails here; otherwise the
    /// value is read and the member says what was wrong when touched.
    /// </summary>
    public static void Incomplete(JsonSerializerOptions options, string type, string property, bool sent)
    {
        if (IsStrict(options))
        {
            throw sent ? new JsonException($"{type} requires the property '{property}' to have a value, but the JSON has null.") : Missing(type, property);
        }
    }

    /// <summary>What touching a member that <see cref="Incomplete"/> let through throws.</summary>
    public static MemberUnavailableException Unavailable(string type, string member, string property, bool sent) =>
        new(type, member, property, sent);

    /// <summary>
    /// Makes reading with <paramref name="options"/> strict: a required property that is missing, or null
    /// where the spec allows none, fails the read with a <see cref="JsonException"/> naming it.
    /// </summary>
    /// <remarks>
    /// The mark is a converter that converts nothing: System.Text.Json shares metadata between options
    /// that are alike, so strictness must be part of what makes them differ (and copies keep it).
    /// </remarks>
    public static JsonSerializerOptions Strict(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IsStrict(options))
        {
            options.Converters.Add(StrictReading.Instance);
        }

        return options;
    }

    /// <summary>Whether <see cref="Strict"/> was applied to <paramref name="options"/>.</summary>
    public static bool IsStrict(JsonSerializerOptions options)
    {
        foreach (var converter in options.Converters)
        {
            if (converter is StrictReading)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class StrictReading : System.Text.Json.Serialization.JsonConverterFactory
    {
        public static readonly StrictReading Instance = new();

        public override bool CanConvert(Type typeToConvert) => false;

        public override System.Text.Json.Serialization.JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) => null;
    }

    /// <summary>A string in a format: parsed, and noted when its value would be written as other text.</summary>
    private static T Formatted<T>(ref Utf8JsonReader reader, Func<string, T> parse, Func<T, string> write)
    {
        var text = Text(ref reader);
        var value = parse(text);
        Check(write(value), text);
        return value;
    }

    /// <summary>The JSON text of the number the reader is on (numbers are never escaped).</summary>
    private static string NumberText(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);

    /// <summary>The string the reader is on; any other token (null included) is not text.</summary>
    private static string Text(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new InvalidOperationException($"Expected a string, got {reader.TokenType}.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        _ => token.ToString(),
    };
}
