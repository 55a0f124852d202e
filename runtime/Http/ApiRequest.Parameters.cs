namespace Specgen.Runtime.Infrastructure;

public sealed partial class ApiRequest
{
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
}
