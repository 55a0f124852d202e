using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Specgen.Generator.Reading;

/// <summary>
/// Reads what frameworks write for their own types as the types they mean, before anything models a
/// schema:
/// <list type="bullet">
/// <item><description>
/// A number that may be sent as text: ASP.NET Core 10 (Microsoft.AspNetCore.OpenApi) writes every
/// <c>int</c>, <c>long</c>, <c>float</c>, <c>double</c> and <c>decimal</c> as <c>type: [integer, string]</c>
/// (or <c>[number, string]</c>, with <c>"null"</c> for a nullable one) with a <c>format</c> and a numeric
/// <c>pattern</c>, because its JSON reads numbers from strings; in a 3.0 document, as the <c>format</c> and
/// <c>pattern</c> without <c>type</c>. Such a schema is the number of its format; the pattern, which only
/// describes the text form, is dropped. A <c>decimal</c> is told from a <c>double</c> by its pattern (no
/// exponent). <c>[integer, string]</c> with neither a numeric format nor a numeric pattern stays a union:
/// hand-written specs use it for identifiers that are either.
/// </description></item>
/// <item><description>
/// A .NET <c>TimeSpan</c>: Microsoft.AspNetCore.OpenApi writes a string with the <c>c</c> format's
/// pattern; Swashbuckle writes <c>format: date-span</c>. Both get the <c>date-span</c> format.
/// </description></item>
/// </list>
/// </summary>
internal static class FrameworkDialects
{
    /// <summary>The format a .NET <c>TimeSpan</c> string gets (Swashbuckle's name for it).</summary>
    public const string TimeSpanFormat = Model.Scalars.DateSpanFormat;

    private const string TimeSpanPattern = @"^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    private const string DecimalPattern = @"^-?(?:0|[1-9]\d*)(?:\.\d+)?$";

    public static void Mend(JsonObject schema)
    {
        NumberAsText(schema);
        if (Text(schema["pattern"]) == TimeSpanPattern && schema["format"] is null && IsString(schema["type"]))
        {
            schema["format"] = TimeSpanFormat;
            schema.Remove("pattern");
        }
    }

    private static void NumberAsText(JsonObject schema)
    {
        var format = Text(schema["format"]);
        var pattern = Text(schema["pattern"]);
        var numericFormat = format is "int32" or "int64" or "float" or "double" or "decimal";
        string number;
        switch (schema["type"])
        {
            case JsonArray types when types.All(t => Text(t) is "integer" or "number" or "string" or "null")
                && types.Any(t => Text(t) == "string") && types.Count(t => Text(t) is "integer" or "number") == 1
                && (numericFormat || (pattern is not null && IsNumericPattern(pattern))):
                number = types.Select(Text).First(t => t is "integer" or "number")!;
                var kept = new JsonArray { number };
                if (types.Any(t => Text(t) == "null"))
                {
                    kept.Add("null");
                }

                schema["type"] = kept;
                break;
            case null when numericFormat && pattern is not null && IsNumericPattern(pattern):
                number = format is "int32" or "int64" ? "integer" : "number";
                schema["type"] = number;
                break;
            default:
                return;
        }

        if (number == "number" && format is "double" or null && pattern == DecimalPattern)
        {
            schema["format"] = "decimal";
        }

        schema.Remove("pattern");
    }

    /// <summary>A pattern that a number's text matches and a word's does not.</summary>
    private static bool IsNumericPattern(string pattern)
    {
        try
        {
            // The static methods cache the parsed pattern: a framework writes the same few patterns hundreds of times.
            return Regex.IsMatch("12", pattern, RegexOptions.CultureInvariant, MatchTimeout) && !Regex.IsMatch("twelve", pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool IsString(JsonNode? type) =>
        Text(type) == "string" || (type is JsonArray types && types.Any(t => Text(t) == "string") && types.All(t => Text(t) is "string" or "null"));

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
