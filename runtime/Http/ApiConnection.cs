using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// Sends a generated client's requests through the runtime's policies (<c>Http/Pipeline</c>), each a file:
/// telemetry around the call, then validation and default parameters, the call's timeout, and per attempt
/// the credentials its schemes add, the message, the redirects the client follows itself; a response is read,
/// a refusal a scheme can answer answered, and an error retried as the retry policy says or thrown as an
/// <see cref="ApiException"/>.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiConnection
{
    private readonly HttpClient _http;
    private readonly ApiClientOptions _options;
    private readonly Uri _baseAddress;

    private readonly CredentialContext _credentials;
    private readonly CredentialPolicy _credentialPolicy;
    private readonly ErrorReader _errors;

    private static readonly Lazy<HttpClient> s_shared = new(CreateShared);

    /// <summary>
    /// The HttpClient a generated client sends with when it is given none: one for the process, its connections
    /// pooled and renewed every two minutes (so DNS changes are seen), and following no redirect itself, so the
    /// client's own rule applies: credentials go to the configured origin only.
    /// </summary>
    public static HttpClient Shared => s_shared.Value;

    private static HttpClient CreateShared()
    {
        HttpMessageHandler handler = OperatingSystem.IsBrowser()
            ? new HttpClientHandler { AllowAutoRedirect = false }
            : new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                AutomaticDecompression = System.Net.DecompressionMethods.All,
            };
        return new HttpClient(handler, disposeHandler: false);
    }

    /// <summary>Creates the connection.</summary>
    /// <param name="httpClient">Sends the requests.</param>
    /// <param name="options">The caller's settings.</param>
    /// <param name="defaultBaseAddress">The server the spec names.</param>
    /// <param name="requestIdHeaders">Response headers the spec says carry the request id, tried after the options' own.</param>
    public ApiConnection(HttpClient httpClient, ApiClientOptions options, string defaultBaseAddress, IReadOnlyList<string>? requestIdHeaders = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _options = options;
        _baseAddress = options.BaseAddress ?? httpClient.BaseAddress ?? (Uri.TryCreate(defaultBaseAddress, UriKind.Absolute, out var uri)
            ? uri
            : throw new ArgumentException("The spec names no server: set ApiClientOptions.BaseAddress.", nameof(options)));
        _credentials = new CredentialContext(httpClient, options, _baseAddress);
        _credentialPolicy = new CredentialPolicy(_credentials);
        _errors = new ErrorReader(options, requestIdHeaders ?? []);
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

    private static readonly ResponseBody<bool> NoBody = ResponseBody.Whole(static _ => true);

    private static async Task<ApiResponse> Ignore(Task<ApiResponse<bool>> response) => await response.ConfigureAwait(false);

    /// <summary>
    /// Where each call is observable: an activity per call named for the operation (its operationId), with
    /// the method, the path template (never the path or query, which may hold a key), the server, the
    /// status and the number of attempts. Listen with OpenTelemetry's <c>AddSource("Specgen.Runtime")</c>.
    /// </summary>
    public static readonly System.Diagnostics.ActivitySource ActivitySource = TelemetryPolicy.Source;

    /// <summary>The call: observed, checked, with the request's defaults, within its timeout.</summary>
    private Task<ApiResponse<T>> SendCoreAsync<T>(ApiRequest request, ResponseBody<T> body, CancellationToken cancellationToken) =>
        TelemetryPolicy.ObserveAsync(request, _baseAddress, () =>
        {
            if (_options.ValidateRequests && request.Validated is { } validatable)
            {
                RequestValidator.ThrowIfInvalid(validatable);
            }

            request.ApplyDefaults(_options.DefaultParameters);
            return TimeoutPolicy.WithinAsync(request, _options.TimeProvider, cancellationToken, (attempts, stream) => AttemptsAsync(request, body, attempts, stream));
        });

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
            TelemetryPolicy.CountAttempt(attempt);
            // A next page's link to another origin gets no credentials, as a redirect there would not.
            var credentials = RequestMessages.LeavesOrigin(request, _baseAddress)
                ? new SentCredentials()
                : await _credentialPolicy.ChooseAsync(request, cancellationToken).ConfigureAwait(false);
            var response = await RedirectPolicy.SendAsync(
                _http, request, credentials, (sent, redirect) => RequestMessages.Create(request, sent, redirect, _baseAddress, _credentials), cancellationToken).ConfigureAwait(false);
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
                    var invalid = _errors.Read(request, response, status, Encoding.UTF8.GetString(content)).Redact(credentials.Secrets);
                    throw new ApiException(invalid, $"{request.Method} {request.Path} returned {status}, but the body is not valid JSON for {typeof(T).Name}: {e.Message}", e);
                }
            }

            var error = _errors.Read(request, response, status, Encoding.UTF8.GetString(content)).Redact(credentials.Secrets);
            error = error with { Body = ErrorReader.TypedBody(request, error) };

            // A refusal a scheme can answer (a client-credentials token revoked or expired early, a digest
            // challenge) is answered once, and the call sent again.
            if (status == 401 && !renewed && request.CanResend && credentials.Refused(response.Headers))
            {
                renewed = true;
                attempt--;
                continue;
            }

            var delay = attempt < retry.MaxRetries ? RetryPolicy.Delay(request, retry, error, attempt) : null;
            if (delay is not { } wait || waited + wait > retry.MaxTotalDelay)
            {
                throw ApiException.FromResponse(error.WithBodyError());
            }

            waited += wait;
            await Task.Delay(wait, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
