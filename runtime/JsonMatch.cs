using System.Text.Json;

namespace Specgen.Runtime;

/// <summary>The tests a generated union's converter runs to pick a case. Public for generated code.</summary>
public static class JsonMatch
{
    /// <summary>Whether the object has the property.</summary>
    public static bool Has(JsonElement json, string property) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(property, out _);

    /// <summary>Whether the object's property is the given string.</summary>
    public static bool HasString(JsonElement json, string property, string value) =>
        json.ValueKind == JsonValueKind.Object
        && json.TryGetProperty(property, out var found)
        && found.ValueKind == JsonValueKind.String
        && found.ValueEquals(value);

    /// <summary>Whether the value is one of the strings.</summary>
    public static bool IsOneOf(JsonElement json, params string[] values)
    {
        if (json.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (json.ValueEquals(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Converts the value to the case's type; false (not an exception) when it does not fit.</summary>
    public static bool TryConvert<T>(JsonElement json, JsonSerializerOptions options, out T value)
    {
        try
        {
            value = json.Deserialize<T>(options)!;
            return value is not null;
        }
        catch (JsonException)
        {
            value = default!;
            return false;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }
}
