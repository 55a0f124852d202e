namespace Specgen.Runtime.Infrastructure;

/// <summary>Where an API key goes (the scheme's <c>in</c>).</summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
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
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
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
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class BearerScheme(string name) : SecurityScheme(name)
{
    /// <inheritdoc/>
    public override string Describe() => "a bearer token";
}

/// <summary>HTTP <c>basic</c>: a user name and password in <c>Authorization</c>.</summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class BasicScheme(string name) : SecurityScheme(name)
{
    /// <inheritdoc/>
    public override string Describe() => "HTTP basic";
}

/// <summary>An <c>apiKey</c>: a key in a header, a query parameter or a cookie of the name the spec gives.</summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
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
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
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
