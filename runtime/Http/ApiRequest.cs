using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace Specgen.Runtime.Infrastructure;

/// <summary>A request a generated client builds: method, path with parameters, query, headers and body.</summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiRequest
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

    internal object? Body { get; private set; }

    internal JsonTypeInfo? BodyType { get; private set; }

    internal string? ContentType { get; private set; }

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

    /// <summary>Fills the <c>{name}</c> placeholder with the escaped value.</summary>
    public void PathParameter(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        Fill(name, Uri.EscapeDataString(value));
    }

    /// <summary>
    /// Adds a query parameter; a null value is left out. With <paramref name="allowReserved"/> (the spec's
    /// <c>allowReserved</c>), the value's reserved characters (<c>:/?#[]@!$&amp;'()*+,;=</c>) and
    /// percent-escapes are sent as they are; everything else is escaped.
    /// </summary>
    public void Query(string name, string? value, bool allowReserved = false)
    {
        if (value is not null)
        {
            _query.Add((name, value, allowReserved, false));
        }
        else
        {
            (_unsetQuery ??= []).Add((name, _query.Count));
        }
    }

    /// <summary>Fills the <c>{name}</c> placeholder with the escaped values, comma-separated (OpenAPI's simple style).</summary>
    public void PathParameter(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        Fill(name, string.Join(",", values.Select(Uri.EscapeDataString)));
    }

    /// <summary>Fills the <c>{name}</c> placeholder in a path style: <c>.v</c> (label) or <c>;name=v</c> (matrix).</summary>
    public void PathParameter(string name, string value, ParameterStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        PathParameter(name, [value], style, explode);
    }

    /// <summary>
    /// Fills the <c>{name}</c> placeholder with values in a path style: label <c>.a,b</c> (exploded
    /// <c>.a.b</c>), matrix <c>;name=a,b</c> (exploded <c>;name=a;name=b</c>), simple <c>a,b</c>.
    /// </summary>
    public void PathParameter(string name, IEnumerable<string> values, ParameterStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        var escaped = values.Select(Uri.EscapeDataString).ToList();
        var key = Uri.EscapeDataString(name);
        Fill(name, style switch
        {
            ParameterStyle.Label => "." + string.Join(explode ? "." : ",", escaped),
            ParameterStyle.Matrix when explode => string.Concat(escaped.Select(v => ";" + key + "=" + v)),
            ParameterStyle.Matrix => ";" + key + "=" + string.Join(",", escaped),
            _ => string.Join(",", escaped),
        });
    }

    /// <summary>
    /// Adds an array query parameter: once per value (<c>?tag=a&amp;tag=b</c>, OpenAPI's exploded form
    /// style) when <paramref name="delimiter"/> is null, else once with the values joined by it
    /// (<c>,</c> for form with explode: false, a space or <c>|</c> for spaceDelimited and pipeDelimited).
    /// Each value is escaped and the delimiter is not, so <c>["a,b", "c"]</c> is <c>a%2Cb,c</c> (a space
    /// and <c>|</c>, which a URI cannot hold, are <c>%20</c> and <c>%7C</c>). A null array is left out.
    /// </summary>
    public void QueryValues(string name, IEnumerable<string>? values, string? delimiter = null, bool allowReserved = false)
    {
        if (values is not null && delimiter is not null)
        {
            Joined(name, values, delimiter, allowReserved);
            return;
        }

        foreach (var value in values ?? [])
        {
            Query(name, value, allowReserved);
        }
    }

    /// <summary>
    /// Adds an object query parameter from its members' text (a null member is left out; a null object is
    /// not sent): <see cref="ParameterStyle.DeepObject"/> <c>name[key]=value</c> per member;
    /// <see cref="ParameterStyle.Form"/> exploded <c>key=value</c> per member, else <c>name=key,value,…</c>.
    /// </summary>
    public void QueryObject(string name, IEnumerable<KeyValuePair<string, string?>>? members, ParameterStyle style, bool explode, bool allowReserved = false)
    {
        if (members is null)
        {
            return;
        }

        if (style == ParameterStyle.Form && !explode)
        {
            // name=key,value,…: the commas are the style's, the keys' and values' own are escaped.
            if (Set(members) is { Count: > 0 } set)
            {
                Joined(name, set.SelectMany(m => new[] { m.Key, m.Value }), ",", allowReserved);
            }

            return;
        }

        foreach (var pair in FormPairs(name, members, style, explode))
        {
            Query(pair.Key, pair.Value, allowReserved);
        }
    }

    private void Joined(string name, IEnumerable<string> values, string delimiter, bool allowReserved) =>
        _query.Add((name, string.Join(delimiter == "," ? "," : Uri.EscapeDataString(delimiter), values.Select(v => allowReserved ? EscapeAllowingReserved(v) : Uri.EscapeDataString(v))), allowReserved, true));

    /// <summary>
    /// Fills the <c>{name}</c> placeholder with an object's members, escaped: simple <c>k,v,k2,v2</c>
    /// (exploded <c>k=v,k2=v2</c>), label <c>.k,v,k2,v2</c> (<c>.k=v.k2=v2</c>), matrix
    /// <c>;name=k,v,k2,v2</c> (<c>;k=v;k2=v2</c>).
    /// </summary>
    public void PathObject(string name, IEnumerable<KeyValuePair<string, string?>> members, ParameterStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(members, name);
        var set = Set(members).Select(m => new KeyValuePair<string, string>(Uri.EscapeDataString(m.Key), Uri.EscapeDataString(m.Value))).ToList();
        var joined = string.Join(",", set.Select(m => m.Key + "," + m.Value));
        Fill(name, style switch
        {
            ParameterStyle.Label when explode => string.Concat(set.Select(m => "." + m.Key + "=" + m.Value)),
            ParameterStyle.Label => "." + joined,
            ParameterStyle.Matrix when explode => string.Concat(set.Select(m => ";" + m.Key + "=" + m.Value)),
            ParameterStyle.Matrix => ";" + Uri.EscapeDataString(name) + "=" + joined,
            _ when explode => string.Join(",", set.Select(m => m.Key + "=" + m.Value)),
            _ => joined,
        });
    }

    /// <summary>Adds a header from an object's members (simple style): <c>k,v,k2,v2</c>, exploded <c>k=v,k2=v2</c>; a null object is not sent.</summary>
    public void HeaderObject(string name, IEnumerable<KeyValuePair<string, string?>>? members, bool explode)
    {
        if (members is not null)
        {
            var set = Set(members);
            Header(name, string.Join(",", set.Select(m => m.Key + (explode ? "=" : ",") + m.Value)));
        }
    }

    /// <summary>Adds an object as cookies (form style): one cookie per member exploded, else <c>name=k,v,k2,v2</c>; a null object is not sent.</summary>
    public void CookieObject(string name, IEnumerable<KeyValuePair<string, string?>>? members, bool explode)
    {
        if (members is null)
        {
            return;
        }

        foreach (var pair in FormPairs(name, members, ParameterStyle.Form, explode))
        {
            Cookie(pair.Key, pair.Value);
        }
    }

    /// <summary>
    /// An object's members as the pairs the form styles write (a null member is not sent):
    /// <see cref="ParameterStyle.DeepObject"/> <c>name[key]=value</c> each; exploded <c>key=value</c> each;
    /// else one <c>name=key,value,…</c> (none for no members). Shared by queries, cookies and form bodies.
    /// </summary>
    internal static List<KeyValuePair<string, string>> FormPairs(string name, IEnumerable<KeyValuePair<string, string?>> members, ParameterStyle style, bool explode)
    {
        var set = Set(members);
        if (style == ParameterStyle.DeepObject)
        {
            return set.Select(m => new KeyValuePair<string, string>(name + "[" + m.Key + "]", m.Value)).ToList();
        }

        return explode ? set
            : set.Count == 0 ? []
            : [new(name, string.Join(",", set.Select(m => m.Key + "," + m.Value)))];
    }

    /// <summary>The members that have a value: one not set, or null, is not sent.</summary>
    private static List<KeyValuePair<string, string>> Set(IEnumerable<KeyValuePair<string, string?>> members) =>
        members.Where(m => m.Value is not null).Select(m => new KeyValuePair<string, string>(m.Key, m.Value!)).ToList();

    /// <summary>Adds a header; a null value is left out.</summary>
    public void Header(string name, string? value)
    {
        if (value is not null)
        {
            _headers.Add(new(name, value));
        }
        else
        {
            (_unsetHeaders ??= []).Add(name);
        }
    }

    /// <summary>
    /// Gives each query or header parameter the call left out the value <paramref name="defaults"/> has
    /// for its name (<see cref="ApiClientOptions.DefaultParameters"/>), in the place the operation gives it.
    /// </summary>
    internal void ApplyDefaults(IDictionary<string, string> defaults)
    {
        if (defaults.Count == 0)
        {
            return;
        }

        // From the last, so the places still hold as values go in.
        for (var i = (_unsetQuery?.Count ?? 0) - 1; i >= 0; i--)
        {
            var (name, index) = _unsetQuery![i];
            if (defaults.TryGetValue(name, out var value) && value is not null)
            {
                _query.Insert(index, (name, value, false, false));
            }
        }

        foreach (var name in _unsetHeaders ?? [])
        {
            if (defaults.TryGetValue(name, out var value) && value is not null)
            {
                _headers.Add(new(name, value));
            }
        }

        _unsetQuery = null;
        _unsetHeaders = null;
    }

    /// <summary>Adds a header with the values comma-separated (OpenAPI's simple style); a null array is left out.</summary>
    public void Header(string name, IEnumerable<string>? values) => Header(name, values is null ? null : string.Join(",", values));

    /// <summary>Adds a cookie (sent in the <c>Cookie</c> header, its value percent-escaped); a null value is left out.</summary>
    public void Cookie(string name, string? value)
    {
        if (value is not null)
        {
            _cookies.Add(new(name, value));
        }
    }

    /// <summary>Adds a cookie whose value is the values comma-separated; a null array is left out.</summary>
    public void Cookie(string name, IEnumerable<string>? values) => Cookie(name, values is null ? null : string.Join(",", values));

    /// <summary>
    /// The <c>Cookie</c> header: <c>name=value</c> pairs joined by <c>; </c>, each value percent-escaped
    /// (a cookie value may not hold spaces, quotes, commas, semicolons or backslashes); null for none.
    /// </summary>
    internal string? CookieHeader() =>
        _cookies.Count == 0 ? null : string.Join("; ", _cookies.Select(c => c.Key + "=" + Uri.EscapeDataString(c.Value)));

    /// <summary>Sets the JSON body, written with <paramref name="type"/> (no reflection); a null body is not sent.</summary>
    public void JsonBody<T>(T? body, JsonTypeInfo<T> type, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(type);
        Body = body;
        Validated = body as IValidatable;
        BodyType = type;
        ContentType = contentType;
    }

    /// <summary>
    /// Sets a binary body (<c>application/octet-stream</c>, <c>image/png</c>, …), streamed as it is read
    /// rather than copied into memory; a null stream is not sent. The caller keeps the stream: it is not
    /// disposed. A retry sends it again from where it started when it can seek, and is not made when it cannot.
    /// </summary>
    public void StreamBody(Stream? content, string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        Body = content;
        BodyType = null;
        ContentType = contentType;
        BodyStart = content is { CanSeek: true } ? content.Position : 0;
    }

    /// <summary>Where a seekable stream body started, so each attempt sends it from there.</summary>
    internal long BodyStart { get; private set; }

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
        Body = form;
        BodyType = null;
        ContentType = contentType;
        Validated = source;
    }

    /// <summary>What request validation checks before sending: the JSON body, or the record a form was made from.</summary>
    internal IValidatable? Validated { get; private set; }

    /// <summary>Sets a text body (<c>text/plain</c>, …), sent as UTF-8; a null text is not sent.</summary>
    public void TextBody(string? text, string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        Body = text;
        BodyType = null;
        ContentType = contentType;
    }

    /// <summary>Whether the request can be sent again for a retry: not when its body is a stream that cannot go back.</summary>
    internal bool CanResend => Body switch
    {
        Stream stream => stream.CanSeek,
        FormBody form => form.CanResend,
        _ => true,
    };

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
