namespace Specgen.Runtime.Infrastructure;

/// <summary>The timeout policy: a call's own <see cref="ApiRequestOptions.Timeout"/> covers every attempt and wait.</summary>
internal static class TimeoutPolicy
{
    /// <summary>
    /// Runs <paramref name="next"/> within the call's timeout, if it has one: <paramref name="next"/> gets the token
    /// the attempts run on and the caller's own, which a streamed body reads on after the call returns.
    /// </summary>
    public static async Task<ApiResponse<T>> WithinAsync<T>(ApiRequest request, TimeProvider clock, CancellationToken cancellationToken, Func<CancellationToken, CancellationToken, Task<ApiResponse<T>>> next)
    {
        if (request.Options?.Timeout is not { } timeout)
        {
            return await next(cancellationToken, cancellationToken).ConfigureAwait(false);
        }

        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await next(linked.Token, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TaskCanceledException($"{request.Method} {request.Path} did not complete within its timeout of {timeout}.", new TimeoutException(e.Message, e));
        }
    }
}
