using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Specgen.Runtime;

/// <summary>
/// The tests a generated union's converter runs to pick a case. Each looks ahead on a copy of the
/// reader, so the value is read once, by the case that fits. Public for generated code.
/// </summary>
public static class JsonMatch
{
    /// <summary>Whether the value is an object with the property.</summary>
    public static bool Has(Utf8JsonReader json, ReadOnlySpan<byte> property)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (json.ValueTextEquals(property))
            {
                return true;
            }

            json.Read();
            json.Skip();
        }

        return false;
    }

    /// <summary>Whether the value is an object whose property is the given string.</summary>
    public static bool HasString(Utf8JsonReader json, ReadOnlySpan<byte> property, ReadOnlySpan<byte> value)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var found = json.ValueTextEquals(property);
            json.Read();
            if (found)
            {
                // The first occurrence decides: the scan stops here, so a discriminator written first is cheap.
                return IsString(json, value);
            }

            json.Skip();
        }

        return false;
    }

    /// <summary>Whether the value is the given string.</summary>
    public static bool IsString(Utf8JsonReader json, ReadOnlySpan<byte> value) =>
        json.TokenType == JsonTokenType.String && json.ValueTextEquals(value);

    /// <summary>Whether the value is an array with no items.</summary>
    public static bool IsEmptyArray(Utf8JsonReader json) =>
        json.TokenType == JsonTokenType.StartArray && json.Read() && json.TokenType == JsonTokenType.EndArray;

    /// <summary>A reader on the first item of the array the reader is on.</summary>
    public static Utf8JsonReader FirstItem(Utf8JsonReader json)
    {
        json.Read();
        return json;
    }

    /// <summary>
    /// Reads the value as a case's type; false (not an exception) when it does not fit, with the reader
    /// where it was so the next case can try.
    /// </summary>
    public static bool TryRead<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonReadFunc<T> read, [MaybeNullWhen(false)] out T value)
    {
        var attempt = reader;
        try
        {
            value = read(ref attempt, options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            value = default;
            return false;
        }

        if (value is null)
        {
            return false;
        }

        reader = attempt;
        return true;
    }

    /// <summary>Reads raw JSON as a case's type; false (not an exception) when it does not fit.</summary>
    public static bool TryRead<T>(JsonElement json, JsonReadFunc<T> read, [MaybeNullWhen(false)] out T value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            json.WriteTo(writer);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        return TryRead(ref reader, JsonWrite.Plain, read, out value);
    }
}
