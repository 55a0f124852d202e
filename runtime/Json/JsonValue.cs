using System.Text.Json;
using System.Text.Json.Serialization;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// A generated type that reads and writes itself with System.Text.Json, without reflection: every generated record,
/// union and enum implements it (an enum through <see cref="IStringEnum{TSelf}"/> or <see cref="IIntegerEnum{TSelf}"/>),
/// its <c>[JsonConverter]</c> names <see cref="JsonValueConverter{T}"/>, and other generated code reads and writes it
/// through <see cref="JsonValue{T}"/>. Public for generated code.
/// </summary>
/// <typeparam name="T">The type itself.</typeparam>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public interface IJsonValue<T>
{
    /// <summary>Reads the value the reader is on; a record or union reads a JSON null as <c>null</c>.</summary>
    /// <param name="reader">The reader, on the value's first token; left on its last.</param>
    /// <param name="options">The serializer's options.</param>
    static abstract T? ReadValue(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>Writes the value; a <c>null</c> record or union as a JSON null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">The serializer's options.</param>
    static abstract void WriteValue(Utf8JsonWriter writer, T? value, JsonSerializerOptions options);

    /// <summary>Reads the value from a property name (a dictionary key): enums can, other types cannot.</summary>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="options">The serializer's options.</param>
    static virtual T ReadName(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(T).Name} cannot be a JSON property name.");

    /// <summary>Writes the value as a property name (a dictionary key): enums can, other types cannot.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">The serializer's options.</param>
    static virtual void WriteName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(T).Name} cannot be a JSON property name.");
}

/// <summary>
/// A generated type's <see cref="IJsonValue{T}"/> methods as plain static methods: what other generated code calls
/// and makes delegates of (a static abstract member is only reached through a type parameter). Public for generated code.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public static class JsonValue<T>
    where T : IJsonValue<T>
{
    /// <summary>Reads the value the reader is on.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="options">The serializer's options.</param>
    public static T? Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => T.ReadValue(ref reader, options);

    /// <summary>Writes the value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">The serializer's options.</param>
    public static void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options) => T.WriteValue(writer, value, options);
}

/// <summary>
/// The System.Text.Json converter of every generated type: its <c>[JsonConverter]</c> attribute names it and the
/// generated JSON context creates it; it calls the type's own <see cref="IJsonValue{T}"/> methods. Public for generated code.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class JsonValueConverter<T> : JsonConverter<T>
    where T : IJsonValue<T>
{
    /// <inheritdoc/>
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => T.ReadValue(ref reader, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => T.WriteValue(writer, value, options);

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => T.ReadName(ref reader, options);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => T.WriteName(writer, value, options);
}
