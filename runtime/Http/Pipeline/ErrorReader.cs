using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Specgen.Runtime.Infrastructure;

/// <summary>Reads a failed response into an <see cref="ApiError"/>, and its body into the spec's type for the status.</summary>
internal sealed class ErrorReader(ApiClientOptions options, IReadOnlyList<string> specRequestIdHeaders)
{
    /// <summary>The error a response is: status, request, body and the headers that say more.</summary>
    public ApiError Read(ApiRequest request, HttpResponseMessage response, int status, string? body)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        long? Number(string name) =>
            long.TryParse(Header(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

        return new ApiError(status, request.Method, request.Path, body)
        {
            RequestId = options.RequestIdHeaders.Concat(specRequestIdHeaders).Select(Header).FirstOrDefault(v => v is not null),
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
    public static object? TypedBody(ApiRequest request, ApiError error)
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
            var wait = date - options.TimeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
