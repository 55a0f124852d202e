namespace Specgen.Runtime;

/// <summary>Where an API key goes (the scheme's <c>in</c>).</summary>
public enum ApiKeyLocation
{
    /// <summary>A request header.</summary>
    Header,

    /// <summary>A query parameter.</summary>
    Query,

    /// <summary>A cookie.</summary>
    Cookie,
}

/// <summary>
/// One of the spec's <c>securitySchemes</c>, as the generated client declares it: which credential it takes
/// and where the client puts it. The credential itself is the caller's, in <see cref="ApiClientOptions.Credentials"/>.
/// </summary>
public abstract class SecurityScheme
{
    private protected SecurityScheme(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The scheme's name in the spec (its key under <c>components/securitySchemes</c>).</summary>
    public string Name { get; }

    /// <summary>What the scheme takes and where it goes, for messages; never a credential.</summary>
    public abstract string Describe();

    /// <inheritdoc/>
    public override string ToString() => $"'{Name}' ({Describe()})";
}

/// <summary>
/// A bearer token in <c>Authorization</c>: HTTP <c>bearer</c>, and OAuth 2 flows and OpenID Connect, whose
/// token the caller obtains (<see cref="ApiCredentials.SetBearer(string, Func{CancellationToken, ValueTask{string}})"/>).
/// Without a credential of its own it takes <see cref="ApiClientOptions.AccessToken"/> or
/// <see cref="ApiClientOptions.AccessTokenProvider"/>.
/// </summary>
public sealed class BearerScheme(string name) : SecurityScheme(name)
{
    /// <inheritdoc/>
    public override string Describe() => "a bearer token";
}

/// <summary>HTTP <c>basic</c>: a user name and password in <c>Authorization</c>.</summary>
public sealed class BasicScheme(string name) : SecurityScheme(name)
{
    /// <inheritdoc/>
    public override string Describe() => "HTTP basic";
}

/// <summary>An <c>apiKey</c>: a key in a header, a query parameter or a cookie of the name the spec gives.</summary>
public sealed class ApiKeyScheme : SecurityScheme
{
    /// <summary>Declares the scheme.</summary>
    /// <param name="name">The scheme's name in the spec.</param>
    /// <param name="location">Where the key goes.</param>
    /// <param name="parameterName">The header, query parameter or cookie that carries it.</param>
    public ApiKeyScheme(string name, ApiKeyLocation location, string parameterName)
        : base(name)
    {
        ArgumentException.ThrowIfNullOrEmpty(parameterName);
        Location = location;
        ParameterName = parameterName;
    }

    /// <summary>Where the key goes.</summary>
    public ApiKeyLocation Location { get; }

    /// <summary>The header, query parameter or cookie that carries the key.</summary>
    public string ParameterName { get; }

    /// <inheritdoc/>
    public override string Describe() => Location switch
    {
        ApiKeyLocation.Header => $"an API key in the {ParameterName} header",
        ApiKeyLocation.Query => $"an API key in the {ParameterName} query parameter",
        _ => $"an API key in the {ParameterName} cookie",
    };
}

/// <summary>
/// One way an operation may be authenticated (an entry of its <c>security</c>): every scheme here at once.
/// With no schemes it is the spec's <c>{}</c>: the operation may be called without credentials.
/// </summary>
public sealed class SecurityRequirement
{
    /// <summary>A requirement of all of <paramref name="schemes"/>.</summary>
    public SecurityRequirement(params SecurityScheme[] schemes)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        Schemes = schemes;
    }

    /// <summary>The schemes, all sent together.</summary>
    public IReadOnlyList<SecurityScheme> Schemes { get; }

    /// <inheritdoc/>
    public override string ToString() => Schemes.Count == 0 ? "no credentials" : string.Join(" and ", Schemes);
}

/// <summary>A user name and password for HTTP basic. Its <see cref="ToString"/> never shows the password.</summary>
public sealed record BasicCredentials(string UserName, string Password)
{
    /// <summary>The user name; the password masked.</summary>
    public override string ToString() => $"BasicCredentials {{ UserName = {UserName}, Password = *** }}";
}

/// <summary>
/// The caller's credentials, by the name of the spec's scheme they are for. A generated client's options
/// set them through typed properties (<c>ApiKey</c>, <c>Basic</c>); they are never written out:
/// <see cref="ToString"/> lists the schemes only.
/// </summary>
public sealed class ApiCredentials
{
    private readonly Dictionary<string, object> _byScheme = new(StringComparer.Ordinal);

    /// <summary>Sets the bearer token for <paramref name="scheme"/>; null removes it.</summary>
    public void SetBearer(string scheme, string? token) => Set(scheme, token);

    /// <summary>Sets a provider asked before each request for <paramref name="scheme"/>'s bearer token (a refreshed one, say).</summary>
    public void SetBearer(string scheme, Func<CancellationToken, ValueTask<string?>> provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Set(scheme, provider);
    }

    /// <summary>Sets the user name and password for <paramref name="scheme"/>; null removes them.</summary>
    public void SetBasic(string scheme, BasicCredentials? credentials) => Set(scheme, credentials);

    /// <summary>Sets the client id and secret for <paramref name="scheme"/>'s OAuth 2 client credentials flow; null removes them.</summary>
    public void SetClientCredentials(string scheme, ClientCredentials? credentials) => Set(scheme, credentials);

    /// <summary>The client id and secret set for <paramref name="scheme"/>, if any.</summary>
    public ClientCredentials? GetClientCredentials(string scheme) => _byScheme.TryGetValue(scheme, out var value) ? value as ClientCredentials : null;

    /// <summary>Sets the API key for <paramref name="scheme"/>; null removes it.</summary>
    public void SetApiKey(string scheme, string? key) => Set(scheme, key);

    /// <summary>The API key or static bearer token set for <paramref name="scheme"/>, if any.</summary>
    public string? GetString(string scheme) => _byScheme.TryGetValue(scheme, out var value) ? value as string : null;

    /// <summary>The user name and password set for <paramref name="scheme"/>, if any.</summary>
    public BasicCredentials? GetBasic(string scheme) => _byScheme.TryGetValue(scheme, out var value) ? value as BasicCredentials : null;

    /// <summary>Whether a credential is set for <paramref name="scheme"/>.</summary>
    public bool Has(string scheme) => _byScheme.ContainsKey(scheme);

    internal object? Get(string scheme) => _byScheme.TryGetValue(scheme, out var value) ? value : null;

    /// <summary>The schemes that have a credential; never the credentials.</summary>
    public override string ToString() => $"ApiCredentials {{ {string.Join(", ", _byScheme.Keys.Order(StringComparer.Ordinal))} }}";

    private void Set(string scheme, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        if (value is null or "")
        {
            _byScheme.Remove(scheme);
        }
        else
        {
            _byScheme[scheme] = value;
        }
    }
}

/// <summary>
/// An operation needs credentials the client does not have: thrown before anything is sent, naming the
/// schemes the spec accepts for it.
/// </summary>
public sealed class MissingCredentialsException : InvalidOperationException
{
    /// <summary>Creates the exception for an operation and the ways the spec lets it authenticate.</summary>
    public MissingCredentialsException(string method, string pathTemplate, IReadOnlyList<SecurityRequirement> accepted)
        : base($"{method} {pathTemplate} needs credentials the client has none of: {string.Join(", or ", accepted)}. Set them in the client's options.")
    {
        Accepted = accepted;
    }

    /// <summary>The ways the spec accepts, any one of which would do.</summary>
    public IReadOnlyList<SecurityRequirement> Accepted { get; }
}
