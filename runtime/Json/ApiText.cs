using System.ComponentModel;
using System.Globalization;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// The text form of each formatted scalar, one rule per OpenAPI <c>format</c>: what JSON strings,
/// path, query and header values hold. Writing is exact (RFC 3339 dates and times, invariant numbers);
/// reading accepts only what the format allows, so a value it rejects can be kept as it was sent.
/// Public for generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiText
{
    private static readonly string[] DateTimeFormats = ["yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK"];
    private static readonly string[] LocalDateTimeFormats = ["yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF"];
    private static readonly string[] TimeFormats = ["HH':'mm':'ss.FFFFFFF"];

    /// <summary>An RFC 3339 date-time: <c>2024-05-01T12:30:00Z</c>, with the fraction only when there is one.</summary>
    public static string DateTime(DateTimeOffset value) =>
        value.ToString(value.Offset == TimeSpan.Zero ? "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'" : "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>An RFC 3339 full-date: <c>2024-05-01</c>.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>An RFC 3339 partial-time: <c>12:30:00</c>, with the fraction only when there is one.</summary>
    public static string Time(TimeOnly value) => value.ToString(TimeFormats[0], CultureInfo.InvariantCulture);

    /// <summary>A .NET <see cref="TimeSpan"/> in its constant (<c>c</c>) form: <c>1.02:03:04.5000000</c>, <c>00:30:00</c>.</summary>
    public static string Duration(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>A UUID in its 36-character form.</summary>
    public static string Guid(Guid value) => value.ToString("D");

    /// <summary>The URI as it was given (<see cref="System.Uri.OriginalString"/>), not its canonical form.</summary>
    public static string Uri(Uri value) => value.OriginalString;

    /// <summary>Base64 (RFC 4648, with padding).</summary>
    public static string Bytes(byte[] value) => Convert.ToBase64String(value);

    /// <summary>The shortest text that reads back as the same <see cref="float"/>.</summary>
    public static string Single(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The number in the invariant culture.</summary>
    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads an RFC 3339 date-time. One without an offset (<c>2026-03-01T08:15:30</c>, as .NET writes a
    /// <see cref="System.DateTime"/> whose kind is not UTC) reads as that clock time with offset zero: its
    /// <see cref="DateTimeOffset.DateTime"/> is the time as sent.
    /// </summary>
    /// <exception cref="FormatException">The text is not one.</exception>
    public static DateTimeOffset ParseDateTime(string text) =>
        HasOffset(text)
            ? DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : throw Invalid("date-time")
            : DateTimeOffset.TryParseExact(text, LocalDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var local) ? local : throw Invalid("date-time");

    /// <summary>Reads a .NET <see cref="TimeSpan"/> in its constant (<c>c</c>) form.</summary>
    /// <exception cref="FormatException">The text is not one.</exception>
    public static TimeSpan ParseDuration(string text) =>
        TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var value) ? value : throw Invalid("TimeSpan");

    /// <summary>Reads an RFC 3339 full-date.</summary>
    /// <exception cref="FormatException">The text is not one.</exception>
    public static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : throw Invalid("date");

    /// <summary>
    /// Reads an RFC 3339 time: a partial-time (<c>12:30:00</c>), or a full-time with its offset
    /// (<c>12:30:00Z</c>, <c>12:30:00+02:00</c>), which reads as its time of day in that offset.
    /// </summary>
    /// <exception cref="FormatException">The text is not one.</exception>
    public static TimeOnly ParseTime(string text)
    {
        var local = text.Length > 1 && text[^1] is 'Z' or 'z' ? text[..^1]
            : text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':' ? text[..^6]
            : text;
        return TimeOnly.TryParseExact(local, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : throw Invalid("time");
    }

    /// <summary>Reads a UUID in its 36-character form.</summary>
    /// <exception cref="FormatException">The text is not one.</exception>
    public static Guid ParseGuid(string text) => System.Guid.ParseExact(text, "D");

    /// <summary>Reads an absolute or relative URI, keeping the text as given.</summary>
    /// <exception cref="FormatException">The text is not one.</exception>
    public static Uri ParseUri(string text) => new(text, UriKind.RelativeOrAbsolute);

    /// <summary>Reads base64.</summary>
    /// <exception cref="FormatException">The text is not base64.</exception>
    public static byte[] ParseBytes(string text) => Convert.FromBase64String(text);

    /// <summary>Reads a <see cref="float"/> in the invariant culture.</summary>
    /// <exception cref="FormatException">The text is not one.</exception>
    public static float ParseSingle(string text) => float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads a <see cref="decimal"/> in the invariant culture.</summary>
    /// <exception cref="FormatException">The text is not one.</exception>
    public static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool HasOffset(string text) =>
        text.Length > 6 && (text[^1] == 'Z' || (text[^6] is '+' or '-' && text[^3] == ':'));

    private static FormatException Invalid(string format) => new($"The text is not a valid {format}.");
}
