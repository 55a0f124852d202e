using System.Runtime.CompilerServices;

namespace Specgen.Runtime;

/// <summary>
/// A call a generated client has sent. Await it for the value the spec documents; await
/// <see cref="WithResponseAsync"/> for the status code and headers as well.
/// </summary>
/// <example>
/// <code>
/// Store store = await client.GetStoreAsync(id);
/// ApiResponse&lt;Store&gt; response = await client.GetStoreAsync(id).WithResponseAsync();
/// Console.WriteLine($"{response.StatusCode} {response.Headers["x-request-id"]} {response.Value.Name}");
/// </code>
/// </example>
/// <typeparam name="T">The value a success returns.</typeparam>
public readonly struct ApiCall<T>
{
    private readonly Task<ApiResponse<T>>? _response;

    /// <summary>Wraps the task of a call's response.</summary>
    public ApiCall(Task<ApiResponse<T>> response)
    {
        ArgumentNullException.ThrowIfNull(response);
        _response = response;
    }

    private Task<ApiResponse<T>> Response => _response ?? throw new InvalidOperationException("This ApiCall was not made by a client.");

    /// <summary>The response: status code, headers and value.</summary>
    public Task<ApiResponse<T>> WithResponseAsync() => Response;

    /// <summary>The value, as a task (for <c>Task.WhenAll</c> and the like).</summary>
    public Task<T> AsTask() => ValueOf(Response);

    /// <summary>Awaits the value.</summary>
    public Awaiter GetAwaiter() => new(Response.GetAwaiter());

    /// <summary>Awaits the value, continuing on the captured context or not.</summary>
    public ConfiguredAwaitable ConfigureAwait(bool continueOnCapturedContext) => new(Response.ConfigureAwait(continueOnCapturedContext));

    /// <summary>The value, as a task.</summary>
    public static implicit operator Task<T>(ApiCall<T> call) => call.AsTask();

    /// <summary>A call that has already returned <paramref name="value"/>: for fakes of a client's interface in tests.</summary>
    public static ApiCall<T> FromValue(T value, int statusCode = 200) =>
        new(Task.FromResult(new ApiResponse<T>(statusCode, ApiHeaders.Empty, value)));

    private static async Task<T> ValueOf(Task<ApiResponse<T>> response) => (await response.ConfigureAwait(false)).Value;

    /// <summary>Awaits a call's value.</summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public readonly struct Awaiter : ICriticalNotifyCompletion
    {
        private readonly TaskAwaiter<ApiResponse<T>> _awaiter;

        internal Awaiter(TaskAwaiter<ApiResponse<T>> awaiter) => _awaiter = awaiter;

        /// <summary>Whether the call has finished.</summary>
        public bool IsCompleted => _awaiter.IsCompleted;

        /// <summary>The value, or the call's exception.</summary>
        public T GetResult() => _awaiter.GetResult().Value;

        /// <inheritdoc/>
        public void OnCompleted(Action continuation) => _awaiter.OnCompleted(continuation);

        /// <inheritdoc/>
        public void UnsafeOnCompleted(Action continuation) => _awaiter.UnsafeOnCompleted(continuation);
    }

    /// <summary>A call's value with the continuation's context chosen.</summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public readonly struct ConfiguredAwaitable
    {
        private readonly ConfiguredTaskAwaitable<ApiResponse<T>> _awaitable;

        internal ConfiguredAwaitable(ConfiguredTaskAwaitable<ApiResponse<T>> awaitable) => _awaitable = awaitable;

        /// <summary>The awaiter.</summary>
        public ConfiguredAwaiter GetAwaiter() => new(_awaitable.GetAwaiter());
    }

    /// <summary>Awaits a call's value with the continuation's context chosen.</summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public readonly struct ConfiguredAwaiter : ICriticalNotifyCompletion
    {
        private readonly ConfiguredTaskAwaitable<ApiResponse<T>>.ConfiguredTaskAwaiter _awaiter;

        internal ConfiguredAwaiter(ConfiguredTaskAwaitable<ApiResponse<T>>.ConfiguredTaskAwaiter awaiter) => _awaiter = awaiter;

        /// <summary>Whether the call has finished.</summary>
        public bool IsCompleted => _awaiter.IsCompleted;

        /// <summary>The value, or the call's exception.</summary>
        public T GetResult() => _awaiter.GetResult().Value;

        /// <inheritdoc/>
        public void OnCompleted(Action continuation) => _awaiter.OnCompleted(continuation);

        /// <inheritdoc/>
        public void UnsafeOnCompleted(Action continuation) => _awaiter.UnsafeOnCompleted(continuation);
    }
}

/// <summary>
/// A call a generated client has sent whose success has no body. Await it; await
/// <see cref="WithResponseAsync"/> for the status code and headers.
/// </summary>
public readonly struct ApiCall
{
    private readonly Task<ApiResponse>? _response;

    /// <summary>Wraps the task of a call's response.</summary>
    public ApiCall(Task<ApiResponse> response)
    {
        ArgumentNullException.ThrowIfNull(response);
        _response = response;
    }

    private Task<ApiResponse> Response => _response ?? throw new InvalidOperationException("This ApiCall was not made by a client.");

    /// <summary>The response: status code and headers.</summary>
    public Task<ApiResponse> WithResponseAsync() => Response;

    /// <summary>The call, as a task.</summary>
    public Task AsTask() => Response;

    /// <summary>Awaits the call.</summary>
    public TaskAwaiter GetAwaiter() => ((Task)Response).GetAwaiter();

    /// <summary>Awaits the call, continuing on the captured context or not.</summary>
    public ConfiguredTaskAwaitable ConfigureAwait(bool continueOnCapturedContext) => ((Task)Response).ConfigureAwait(continueOnCapturedContext);

    /// <summary>The call, as a task.</summary>
    public static implicit operator Task(ApiCall call) => call.AsTask();

    /// <summary>A call that has already succeeded: for fakes of a client's interface in tests.</summary>
    public static ApiCall Completed(int statusCode = 204) => new(Task.FromResult(new ApiResponse(statusCode, ApiHeaders.Empty)));
}
