namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// The telemetry policy: an activity per call named for the operation (its operationId), with the method, the
/// path template (never the path or query, which may hold a key), the server, the status and the number of
/// attempts. Listen with OpenTelemetry's <c>AddSource("Specgen.Runtime")</c>.
/// </summary>
internal static class TelemetryPolicy
{
    /// <summary>Where each call is observable.</summary>
    public static readonly System.Diagnostics.ActivitySource Source = new("Specgen.Runtime", typeof(ApiConnection).Assembly.GetName().Version?.ToString());

    /// <summary>Runs <paramref name="next"/> as one observed call of <paramref name="request"/> to <paramref name="server"/>.</summary>
    public static async Task<ApiResponse<T>> ObserveAsync<T>(ApiRequest request, Uri server, Func<Task<ApiResponse<T>>> next)
    {
        using var activity = Source.StartActivity(request.OperationId ?? request.Method + " " + request.PathTemplate, System.Diagnostics.ActivityKind.Client);
        if (activity is null)
        {
            return await next().ConfigureAwait(false);
        }

        activity.SetTag("http.request.method", request.Method);
        activity.SetTag("url.template", request.PathTemplate);
        activity.SetTag("server.address", server.Host);
        activity.SetTag("server.port", server.Port);
        if (request.OperationId is { } operation)
        {
            activity.SetTag("specgen.operation", operation);
        }

        try
        {
            var response = await next().ConfigureAwait(false);
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

    /// <summary>Counts an attempt of the current call, when the call is observed.</summary>
    public static void CountAttempt(int attempt)
    {
        if (System.Diagnostics.Activity.Current is { } call && call.Source == Source)
        {
            call.SetTag("specgen.attempts", attempt + 1);
        }
    }
}
