namespace Specgen.Runtime;

/// <summary>
/// Settings for a generated client: where to send, how to authenticate, retry and validate. A spec with
/// API keys or basic auth has its own options class derived from this one, with a typed property per scheme.
/// </summary>
public class ApiClientOptions
{
    /// <summary>
    /// A static bearer token, for every bearer scheme (HTTP bearer, OAuth 2, OpenID Connect) without a token
    /// of its own in <see cref="Credentials"/>; for a spec that declares no security, sent on every request.
    /// Ignored when <see cref="AccessTokenProvider"/> is set.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>Called before every request for the bearer token, so a refreshed token is used.</summary>
    public Func<CancellationToken, ValueTask<string?>>? AccessTokenProvider { get; set; }

    /// <summary>Credentials by the spec's scheme name: API keys, user names and passwords, tokens per scheme.</summary>
    public ApiCredentials Credentials { get; } = new();

    /// <summary>
    /// Whether credentials may go over plain <c>http://</c> to a host other than loopback. Off by default: such
    /// a call throws before anything is sent, since anyone on the way could read them.
    /// </summary>
    public bool AllowCredentialsOverHttp { get; set; }

    /// <summary>The server to call. Defaults to the HttpClient's base address, then to the spec's server.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Settings for reading and writing bodies: the encoder, indentation, maximum depth, comments and
    /// trailing commas. The client copies them into its generated JSON context, which always supplies
    /// the types' wire mapping (naming policies and converters set here do not change it). Null uses
    /// System.Text.Json's defaults.
    /// </summary>
    public System.Text.Json.JsonSerializerOptions? JsonOptions { get; set; }

    /// <summary>
    /// Whether a response that lacks a member the spec marks required, or has null where the spec allows
    /// none, fails the call (an <see cref="ApiException"/>). Off by default: such a response is read, and
    /// only touching that member throws <see cref="MemberUnavailableException"/>, because servers drift
    /// from their specs and one field a caller may never read should not fail the whole call.
    /// </summary>
    public bool StrictResponses { get; set; }

    /// <summary>
    /// The serializer options a generated client builds its JSON context with: a copy of
    /// <see cref="JsonOptions"/>, made strict when <see cref="StrictResponses"/> is set; null when the
    /// defaults serve. Public for generated code.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public System.Text.Json.JsonSerializerOptions? ContextOptions()
    {
        if (JsonOptions is null && !StrictResponses)
        {
            return null;
        }

        var options = JsonOptions is { } given ? new System.Text.Json.JsonSerializerOptions(given) : new System.Text.Json.JsonSerializerOptions();
        return StrictResponses ? JsonRead.Strict(options) : options;
    }

    /// <summary>
    /// Values for optional query and header parameters, by their name in the spec, sent by every call of an
    /// operation that declares a parameter of that name and is not given one: set a parameter the spec's
    /// operations share (Vercel's <c>teamId</c>) once here; a value the call passes wins.
    /// </summary>
    public IDictionary<string, string> DefaultParameters { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>When to retry; <see cref="RetryOptions.None"/> turns retries off.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Whether a request body is checked against the spec's constraints (required members, lengths,
    /// patterns, ranges, closed enums) before it is sent. On by default; a violation throws
    /// <see cref="RequestValidationException"/> and nothing goes on the wire.
    /// </summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>
    /// Response headers that carry the server's request id, first match wins; after them, those the spec
    /// names (<c>x-specgen-request-id-headers</c>; Vercel's <c>x-vercel-id</c>).
    /// </summary>
    public IList<string> RequestIdHeaders { get; } = new List<string> { "x-request-id", "request-id" };

    /// <summary>The clock retries wait on; replace it in tests to retry without waiting.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}

/// <summary>
/// Retries: a 429 is retried after its <c>Retry-After</c>; a 502/503/504 is retried with jittered
/// exponential backoff, on idempotent methods only (never a POST). Both stop at <see cref="MaxRetries"/>
/// or when waiting would exceed <see cref="MaxTotalDelay"/>.
/// </summary>
public sealed record RetryOptions
{
    /// <summary>No retries at all.</summary>
    public static RetryOptions None { get; } = new() { MaxRetries = 0 };

    /// <summary>How many times one call may be retried.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The most one call may spend waiting between attempts, in total.</summary>
    public TimeSpan MaxTotalDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The first backoff for a 502/503/504; it doubles per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The wait for a 429 that carries no <c>Retry-After</c>.</summary>
    public TimeSpan DefaultRetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether a 429 is retried.</summary>
    public bool OnRateLimit { get; init; } = true;

    /// <summary>Whether a 502/503/504 is retried (idempotent methods only).</summary>
    public bool OnServerError { get; init; } = true;
}
