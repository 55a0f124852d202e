using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// Sends a generated client's requests: resolves the base address, checks the body, adds the bearer
/// token, retries what may be retried, and turns error statuses and unreadable bodies into
/// <see cref="ApiException"/>.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiConnection
{
    private readonly HttpClient _http;
    private readonly ApiClientOptions _options;
    private readonly Uri _baseAddress;

    private readonly IReadOnlyList<string> _specRequestIdHeaders;
    private readonly CredentialContext _credentials;

    /// <summary>Creates the connection.</summary>
    /// <param name="httpClient">Sends the requests.</param>
    /// <param name="options">The caller's settings.</param>
    /// <param name="defaultBaseAddress">The server the spec names.</param>
    /// <param name="requestIdHeaders">Response headers the spec says carry the request id, tried after the options' own.</param>
    public ApiConnection(HttpClient httpClient, ApiClientOptions options, string defaultBaseAddress, IReadOnlyList<string>? requestIdHeaders = null)
    {
        _specRequestIdHeaders = requestIdHeaders ?? [];
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _options = options;
        _baseAddress = options.BaseAddress ?? httpClient.BaseAddress ?? (Uri.TryCreate(defaultBaseAddress, UriKind.Absolute, out var uri)
            ? uri
            : throw new ArgumentException("The spec names no server: set ApiClientOptions.BaseAddress.", nameof(options)));
        _credentials = new CredentialContext(httpClient, options, _baseAddress);
    }

    /// <summary>The address requests go to.</summary>
    public Uri BaseAddress => _baseAddress;

    /// <summary>Sends the request and reads the JSON response with <paramref name="responseType"/> (no reflection).</summary>
    public ApiCall<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken = default) =>
        SendAsync(request, ResponseBody.Json(responseType), cancellationToken);

    /// <summary>Sends the request and reads a success response's body as <paramref name="body"/> says.</summary>
    public ApiCall<T> SendAsync<T>(ApiRequest request, ResponseBody<T> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new ApiCall<T>(SendCoreAsync(request, body, cancellationToken));
    }

    /// <summary>Sends the request and ignores a success response's body.</summary>
    public ApiCall SendAsync(ApiRequest request, CancellationToken cancellationToken = default) =>
        new(Ignore(SendCoreAsync(request, NoBody, cancellationToken)));

    private static readonly Dictionary<string, string> EmptyHeaders = [];

    private static readonly ResponseBody<bool> NoBody = ResponseBody.Whole(static _ => true);

    private static async Task<ApiResponse> Ignore(Task<ApiResponse<bool>> response) => await response.ConfigureAwait(false);

    /// <summary>
    /// Where each call is observable: an activity per call named for the operation (its operationId), with
    /// the method, the path template (never the path or query, which may hold a key), the server, the
    /// status and the number of attempts. Listen with OpenTelemetry's <c>AddSource("Specgen.Runtime")</c>.
    /// </summary>
    public static readonly System.Diagnostics.ActivitySource ActivitySource = new("Specgen.Runtime", typeof(ApiConnection).Assembly.GetName().Version?.ToString());

    /// <summary>Sends the request as one observed call (<see cref="ActivitySource"/>).</summary>
    private async Task<ApiResponse<T>> SendCoreAsync<T>(ApiRequest request, ResponseBody<T> body, CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity(request.OperationId ?? request.Method + " " + request.PathTemplate, System.Diagnostics.ActivityKind.Client);
        if (activity is null)
        {
            return await SendWithinTimeoutAsync(request, body, cancellationToken).ConfigureAwait(false);
        }

        activity.SetTag("http.request.method", request.Method);
        activity.SetTag("url.template", request.PathTemplate);
        activity.SetTag("server.address", _baseAddress.Host);
        activity.SetTag("server.port", _baseAddress.Port);
        if (request.OperationId is { } operation)
        {
            activity.SetTag("specgen.operation", operation);
        }

        try
        {
            var response = await SendWithinTimeoutAsync(request, body, cancellationToken).ConfigureAwait(false);
            activity.SetTag("http.response.status_code", response.StatusCode);
            return response;
        }
        catch (Exception e)
        {
            // The exception's type only: its message may quote a server's body.
            if (e is ApiException api)
            {
                activity.SetTag("http.response.status_code", api.StatusCode);
            }

            activity.SetTag("error.type", e.GetType().FullName);
            activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
            throw;
        }
    }

    /// <summary>Sends the request within the call's timeout, if it has one.</summary>
    private async Task<ApiResponse<T>> SendWithinTimeoutAsync<T>(ApiRequest request, ResponseBody<T> body, CancellationToken cancellationToken)
    {
        if (_options.ValidateRequests && request.Validated is { } validatable)
        {
            RequestValidator.ThrowIfInvalid(validatable);
        }

        request.ApplyDefaults(_options.DefaultParameters);
        if (request.Options?.Timeout is not { } timeout)
        {
            return await AttemptsAsync(request, body, cancellationToken, cancellationToken).ConfigureAwait(false);
        }

        using var timer = new CancellationTokenSource(timeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await AttemptsAsync(request, body, linked.Token, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TaskCanceledException($"{request.Method} {request.Path} did not complete within its timeout of {timeout}.", new TimeoutException(e.Message, e));
        }
    }

    /// <summary>
    /// Sends the request, retrying as the options say, and reads a success response's body as <paramref name="body"/>
    /// says. A streamed body reads on <paramref name="streamToken"/>, the caller's: the call's timeout ends when it is returned.
    /// </summary>
    private async Task<ApiResponse<T>> AttemptsAsync<T>(ApiRequest request, ResponseBody<T> body, CancellationToken cancellationToken, CancellationToken streamToken)
    {
        var retry = request.Options?.Retry ?? _options.Retry ?? RetryOptions.None;
        var waited = TimeSpan.Zero;
        var renewed = false;
        for (var attempt = 0; ; attempt++)
        {
            if (System.Diagnostics.Activity.Current is { } call && call.Source == ActivitySource)
            {
                call.SetTag("specgen.attempts", attempt + 1);
            }

            var credentials = await CredentialsAsync(request, cancellationToken).ConfigureAwait(false);
            var response = await SendFollowingRedirectsAsync(request, credentials, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode && body.Streams)
            {
                // The value takes the response and reads it as it arrives; it disposes the response.
                try
                {
                    return new ApiResponse<T>(status, new ApiHeaders(response), await body.TakeAsync(response, streamToken).ConfigureAwait(false));
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            }

            using var disposeResponse = response;
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    var value = body.Read(new ResponseContent(status, response.Content.Headers, content));
                    return new ApiResponse<T>(status, new ApiHeaders(response), value);
                }
                catch (JsonException e)
                {
                    var invalid = ReadError(request, response, status, Encoding.UTF8.GetString(content)).Redact(credentials.Secrets);
                    throw new ApiException(invalid, $"{request.Method} {request.Path} returned {status}, but the body is not valid JSON for {typeof(T).Name}: {e.Message}", e);
                }
            }

            var error = ReadError(request, response, status, Encoding.UTF8.GetString(content)).Redact(credentials.Secrets);
            error = error with { Body = TypedBody(request, error) };

            // A refusal a scheme can answer (a client-credentials token revoked or expired early, a digest
            // challenge) is answered once, and the call sent again.
            if (status == 401 && !renewed && request.CanResend && credentials.Refused(response.Headers))
            {
                renewed = true;
                attempt--;
                continue;
            }

            var delay = attempt < retry.MaxRetries ? RetryDelay(request, retry, error, attempt) : null;
            if (delay is not { } wait || waited + wait > retry.MaxTotalDelay)
            {
                throw ApiException.FromResponse(error.WithBodyError());
            }

            waited += wait;
            await Task.Delay(wait, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The credentials this attempt sends: for an operation the spec secures, those of the first of its
    /// accepted requirements the options have every credential for; nothing for <c>security: []</c>, or
    /// for an optional one (<c>{}</c>) the options have no credentials for; for a spec that declares no
    /// security, the bearer token when one is set.
    /// </summary>
    /// <exception cref="MissingCredentialsException">The options have none of the accepted requirements.</exception>
    private async ValueTask<SentCredentials> CredentialsAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var sent = new SentCredentials();
        if (request.Security is not { } accepted)
        {
            if (await _credentials.AccessTokenAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } token)
            {
                sent.Add(Unnamed, token);
            }

            return sent;
        }

        // An optional operation ({}) still gets credentials the options have for it.
        foreach (var requirement in accepted)
        {
            if (requirement.Schemes.Count == 0 || !requirement.Schemes.All(s => s.IsConfigured(_options)))
            {
                continue;
            }

            foreach (var scheme in requirement.Schemes)
            {
                await scheme.AddAsync(_credentials, sent, cancellationToken).ConfigureAwait(false);
            }

            return sent;
        }

        return accepted.Count == 0 || accepted.Any(r => r.Schemes.Count == 0)
            ? sent
            : throw new MissingCredentialsException(request.Method, request.PathTemplate, accepted);
    }

    private static readonly BearerScheme Unnamed = new("bearer");

    /// <summary>
    /// Sends the request, and follows the redirects an HttpClient that does not follow them itself returns
    /// (its handler has <c>AllowAutoRedirect = false</c>): to the same origin with the
    /// credentials, to another without any, never from https to http; 303 (and 301/302 after a POST) as a
    /// GET without the body; 307/308 with the method and body, when the body can be sent again.
    /// </summary>
    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(ApiRequest request, SentCredentials credentials, CancellationToken cancellationToken)
    {
        var redirect = (Redirect?)null;
        for (var hops = 0; ; hops++)
        {
            using var message = CreateMessage(request, credentials, redirect);
            var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location || hops == MaxRedirects)
            {
                return response;
            }

            var from = message.RequestUri!;
            var to = location.IsAbsoluteUri ? location : new Uri(from, location);
            var keepsMethod = status is 307 or 308 || (status is 301 or 302 && message.Method != HttpMethod.Post);
            if ((from.Scheme == Uri.UriSchemeHttps && to.Scheme != Uri.UriSchemeHttps) || (keepsMethod && request.Body is not null && !request.CanResend))
            {
                return response;
            }

            response.Dispose();
            var sameOrigin = Uri.Compare(from, to, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
            credentials = sameOrigin ? credentials : new SentCredentials();
            redirect = new Redirect(to, keepsMethod ? request.Method : "GET", keepsMethod);
        }
    }

    private const int MaxRedirects = 10;

    /// <summary>Where a redirect sends the request, with which method, and whether the body goes too.</summary>
    private sealed record Redirect(Uri Target, string Method, bool WithBody);

    private HttpRequestMessage CreateMessage(ApiRequest request, SentCredentials credentials, Redirect? redirect)
    {
        var target = redirect?.Target ?? CredentialContext.Combine(_baseAddress, request.RelativeUri());
        var message = new HttpRequestMessage(new HttpMethod(redirect?.Method ?? request.Method), target);
        if (request.CookieHeader() is { } cookies)
        {
            message.Headers.TryAddWithoutValidation("Cookie", cookies);
        }

        // Credentials go to the configured server only: a redirect elsewhere gets none (above), and
        // HttpClient drops Authorization when it follows one itself. Each scheme puts its own on.
        foreach (var credential in credentials.Sent)
        {
            credential.Scheme.Apply(message, credential);
        }

        if (credentials.Sent.Count > 0)
        {
            _credentials.EnsureSecure(message.RequestUri!, credentials.Sent.Select(s => s.Scheme.Name));
        }

        switch (redirect is { WithBody: false } ? null : request.Body)
        {
            case null:
                break;
            case Stream stream:
                message.Content = new StreamBodyContent(stream, request.BodyStart) { Headers = { ContentType = MediaTypeHeaderValue.Parse(request.ContentType!) } };
                break;
            case FormBody form:
                message.Content = form.ToContent(request.ContentType!);
                break;
            case string text when request.BodyType is null:
                var textType = MediaTypeHeaderValue.Parse(request.ContentType!);
                textType.CharSet = "utf-8";
                message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(text)) { Headers = { ContentType = textType } };
                break;
            default:
                var json = JsonWrite.RequestBody(request.Body, request.BodyType!);
                var contentType = MediaTypeHeaderValue.Parse(request.ContentType ?? "application/json");
                contentType.CharSet = "utf-8";
                message.Content = new ByteArrayContent(json) { Headers = { ContentType = contentType } };
                break;
        }

        if (request.Accept is { } accept)
        {
            message.Headers.TryAddWithoutValidation("Accept", accept);
        }

        // A header parameter the caller gives replaces a credential of the same name (an Authorization
        // parameter of a spec that declares no security, beside the options' token); the body's media
        // type stays the spec's.
        foreach (var header in request.Headers)
        {
            AddHeader(message, header.Key, header.Value, replace: !IsBodyHeader(header.Key));
        }

        foreach (var header in request.Options?.Headers ?? EmptyHeaders)
        {
            AddHeader(message, header.Key, header.Value, replace: true);
        }

        return message;
    }

    /// <summary>
    /// Adds a header to the request, or, for a header of the body (<c>Content-Length</c>,
    /// <c>Content-Language</c>, …), to its content: a spec's <c>Content-Length</c> parameter gives a stream
    /// that cannot seek its length, so it is sent with it rather than chunked. A body header without a body
    /// is not sent; the body's media type is the spec's, and only the call's own headers replace it.
    /// </summary>
    private static void AddHeader(HttpRequestMessage message, string name, string value, bool replace)
    {
        if (!IsBodyHeader(name))
        {
            if (replace)
            {
                message.Headers.Remove(name);
            }

            message.Headers.TryAddWithoutValidation(name, value);
            return;
        }

        if (message.Content is not { } content || (!replace && string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        content.Headers.Remove(name);
        if (string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
        {
            content.Headers.ContentLength = long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length) ? length : null;
            return;
        }

        content.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>The headers HttpClient keeps on a request's content, not on the request.</summary>
    private static bool IsBodyHeader(string name) =>
        name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Allow", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Expires", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Last-Modified", StringComparison.OrdinalIgnoreCase);

    /// <summary>How long to wait before retrying, or null when this response is not retried.</summary>
    private TimeSpan? RetryDelay(ApiRequest request, RetryOptions retry, ApiError error, int attempt)
    {
        if (!request.CanResend)
        {
            return null;
        }

        if (error.StatusCode == 429)
        {
            return retry.OnRateLimit ? error.RetryAfter ?? retry.DefaultRetryAfter : null;
        }

        if (error.StatusCode is 502 or 503 or 504 && retry.OnServerError && IsIdempotent(request.Method))
        {
            var backoff = retry.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
            var jittered = backoff * (0.5 + (Random.Shared.NextDouble() / 2));
            return error.RetryAfter ?? TimeSpan.FromMilliseconds(jittered);
        }

        return null;
    }

    private static bool IsIdempotent(string method) =>
        method.ToUpperInvariant() is "GET" or "HEAD" or "OPTIONS" or "PUT" or "DELETE" or "TRACE";

    private ApiError ReadError(ApiRequest request, HttpResponseMessage response, int status, string? body)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        long? Number(string name) =>
            long.TryParse(Header(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

        return new ApiError(status, request.Method, request.Path, body)
        {
            RequestId = _options.RequestIdHeaders.Concat(_specRequestIdHeaders).Select(Header).FirstOrDefault(v => v is not null),
            RetryAfter = RetryAfterOf(response.Headers.RetryAfter),
            RateLimitLimit = Number("X-RateLimit-Limit"),
            RateLimitRemaining = Number("X-RateLimit-Remaining"),
            RateLimitReset = Number("X-RateLimit-Reset") is { } reset ? DateTimeOffset.FromUnixTimeSeconds(reset) : null,
        };
    }

    /// <summary>
    /// The error body as the spec's type for its status, read from the redacted text (so a token the
    /// server echoes is masked there too); null when there is none or it does not read.
    /// </summary>
    private static object? TypedBody(ApiRequest request, ApiError error)
    {
        if (request.ErrorBodyType(error.StatusCode) is not { } type || string.IsNullOrWhiteSpace(error.ResponseBody))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(error.ResponseBody, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>Retry-After</c> as seconds or as an HTTP date (measured on the options' clock).</summary>
    private TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _options.TimeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
