namespace Specgen.Runtime;

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

    /// <summary>The credential of type <typeparamref name="T"/> set for <paramref name="scheme"/>, if any.</summary>
    public T? Get<T>(string scheme)
        where T : class => _byScheme.TryGetValue(scheme, out var value) ? value as T : null;

    /// <summary>Sets the credential for <paramref name="scheme"/> (a key, a token, user name and password…); null removes it.</summary>
    public void Set<T>(string scheme, T? credential)
        where T : class => Set(scheme, (object?)credential);

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

/// <summary>
/// A client id and secret for an OAuth 2 <c>clientCredentials</c> flow. Its <see cref="ToString"/> never
/// shows the secret.
/// </summary>
public sealed record ClientCredentials(string ClientId, string ClientSecret)
{
    /// <summary>The scopes to ask for; null for those the spec's operations require.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>
    /// Whether the id and secret go in HTTP basic (<c>client_secret_basic</c>, the default, which RFC 6749
    /// asks servers to support) or in the form body (<c>client_secret_post</c>).
    /// </summary>
    public bool InBody { get; init; }

    /// <summary>The client id; the secret masked.</summary>
    public override string ToString() => $"ClientCredentials {{ ClientId = {ClientId}, ClientSecret = ***, Scopes = {(Scopes is null ? "the spec's" : string.Join(" ", Scopes))} }}";
}
