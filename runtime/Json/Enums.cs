using System.Text.Json;
using System.Text.Json.Serialization;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// A generated enum: known values by name, any other value kept as is. <c>ToString()</c> is the wire
/// text (the string, or the number in the invariant culture).
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public interface IApiEnum
{
    /// <summary>Whether the spec lists this value.</summary>
    bool IsKnown { get; }
}

/// <summary>A generated enum that can be made from its wire text (a header, a query value).</summary>
/// <typeparam name="TSelf">The enum type.</typeparam>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public interface IApiEnum<TSelf> : IApiEnum
    where TSelf : struct, IApiEnum<TSelf>
{
    /// <summary>The value for wire text; false when the text cannot be one (a word for an integer enum).</summary>
    static abstract bool TryParse(string text, out TSelf value);
}

/// <summary>An extensible string enum: known values by name, any other value kept as is.</summary>
/// <typeparam name="TSelf">The enum type.</typeparam>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public interface IStringEnum<TSelf> : IApiEnum<TSelf>, IJsonValue<TSelf>
    where TSelf : struct, IStringEnum<TSelf>
{
    /// <summary>The wire value.</summary>
    string Value { get; }

    /// <summary>Creates the value for a wire string.</summary>
    static abstract TSelf Create(string value);

    /// <inheritdoc/>
    static bool IApiEnum<TSelf>.TryParse(string text, out TSelf value)
    {
        value = TSelf.Create(text);
        return true;
    }

    /// <summary>Reads the value; the JSON must be a string.</summary>
    static TSelf IJsonValue<TSelf>.ReadValue(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? TSelf.Create(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(TSelf).Name}, got {reader.TokenType}.");

    /// <summary>Writes the wire value.</summary>
    static void IJsonValue<TSelf>.WriteValue(Utf8JsonWriter writer, TSelf value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);

    /// <summary>Reads the value from a property name.</summary>
    static TSelf IJsonValue<TSelf>.ReadName(ref Utf8JsonReader reader, JsonSerializerOptions options) => TSelf.Create(reader.GetString()!);

    /// <summary>Writes the wire value as a property name.</summary>
    static void IJsonValue<TSelf>.WriteName(Utf8JsonWriter writer, TSelf value, JsonSerializerOptions options) => writer.WritePropertyName(value.Value);
}

/// <summary>An extensible integer enum: known values by name, any other number kept as is.</summary>
/// <typeparam name="TSelf">The enum type.</typeparam>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public interface IIntegerEnum<TSelf> : IApiEnum<TSelf>, IJsonValue<TSelf>
    where TSelf : struct, IIntegerEnum<TSelf>
{
    /// <summary>The wire value.</summary>
    long Value { get; }

    /// <summary>Creates the value for a wire number.</summary>
    static abstract TSelf Create(long value);

    /// <inheritdoc/>
    static bool IApiEnum<TSelf>.TryParse(string text, out TSelf value)
    {
        var parsed = long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number);
        value = parsed ? TSelf.Create(number) : default;
        return parsed;
    }

    /// <summary>Reads the value; the JSON must be a whole number.</summary>
    static TSelf IJsonValue<TSelf>.ReadValue(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? TSelf.Create(reader.GetInt64())
            : throw new JsonException($"Expected a number for {typeof(TSelf).Name}, got {reader.TokenType}.");

    /// <summary>Writes the wire value.</summary>
    static void IJsonValue<TSelf>.WriteValue(Utf8JsonWriter writer, TSelf value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);

    /// <summary>Reads the value from a property name: its invariant text.</summary>
    static TSelf IJsonValue<TSelf>.ReadName(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        TSelf.Create(long.Parse(reader.GetString()!, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Writes the wire value as a property name: its invariant text.</summary>
    static void IJsonValue<TSelf>.WriteName(Utf8JsonWriter writer, TSelf value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// Reads and writes an <see cref="IStringEnum{TSelf}"/> as its JSON string, also as a dictionary key.
/// Generated string enums name <see cref="JsonValueConverter{T}"/> now, which reads and writes through the same methods of <see cref="IStringEnum{TSelf}"/>; kept for code generated by 0.1.
/// </summary>
/// <typeparam name="T">The enum type.</typeparam>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public class StringEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IStringEnum<T>
{
    /// <summary>Reads the value; the JSON must be a string.</summary>
    public static T ReadValue(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonValue<T>.Read(ref reader, options);

    /// <summary>Writes the wire value.</summary>
    public static void WriteValue(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => JsonValue<T>.Write(writer, value, options);

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => WriteValue(writer, value, options);

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.ReadName(ref reader, options);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        T.WriteName(writer, value, options);
}

/// <summary>
/// Reads and writes an <see cref="IIntegerEnum{TSelf}"/> as its JSON number (as a dictionary key, its
/// invariant text). Generated integer enums name <see cref="JsonValueConverter{T}"/> now; kept for code generated by 0.1.
/// </summary>
/// <typeparam name="T">The enum type.</typeparam>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public class IntegerEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IIntegerEnum<T>
{
    /// <summary>Reads the value; the JSON must be a whole number.</summary>
    public static T ReadValue(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonValue<T>.Read(ref reader, options);

    /// <summary>Writes the wire value.</summary>
    public static void WriteValue(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => JsonValue<T>.Write(writer, value, options);

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => WriteValue(writer, value, options);

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.ReadName(ref reader, options);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        T.WriteName(writer, value, options);
}
