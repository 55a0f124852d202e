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

    /// <summary>Whether the options hold what this scheme sends (a scheme may also take the options' bearer token).</summary>
    internal virtual bool IsConfigured(ApiClientOptions options) => options.Credentials.Has(Name);

    /// <summary>
    /// What an attempt sends for this scheme: adds the credential (and every secret in it) to <paramref name="sent"/>,
    /// or nothing when the options hold none; may ask to see a refusal (a 401) to answer it on the next attempt.
    /// </summary>
    internal abstract ValueTask AddAsync(CredentialContext context, SentCredentials sent, CancellationToken cancellationToken);

    /// <summary>Puts a credential <see cref="AddAsync"/> chose on the request (a header, the query, a cookie).</summary>
    internal abstract void Apply(HttpRequestMessage message, SentCredential credential);
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

    internal override bool IsConfigured(ApiClientOptions options) => base.IsConfigured(options) || CredentialContext.HasAccessToken(options);

    internal override async ValueTask AddAsync(CredentialContext context, SentCredentials sent, CancellationToken cancellationToken)
    {
        var token = context.Options.Credentials.Get(Name) switch
        {
            Func<CancellationToken, ValueTask<string?>> provider => await provider(cancellationToken).ConfigureAwait(false),
            string value => value,
            null => await context.AccessTokenAsync(cancellationToken).ConfigureAwait(false),
            _ => null,
        };
        sent.Add(this, token);
    }

    internal override void Apply(HttpRequestMessage message, SentCredential credential) =>
        message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", credential.Value);
}

/// <summary>HTTP <c>basic</c>: a user name and password in <c>Authorization</c>.</summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class BasicScheme(string name) : SecurityScheme(name)
{
    /// <inheritdoc/>
    public override string Describe() => "HTTP basic";

    internal override ValueTask AddAsync(CredentialContext context, SentCredentials sent, CancellationToken cancellationToken)
    {
        if (context.Options.Credentials.Get(Name) is BasicCredentials basic)
        {
            var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(basic.UserName + ":" + basic.Password));
            sent.Add(this, encoded, state: null, encoded, basic.Password);
        }

        return default;
    }

    internal override void Apply(HttpRequestMessage message, SentCredential credential) =>
        message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", credential.Value);
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

    /// <summary>Declares the scheme from the spec's words.</summary>
    /// <param name="name">The scheme's name in the spec.</param>
    /// <param name="location">Where the key goes: the scheme's <c>in</c> (header, query or cookie).</param>
    /// <param name="parameterName">The header, query parameter or cookie that carries it.</param>
    public ApiKeyScheme(string name, string location, string parameterName)
        : this(name, ParseLocation(location), parameterName)
    {
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

    internal override ValueTask AddAsync(CredentialContext context, SentCredentials sent, CancellationToken cancellationToken)
    {
        if (context.Options.Credentials.Get(Name) is string value)
        {
            // Sent escaped in a query or a cookie: a server that echoes either echoes it so.
            sent.Add(this, value, state: null, Location == ApiKeyLocation.Header ? [] : [Uri.EscapeDataString(value)]);
        }

        return default;
    }

    internal override void Apply(HttpRequestMessage message, SentCredential credential)
    {
        switch (Location)
        {
            case ApiKeyLocation.Header:
                message.Headers.TryAddWithoutValidation(ParameterName, credential.Value);
                break;
            case ApiKeyLocation.Query:
                var uri = message.RequestUri!.AbsoluteUri;
                message.RequestUri = new Uri(uri + (message.RequestUri.Query.Length > 0 ? "&" : "?") + Uri.EscapeDataString(ParameterName) + "=" + Uri.EscapeDataString(credential.Value));
                break;
            default:
                CredentialContext.AddCookie(message, ParameterName + "=" + Uri.EscapeDataString(credential.Value));
                break;
        }
    }

    private static ApiKeyLocation ParseLocation(string location) => location?.ToLowerInvariant() switch
    {
        "header" => ApiKeyLocation.Header,
        "query" => ApiKeyLocation.Query,
        "cookie" => ApiKeyLocation.Cookie,
        _ => throw new ArgumentException($"An API key goes in a header, the query or a cookie, not '{location}'.", nameof(location)),
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
