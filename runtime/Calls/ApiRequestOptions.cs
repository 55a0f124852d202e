namespace Specgen.Runtime;

/// <summary>
/// Settings for one call, passed as any generated method's <c>requestOptions</c>: headers to add, a
/// timeout and a retry policy that replaces the client's for this call.
/// </summary>
public sealed class ApiRequestOptions
{
    /// <summary>
    /// Request headers to send as well; one the operation sets itself is replaced by the value here. A
    /// header of the body (<c>Content-Type</c>, <c>Content-Language</c>, …) goes on the body, so
    /// <c>Content-Type</c> sends a body in another media type the spec offers (<c>image/jpeg</c> where
    /// the method sends <c>image/png</c>); a call without a body sends none of them.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long the whole call may take, retries and their waits included, until the response's headers
    /// (or, for a body read whole, the body) have arrived. When it passes, the call throws a
    /// <see cref="TaskCanceledException"/> whose inner exception is a <see cref="TimeoutException"/>, as
    /// HttpClient does. Null: no limit beyond the HttpClient's own.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The retry policy for this call instead of <see cref="ApiClientOptions.Retry"/>; <see cref="RetryOptions.None"/> turns retries off.</summary>
    public RetryOptions? Retry { get; set; }

    /// <summary>For a paged method's next page: the address a <c>Link</c> header gave, sent to instead of the operation's path.</summary>
    internal Uri? PageAddress { get; init; }
}
