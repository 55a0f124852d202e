using System.Text.Json;
using System.Text.Json.Serialization;

namespace Specgen.Runtime;

/// <summary>An extensible string enum: known values by name, any other value kept as is.</summary>
/// <typeparam name="TSelf">The enum type.</typeparam>
public interface IStringEnum<TSelf>
    where TSelf : struct, IStringEnum<TSelf>
{
    /// <summary>The wire value.</summary>
    string Value { get; }

    /// <summary>Whether the spec lists this value.</summary>
    bool IsKnown { get; }

    /// <summary>Creates the value for a wire string.</summary>
    static abstract TSelf Create(string value);
}

/// <summary>
/// Reads and writes an <see cref="IStringEnum{TSelf}"/> as its JSON string, also as a dictionary key.
/// Each generated enum's own <c>JsonConverter</c> derives from it.
/// </summary>
/// <typeparam name="T">The enum type.</typeparam>
public class StringEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IStringEnum<T>
{
    /// <summary>Reads the value; the JSON must be a string.</summary>
    public static T ReadValue(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.Create(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}, got {reader.TokenType}.");

    /// <summary>Writes the wire value.</summary>
    public static void WriteValue(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => WriteValue(writer, value, options);

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.Create(reader.GetString()!);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value);
}
