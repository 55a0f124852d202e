using System.Collections;
using System.Net.Http.Headers;

namespace Specgen.Runtime;

/// <summary>A success response: its status code and headers.</summary>
public class ApiResponse
{
    /// <summary>Creates the response.</summary>
    public ApiResponse(int statusCode, ApiHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        StatusCode = statusCode;
        Headers = headers;
    }

    /// <summary>The HTTP status code (a 2xx).</summary>
    public int StatusCode { get; }

    /// <summary>The response's headers, content headers included.</summary>
    public ApiHeaders Headers { get; }
}

/// <summary>A success response: its status code, headers and the value its body held.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class ApiResponse<T> : ApiResponse
{
    /// <summary>Creates the response.</summary>
    public ApiResponse(int statusCode, ApiHeaders headers, T value)
        : base(statusCode, headers) => Value = value;

    /// <summary>The value the body held.</summary>
    public T Value { get; }
}

/// <summary>A response's headers (content headers included), looked up ignoring case.</summary>
public sealed class ApiHeaders : IEnumerable<KeyValuePair<string, IEnumerable<string>>>
{
    private readonly HttpResponseHeaders? _headers;
    private readonly HttpContentHeaders? _content;

    /// <summary>No headers.</summary>
    public static ApiHeaders Empty { get; } = new(null, null);

    /// <summary>The headers of <paramref name="response"/> (kept, not copied).</summary>
    public ApiHeaders(HttpResponseMessage response)
        : this(response?.Headers, response?.Content?.Headers)
    {
    }

    private ApiHeaders(HttpResponseHeaders? headers, HttpContentHeaders? content)
    {
        _headers = headers;
        _content = content;
    }

    /// <summary>The header's values joined by commas, or null when the response has none.</summary>
    public string? this[string name] => TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>The header's values, when the response has it.</summary>
    public bool TryGetValues(string name, out IEnumerable<string> values)
    {
        if (_headers is not null && _headers.TryGetValues(name, out var found))
        {
            values = found;
            return true;
        }

        if (_content is not null && _content.TryGetValues(name, out found))
        {
            values = found;
            return true;
        }

        values = [];
        return false;
    }

    /// <summary>The header as a 32-bit whole number (invariant culture), or null when it is missing, is not one or does not fit.</summary>
    public int? Int32(string name) =>
        int.TryParse(this[name], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The header as a whole number (invariant culture), or null when it is missing or is not one.</summary>
    public long? Int64(string name) =>
        long.TryParse(this[name], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The header as a number (invariant culture), or null when it is missing or is not one.</summary>
    public double? Number(string name) =>
        double.TryParse(this[name], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The header as <c>true</c> or <c>false</c> (any case), or null when it is missing or is neither.</summary>
    public bool? Boolean(string name) => bool.TryParse(this[name], out var value) ? value : null;

    /// <summary>The header as a <see cref="float"/> (invariant culture), or null when it is missing or is not one.</summary>
    public float? Single(string name) => Parse(name, ApiText.ParseSingle);

    /// <summary>The header as a <see cref="decimal"/> (invariant culture), or null when it is missing or is not one.</summary>
    public decimal? Decimal(string name) => Parse(name, ApiText.ParseDecimal);

    /// <summary>The header as an RFC 3339 date-time or an HTTP date (<c>Wed, 21 Oct 2015 07:28:00 GMT</c>), or null when it is missing or is neither.</summary>
    public DateTimeOffset? DateTime(string name) =>
        Parse(name, ApiText.ParseDateTime)
        ?? (DateTimeOffset.TryParseExact(this[name], "r", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date) ? date : null);

    /// <summary>The header as an RFC 3339 full-date, or null when it is missing or is not one.</summary>
    public DateOnly? Date(string name) => Parse(name, ApiText.ParseDate);

    /// <summary>The header as an RFC 3339 partial-time, or null when it is missing or is not one.</summary>
    public TimeOnly? Time(string name) => Parse(name, ApiText.ParseTime);

    /// <summary>The header as a .NET <see cref="TimeSpan"/> (<c>1.02:03:04.5</c>), or null when it is missing or is not one.</summary>
    public TimeSpan? Duration(string name) => Parse(name, ApiText.ParseDuration);

    /// <summary>The header as a UUID, or null when it is missing or is not one.</summary>
    public Guid? Guid(string name) => Parse(name, ApiText.ParseGuid);

    /// <summary>The header as a URI (absolute or relative), or null when it is missing or is not one.</summary>
    public Uri? Uri(string name) => this[name] is { } text && System.Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri) ? uri : null;

    /// <summary>The header's base64 bytes, or null when it is missing or is not base64.</summary>
    public byte[]? Bytes(string name)
    {
        var text = this[name];
        var buffer = new byte[((text?.Length ?? 0) * 3 / 4) + 3];
        return text is not null && Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>The header as a generated enum (any value kept), or null when it is missing or cannot be one.</summary>
    public T? Enum<T>(string name)
        where T : struct, IApiEnum<T> =>
        this[name] is { } text && T.TryParse(text, out var value) ? value : null;

    /// <summary>The header's comma-separated values (OpenAPI's simple style), or null when it is missing.</summary>
    public IReadOnlyList<string>? List(string name) =>
        TryGetValues(name, out var values)
            ? values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList()
            : null;

    private T? Parse<T>(string name, Func<string, T> parse)
        where T : struct
    {
        if (this[name] is not { } text)
        {
            return null;
        }

        try
        {
            return parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator()
    {
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> all = (IEnumerable<KeyValuePair<string, IEnumerable<string>>>?)_headers ?? [];
        return all.Concat((IEnumerable<KeyValuePair<string, IEnumerable<string>>>?)_content ?? []).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
