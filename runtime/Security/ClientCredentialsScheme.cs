using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// An OAuth 2 <c>clientCredentials</c> flow: the client asks the spec's <c>tokenUrl</c> for a token with
/// its id and secret, and sends it as a bearer token.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ClientCredentialsScheme : SecurityScheme
{
    /// <summary>Declares the scheme.</summary>
    /// <param name="name">The scheme's name in the spec.</param>
    /// <param name="tokenUrl">The flow's <c>tokenUrl</c>; a relative one is resolved against the client's base address.</param>
    /// <param name="scopes">The scopes asked for when the credentials name none: those the spec's operations require.</param>
    public ClientCredentialsScheme(string name, string tokenUrl, params string[] scopes)
        : base(name)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenUrl);
        TokenUrl = tokenUrl;
        Scopes = scopes ?? [];
    }

    /// <summary>The flow's <c>tokenUrl</c>.</summary>
    public string TokenUrl { get; }

    /// <summary>The scopes asked for when the credentials name none.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <inheritdoc/>
    public override string Describe() => "OAuth 2 client credentials";

    internal override bool IsConfigured(ApiClientOptions options) => base.IsConfigured(options) || CredentialContext.HasAccessToken(options);

    internal override async ValueTask AddAsync(CredentialContext context, SentCredentials sent, CancellationToken cancellationToken)
    {
        var credential = context.Options.Credentials.Get(Name);
        if (credential is not ClientCredentials client)
        {
            // A token set for the scheme as it is; without any credential of its own, the options' bearer token.
            sent.Add(this, credential is null ? await context.AccessTokenAsync(cancellationToken).ConfigureAwait(false) : credential as string);
            return;
        }

        var tokenUrl = context.Resolve(TokenUrl);
        var scopes = client.Scopes ?? Scopes;
        context.EnsureSecure(tokenUrl, [Name]);
        var token = await ClientCredentialsTokens.GetAsync(context.Http, tokenUrl, client, scopes, context.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
        sent.Add(this, token, state: null, client.ClientSecret);

        // A token the server refuses (revoked, or expired early) is replaced once, and the call sent again.
        sent.OnRefused(_ =>
        {
            ClientCredentialsTokens.Invalidate(tokenUrl, client, scopes, token);
            return true;
        });
    }

    internal override void Apply(HttpRequestMessage message, SentCredential credential) =>
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential.Value);
}

/// <summary>
/// Tokens got by client credentials, shared by every client in the process that has the same token URL,
/// client id, secret and scopes (typed clients from DI are created per use): a token is kept until a
/// minute before it expires, and callers that find it expired wait for one request for a new one.
/// </summary>
internal static class ClientCredentialsTokens
{
    private static readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);

    /// <summary>How long before its expiry a token is no longer used.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);

    public static async ValueTask<string> GetAsync(HttpClient http, Uri tokenUrl, ClientCredentials credentials, IReadOnlyList<string> scopes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var entry = Entries.GetOrAdd(Key(tokenUrl, credentials, scopes), static _ => new Entry());
        if (entry.Valid(clock) is { } token)
        {
            return token;
        }

        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have got one while this one waited.
            if (entry.Valid(clock) is { } fresh)
            {
                return fresh;
            }

            var (value, lifetime) = await RequestAsync(http, tokenUrl, credentials, scopes, cancellationToken).ConfigureAwait(false);
            var expires = lifetime is { } seconds ? clock.GetUtcNow() + seconds - (seconds > Margin + Margin ? Margin : seconds / 2) : DateTimeOffset.MaxValue;
            entry.Current = new Cached(value, expires);
            return value;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> (the server refused it), unless a newer one has replaced it.</summary>
    public static void Invalidate(Uri tokenUrl, ClientCredentials credentials, IReadOnlyList<string> scopes, string token)
    {
        if (Entries.TryGetValue(Key(tokenUrl, credentials, scopes), out var entry))
        {
            Interlocked.CompareExchange(ref entry.Current, null, entry.Current is { } current && current.Token == token ? current : null);
        }
    }

    private static async Task<(string Token, TimeSpan? Lifetime)> RequestAsync(HttpClient http, Uri tokenUrl, ClientCredentials credentials, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (scopes.Count > 0)
        {
            form.Add(new("scope", string.Join(" ", scopes)));
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, tokenUrl);
        string? basic = null;
        if (credentials.InBody)
        {
            form.Add(new("client_id", credentials.ClientId));
            form.Add(new("client_secret", credentials.ClientSecret));
        }
        else
        {
            // RFC 6749 2.3.1: each form-urlencoded, then joined for HTTP basic.
            var pair = Uri.EscapeDataString(credentials.ClientId) + ":" + Uri.EscapeDataString(credentials.ClientSecret);
            basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }

        message.Content = new FormUrlEncodedContent(form);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var error = new ApiError((int)response.StatusCode, "POST", tokenUrl.AbsolutePath, body).WithBodyError()
            .Redact(basic is null ? [credentials.ClientSecret, Uri.EscapeDataString(credentials.ClientSecret)] : [credentials.ClientSecret, Uri.EscapeDataString(credentials.ClientSecret), basic]);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException(error, $"The token endpoint {tokenUrl.AbsolutePath} refused the client credentials with {(int)response.StatusCode}: {error.ErrorCode} {error.ErrorMessage}".TrimEnd());
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var token = root.TryGetProperty("access_token", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (string.IsNullOrEmpty(token))
            {
                throw new ApiException(error, $"The token endpoint {tokenUrl.AbsolutePath} answered without an access_token.");
            }

            TimeSpan? lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetDouble(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : null;
            return (token, lifetime);
        }
        catch (JsonException e)
        {
            throw new ApiException(error, $"The token endpoint {tokenUrl.AbsolutePath} answered with a body that is not JSON: {e.Message}", e);
        }
    }

    /// <summary>The cache key: the secret only as a hash, so the key holds no secret.</summary>
    private static string Key(Uri tokenUrl, ClientCredentials credentials, IReadOnlyList<string> scopes) =>
        string.Join("\n", tokenUrl.AbsoluteUri, credentials.ClientId, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credentials.ClientSecret))), credentials.InBody ? "post" : "basic", string.Join(" ", scopes));

    private sealed record Cached(string Token, DateTimeOffset Expires);

    private sealed class Entry
    {
        // Replaced whole, so a reader never sees one token with another's expiry.
        public Cached? Current;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public string? Valid(TimeProvider clock) => Volatile.Read(ref Current) is { } cached && clock.GetUtcNow() < cached.Expires ? cached.Token : null;
    }
}
