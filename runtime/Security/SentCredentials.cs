using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace Specgen.Runtime.Infrastructure;

/// <summary>What a scheme needs to choose its credential: the options, the HttpClient (a token request), the server.</summary>
internal sealed class CredentialContext(HttpClient http, ApiClientOptions options, Uri baseAddress)
{
    public HttpClient Http { get; } = http;

    public ApiClientOptions Options { get; } = options;

    /// <summary>What a scheme keeps between the calls of one client (a digest challenge, say), by scheme.</summary>
    public ConcurrentDictionary<SecurityScheme, object> State { get; } = new();

    /// <summary>Whether the options have a bearer token (or a way to get one), which bearer-like schemes fall back to.</summary>
    public static bool HasAccessToken(ApiClientOptions options) =>
        options.AccessTokenProvider is not null || !string.IsNullOrEmpty(options.AccessToken);

    public async ValueTask<string?> AccessTokenAsync(CancellationToken cancellationToken) =>
        Options.AccessTokenProvider is { } provider ? await provider(cancellationToken).ConfigureAwait(false) : Options.AccessToken;

    /// <summary>An absolute http(s) address as it is, anything else relative to the server.</summary>
    public Uri Resolve(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var absolute) && absolute.Scheme is "https" or "http" ? absolute : Combine(baseAddress, address);

    /// <summary>Refuses to send credentials in clear text to a host other than this machine, unless the options allow it.</summary>
    public void EnsureSecure(Uri target, IEnumerable<string> schemes)
    {
        if (target.Scheme == Uri.UriSchemeHttp && !target.IsLoopback && !Options.AllowCredentialsOverHttp)
        {
            throw new InvalidOperationException(
                $"The credentials for {string.Join(", ", schemes.Distinct().Select(s => "'" + s + "'"))} would go in clear text to {target.Host} over http://. Use https://, or set ApiClientOptions.AllowCredentialsOverHttp.");
        }
    }

    /// <summary>Adds a cookie to the request's <c>Cookie</c> header (one header, pairs joined by <c>; </c>).</summary>
    public static void AddCookie(HttpRequestMessage message, string pair)
    {
        var existing = message.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : null;
        message.Headers.Remove("Cookie");
        message.Headers.TryAddWithoutValidation("Cookie", existing is null ? pair : existing + "; " + pair);
    }

    public static Uri Combine(Uri baseAddress, string relative)
    {
        var root = baseAddress.AbsoluteUri;
        return new Uri(root.TrimEnd('/') + (relative.StartsWith('/') ? relative : "/" + relative));
    }
}

/// <summary>One credential an attempt sends: its scheme, the value, and what the scheme keeps with it.</summary>
internal sealed record SentCredential(SecurityScheme Scheme, string Value, object? State);

/// <summary>What an attempt sends to authenticate, every secret in it (to mask in what the call reports), and who wants to see a refusal.</summary>
internal sealed class SentCredentials
{
    private List<Func<HttpResponseHeaders, bool>>? _onRefused;

    public List<SentCredential> Sent { get; } = [];

    public List<string> Secrets { get; } = [];

    /// <summary>Adds a credential; its value and <paramref name="secrets"/> are masked wherever the call is reported.</summary>
    public void Add(SecurityScheme scheme, string? value, object? state = null, params string[] secrets)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        Sent.Add(new SentCredential(scheme, value, state));
        Secrets.Add(value);
        Secrets.AddRange(secrets.Where(s => s.Length > 0));
    }

    /// <summary>Asks to see the server's refusal (a 401): the handler returns whether the call should be sent again.</summary>
    public void OnRefused(Func<HttpResponseHeaders, bool> handler) => (_onRefused ??= []).Add(handler);

    /// <summary>Shows a 401 to the schemes that asked; true when one of them can answer it on another attempt.</summary>
    public bool Refused(HttpResponseHeaders headers)
    {
        var again = false;
        foreach (var handler in _onRefused ?? [])
        {
            again |= handler(headers);
        }

        return again;
    }
}
