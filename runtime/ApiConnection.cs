using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Specgen.Runtime;

/// <summary>
/// Sends a generated client's requests: resolves the base address, adds the bearer token, writes
/// the JSON body, and turns error statuses and unreadable bodies into <see cref="ApiException"/>.
/// </summary>
public sealed class ApiConnection
{
    private readonly HttpClient _http;
    private readonly ApiClientOptions _options;
    private readonly Uri _baseAddress;

    /// <summary>Creates the connection.</summary>
    public ApiConnection(HttpClient httpClient, ApiClientOptions options, string defaultBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _options = options;
        _baseAddress = options.BaseAddress ?? httpClient.BaseAddress ?? (Uri.TryCreate(defaultBaseAddress, UriKind.Absolute, out var uri)
            ? uri
            : throw new ArgumentException("The spec names no server: set ApiClientOptions.BaseAddress.", nameof(options)));
    }

    /// <summary>The address requests go to.</summary>
    public Uri BaseAddress => _baseAddress;

    private JsonSerializerOptions Json => _options.JsonOptions ?? JsonSerializerOptions.Default;

    /// <summary>Sends the request and reads the JSON response as <typeparamref name="T"/>.</summary>
    public async Task<T> SendAsync<T>(ApiRequest request, CancellationToken cancellationToken = default)
    {
        var (status, body) = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json)
                ?? throw new JsonException("The response body is null.");
        }
        catch (JsonException e)
        {
            throw new ApiException(status, request.Method, request.Path, body, null,
                $"The response body is not valid JSON for {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>Sends the request and ignores the response body.</summary>
    public async Task SendAsync(ApiRequest request, CancellationToken cancellationToken = default) =>
        await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);

    private async Task<(int Status, string Body)> SendCoreAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), Combine(_baseAddress, request.RelativeUri()));
        var token = _options.AccessTokenProvider is { } provider
            ? await provider(cancellationToken).ConfigureAwait(false)
            : _options.AccessToken;
        if (!string.IsNullOrEmpty(token))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var header in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Body is not null)
        {
            var json = JsonSerializer.Serialize(request.Body, request.BodyType!, Json);
            message.Content = new StringContent(json, Encoding.UTF8, MediaTypeHeaderValue.Parse(request.ContentType ?? "application/json"));
        }

        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            throw ApiException.FromResponse(status, request.Method, request.Path, body);
        }

        return (status, body);
    }

    private static Uri Combine(Uri baseAddress, string relative)
    {
        var root = baseAddress.AbsoluteUri;
        return new Uri(root.TrimEnd('/') + (relative.StartsWith('/') ? relative : "/" + relative));
    }
}
