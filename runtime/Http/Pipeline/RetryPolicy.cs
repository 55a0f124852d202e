namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// The retry policy: a 429 after its Retry-After, a 502, 503 or 504 of an idempotent method with jittered
/// exponential backoff, never a request whose body cannot be sent again.
/// </summary>
internal static class RetryPolicy
{
    /// <summary>How long to wait before retrying, or null when this response is not retried.</summary>
    public static TimeSpan? Delay(ApiRequest request, RetryOptions retry, ApiError error, int attempt)
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
}
