using System.Net;
using System.Text.Json;

namespace Specgen.Runtime;

/// <summary>
/// The API answered with an error status, or with a body that is not what the spec declares.
/// Carries what a caller needs to decide, and never the access token.
/// </summary>
public class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiException(int statusCode, string method, string path, string? responseBody, string? errorCode, string? errorMessage, Exception? innerException = null)
        : base(Describe(statusCode, method, path, errorCode, errorMessage), innerException)
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        ResponseBody = responseBody;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The HTTP method of the request.</summary>
    public string Method { get; }

    /// <summary>The request path (without the query, which may carry identifiers).</summary>
    public string Path { get; }

    /// <summary>The raw response body, if any.</summary>
    public string? ResponseBody { get; }

    /// <summary>The API's error code (Vercel's <c>error.code</c>), if the body had one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The API's error message (Vercel's <c>error.message</c>), if the body had one.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Builds the exception for an error response, reading Vercel's <c>{"error":{"code","message"}}</c> body.</summary>
    public static ApiException FromResponse(int statusCode, string method, string path, string? body)
    {
        var (code, message) = ReadError(body);
        return new ApiException(statusCode, method, path, body, code, message);
    }

    private static (string? Code, string? Message) ReadError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                return (StringOf(error, "code"), StringOf(error, "message"));
            }
        }
        catch (JsonException)
        {
            // Not JSON: the raw body is still there.
        }

        return (null, null);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Describe(int statusCode, string method, string path, string? code, string? message)
    {
        var reason = Enum.IsDefined(typeof(HttpStatusCode), statusCode) ? " " + (HttpStatusCode)statusCode : string.Empty;
        var detail = (code, message) switch
        {
            (not null, not null) => $": {code}: {message}",
            (null, not null) => ": " + message,
            (not null, null) => ": " + code,
            _ => string.Empty,
        };
        return $"{method} {path} failed with {statusCode}{reason}{detail}";
    }
}
