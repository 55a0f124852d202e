using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace Specgen.Runtime.Infrastructure;

/// <summary>A request a generated client builds: method, path with parameters, query, headers and body.</summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed partial class ApiRequest
{
    // A value is escaped when the URI is made, unless it is Escaped already (a list joined by its delimiter).
    private readonly List<(string Name, string Value, bool AllowReserved, bool Escaped)> _query = [];
    private readonly List<KeyValuePair<string, string>> _headers = [];
    private readonly List<KeyValuePair<string, string>> _cookies = [];

    // Optional parameters the call left out, and where: a default the client options give them goes there.
    private List<(string Name, int Index)>? _unsetQuery;
    private List<string>? _unsetHeaders;
    private string _path;

    /// <summary>Starts a request for <paramref name="method"/> and the path template from the spec.</summary>
    public ApiRequest(string method, string pathTemplate)
    {
        Method = method;
        PathTemplate = pathTemplate;
        _path = pathTemplate;
    }

    /// <summary>The operation's operationId in the spec, naming the call's activity; null when it has none.</summary>
    public string? OperationId { get; set; }

    /// <summary>
    /// The <c>Accept</c> header: the media types of the responses the operation reads, as the spec names them;
    /// null sends none. <c>Options.Headers["Accept"]</c> replaces it.
    /// </summary>
    public string? Accept { get; set; }

    /// <summary>The caller's settings for this call (headers, timeout, retries); null for none.</summary>
    public ApiRequestOptions? Options { get; set; }

    /// <summary>
    /// The ways the spec lets this operation authenticate, the first the client has credentials for being
    /// used; empty for <c>security: []</c>; null when the spec declares no security (a bearer token, if the
    /// options have one, is sent).
    /// </summary>
    public IReadOnlyList<SecurityRequirement>? Security { get; set; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path as the spec writes it, with <c>{placeholders}</c>.</summary>
    public string PathTemplate { get; }

    /// <summary>The path with its parameters filled in and escaped.</summary>
    public string Path => _path;

    internal IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>The body, of its kind; null when none is sent.</summary>
    internal RequestBody? Body { get; private set; }

    private List<KeyValuePair<string, JsonTypeInfo>>? _errorBodies;

    /// <summary>
    /// Declares what an error response's JSON body is, as the spec documents it: <paramref name="status"/>
    /// is a code (<c>404</c>), a range (<c>4XX</c>) or <c>default</c>. The body is read into it and kept on
    /// the <see cref="ApiException"/> (<see cref="ApiException.Body"/>).
    /// </summary>
    public void ErrorBody(string status, JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(type);
        (_errorBodies ??= []).Add(new(status, type));
    }

    /// <summary>The type the spec gives the body of an error with <paramref name="status"/>: the code's, else its range's, else default's.</summary>
    internal JsonTypeInfo? ErrorBodyType(int status)
    {
        if (_errorBodies is null)
        {
            return null;
        }

        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var range = code[0] + "XX";
        return Find(code) ?? Find(range) ?? Find("default");

        JsonTypeInfo? Find(string key) =>
            _errorBodies.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
    }

    /// <summary>Sets the JSON body, written with <paramref name="type"/> (no reflection); a null body is not sent.</summary>
    public void JsonBody<T>(T? body, JsonTypeInfo<T> type, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(type);
        Body = body is null ? null : new JsonRequestBody(body, type, contentType);
        Validated = body as IValidatable;
    }

    /// <summary>
    /// Sets a binary body (<c>application/octet-stream</c>, <c>image/png</c>, …), streamed as it is read
    /// rather than copied into memory; a null stream is not sent. The caller keeps the stream: it is not
    /// disposed. A retry sends it again from where it started when it can seek, and is not made when it cannot.
    /// </summary>
    public void StreamBody(Stream? content, string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        Body = content is null ? null : new StreamRequestBody(content, contentType);
    }

    /// <summary>
    /// Sets a form body, sent as <paramref name="contentType"/>: <c>multipart/form-data</c> (files streamed)
    /// or <c>application/x-www-form-urlencoded</c>; a null form is not sent.
    /// </summary>
    public void FormBody(FormBody? form, string contentType) => FormBody(form, contentType, null);

    /// <summary>
    /// Sets a form body, sent as <paramref name="contentType"/>, made from <paramref name="source"/>: the
    /// record the caller filled, which is checked against the spec's constraints before sending.
    /// </summary>
    public void FormBody(FormBody? form, string contentType, IValidatable? source)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        Body = form is null ? null : new FormRequestBody(form, contentType);
        Validated = source;
    }

    /// <summary>What request validation checks before sending: the JSON body, or the record a form was made from.</summary>
    internal IValidatable? Validated { get; private set; }

    /// <summary>Sets a text body (<c>text/plain</c>, …), sent as UTF-8; a null text is not sent.</summary>
    public void TextBody(string? text, string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        Body = text is null ? null : new TextRequestBody(text, contentType);
    }

    /// <summary>Whether the request can be sent again for a retry: not when its body is a stream that cannot go back.</summary>
    internal bool CanResend => Body?.CanResend ?? true;

    /// <summary>The path and query, relative to the base address.</summary>
    public string RelativeUri()
    {
        if (_query.Count == 0)
        {
            return _path;
        }

        var builder = new StringBuilder(_path).Append('?');
        for (var i = 0; i < _query.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('&');
            }

            var (name, value, allowReserved, escaped) = _query[i];
            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(escaped ? value : allowReserved ? EscapeAllowingReserved(value) : Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Percent-escapes (as UTF-8) everything but RFC 3986's unreserved and reserved characters and
    /// existing percent-escapes: OpenAPI's <c>allowReserved</c>.
    /// </summary>
    private static string EscapeAllowingReserved(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=".Contains(c)
                || (c == '%' && i + 2 < value.Length && char.IsAsciiHexDigit(value[i + 1]) && char.IsAsciiHexDigit(value[i + 2])))
            {
                builder.Append(c);
                continue;
            }

            // A character outside them (a surrogate pair whole) is escaped as its UTF-8 bytes.
            var length = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) ? 2 : 1;
            builder.Append(Uri.EscapeDataString(value.Substring(i, length)));
            i += length - 1;
        }

        return builder.ToString();
    }

    private void Fill(string name, string escaped) => _path = _path.Replace("{" + name + "}", escaped, StringComparison.Ordinal);
}
