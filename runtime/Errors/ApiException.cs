using System.Net;
using System.Text.Json;

namespace Specgen.Runtime;

/// <summary>
/// The API answered with an error status, or with a body that is not what the spec declares.
/// Carries what a caller needs to decide, and never the access token.
/// </summary>
/// <remarks>
/// Each status family the API documents has its own subclass, so a caller catches what it handles:
/// <code>
/// try { await client.Integrations.CreateIntegrationStoreDirectAsync(request); }
/// catch (BadRequestException e) when (e.ErrorCode == "no_free_plan") { … }
/// catch (RateLimitedException e) { await Task.Delay(e.RetryAfter ?? TimeSpan.FromSeconds(1)); … }
/// catch (ApiException e) { log(e.StatusCode, e.ErrorCode, e.RequestId); }
/// </code>
/// </remarks>
public class ApiException : Exception
{
    /// <summary>Creates the exception from what the response said.</summary>
    public ApiException(ApiError error, string? message = null, Exception? innerException = null)
        : base(message ?? Describe(error), innerException)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Everything the response said, as data.</summary>
    public ApiError Error { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode => Error.StatusCode;

    /// <summary>The HTTP method of the request.</summary>
    public string Method => Error.Method;

    /// <summary>The request path (without the query, which may carry identifiers).</summary>
    public string Path => Error.Path;

    /// <summary>The raw response body, if any (with the access token masked, should the server echo it).</summary>
    public string? ResponseBody => Error.ResponseBody;

    /// <summary>The API's error code (Vercel's <c>error.code</c>), if the body had one.</summary>
    public string? ErrorCode => Error.ErrorCode;

    /// <summary>The API's error message (Vercel's <c>error.message</c>), if the body had one.</summary>
    public string? ErrorMessage => Error.ErrorMessage;

    /// <summary>The server's id for the request (Vercel's <c>x-vercel-id</c>), to quote to its support.</summary>
    public string? RequestId => Error.RequestId;

    /// <summary>
    /// The error body as the type the spec documents for this status (for example a generated
    /// <c>NotFoundError</c>), or null when the spec documents none or the body does not read as it.
    /// </summary>
    public object? Body => Error.Body;

    /// <summary>The error body as <typeparamref name="T"/>, when it is one.</summary>
    public bool TryGetBody<T>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? body)
    {
        if (Error.Body is T typed)
        {
            body = typed;
            return true;
        }

        body = default;
        return false;
    }

    /// <summary>Builds the exception for an error status: the subclass for its status family.</summary>
    public static ApiException FromResponse(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.StatusCode switch
        {
            400 or 422 => new BadRequestException(error),
            401 => new UnauthorizedException(error),
            402 => new PaymentRequiredException(error),
            403 => new ForbiddenException(error),
            404 => new NotFoundException(error),
            409 => new ConflictException(error),
            429 => new RateLimitedException(error),
            >= 500 => new ServerErrorException(error),
            _ => new ApiException(error),
        };
    }

    private static string Describe(ApiError error)
    {
        var reason = Enum.IsDefined(typeof(HttpStatusCode), error.StatusCode) ? " " + (HttpStatusCode)error.StatusCode : string.Empty;
        var detail = (error.ErrorCode, error.ErrorMessage) switch
        {
            (not null, not null) => $": {error.ErrorCode}: {error.ErrorMessage}",
            (null, not null) => ": " + error.ErrorMessage,
            (not null, null) => ": " + error.ErrorCode,
            _ => string.Empty,
        };
        var id = error.RequestId is null ? string.Empty : $" (request id {error.RequestId})";
        return $"{error.Method} {error.Path} failed with {error.StatusCode}{reason}{detail}{id}";
    }
}

/// <summary>400 (or 422): the request is not valid for the API — Vercel says which in <see cref="ApiException.ErrorCode"/>.</summary>
public sealed class BadRequestException(ApiError error) : ApiException(error);

/// <summary>401: the token is missing, expired or wrong.</summary>
public sealed class UnauthorizedException(ApiError error) : ApiException(error);

/// <summary>402: the account must pay (or add a payment method) first.</summary>
public sealed class PaymentRequiredException(ApiError error) : ApiException(error);

/// <summary>403: the token may not do this (for example, it is not an admin of the configuration).</summary>
public sealed class ForbiddenException(ApiError error) : ApiException(error);

/// <summary>404: something the request names does not exist.</summary>
public sealed class NotFoundException(ApiError error) : ApiException(error);

/// <summary>409: the request conflicts with the current state.</summary>
public sealed class ConflictException(ApiError error) : ApiException(error);

/// <summary>5xx: the server failed.</summary>
public sealed class ServerErrorException(ApiError error) : ApiException(error);

/// <summary>429: too many requests; retried automatically within <see cref="RetryOptions"/>, then thrown.</summary>
public sealed class RateLimitedException(ApiError error) : ApiException(error)
{
    /// <summary>How long the server asked to wait (<c>Retry-After</c>, in seconds or as a date).</summary>
    public TimeSpan? RetryAfter => Error.RetryAfter;

    /// <summary>The request budget (<c>X-RateLimit-Limit</c>).</summary>
    public long? Limit => Error.RateLimitLimit;

    /// <summary>What is left of it (<c>X-RateLimit-Remaining</c>).</summary>
    public long? Remaining => Error.RateLimitRemaining;

    /// <summary>When the budget resets (<c>X-RateLimit-Reset</c>, Unix seconds).</summary>
    public DateTimeOffset? Reset => Error.RateLimitReset;
}

/// <summary>What an error response said: status, request, body, the API's error and the rate-limit headers.</summary>
public sealed record ApiError(int StatusCode, string Method, string Path, string? ResponseBody)
{
    /// <summary>The API's error code.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The API's error message.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The server's request id.</summary>
    public string? RequestId { get; init; }

    /// <summary>The body read as the type the spec documents for the status, if it documents one and the body reads as it.</summary>
    public object? Body { get; init; }

    /// <summary>The <c>Retry-After</c> delay.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary><c>X-RateLimit-Limit</c>.</summary>
    public long? RateLimitLimit { get; init; }

    /// <summary><c>X-RateLimit-Remaining</c>.</summary>
    public long? RateLimitRemaining { get; init; }

    /// <summary><c>X-RateLimit-Reset</c>.</summary>
    public DateTimeOffset? RateLimitReset { get; init; }

    /// <summary>
    /// Reads the error's code and message from the common shapes of error bodies:
    /// <c>{"error":{"code","message"}}</c> (Vercel, Google, Azure), a top-level <c>code</c>/<c>message</c>,
    /// RFC 9457 problem details (<c>type</c>, <c>title</c>, <c>detail</c>) and OAuth's
    /// <c>{"error","error_description"}</c>; a <c>message</c> that is a list of strings (NestJS) is joined.
    /// </summary>
    public ApiError WithBodyError()
    {
        if (string.IsNullOrWhiteSpace(ResponseBody))
        {
            return this;
        }

        try
        {
            using var document = JsonDocument.Parse(ResponseBody);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return this;
            }

            var error = root.TryGetProperty("error", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : root;
            var code = StringOf(error, "code") ?? StringOf(root, "error") ?? StringOf(root, "type");
            var message = StringOf(error, "message") ?? StringsOf(error, "message") ?? StringOf(root, "error_description") ?? StringOf(root, "detail") ?? StringOf(root, "title");
            return this with { ErrorCode = code, ErrorMessage = message };
        }
        catch (JsonException)
        {
            // Not JSON: the raw body is still there.
            return this;
        }
    }

    /// <summary>This error with every occurrence of each of <paramref name="secrets"/> masked, the longest first.</summary>
    public ApiError Redact(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var error = this;
        foreach (var secret in secrets.Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length))
        {
            error = error.Redact(secret);
        }

        return error;
    }

    /// <summary>This error with every occurrence of <paramref name="secret"/> masked.</summary>
    public ApiError Redact(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return this;
        }

        string? Mask(string? text) => text?.Replace(secret, "***", StringComparison.Ordinal);
        return this with
        {
            ResponseBody = MaskEscaped(Mask(ResponseBody), secret),
            ErrorCode = Mask(ErrorCode),
            ErrorMessage = Mask(ErrorMessage),
            Path = Mask(Path)!,
            RequestId = Mask(RequestId),
        };
    }

    /// <summary>
    /// A JSON body whose strings still hold the secret once their escapes are read (<c>ab\u002Bc</c> for
    /// <c>ab+c</c>, <c>a\/b</c> for <c>a/b</c>): written again with it masked, so the typed body and the error
    /// message, which read the decoded strings, never see it.
    /// </summary>
    private static string? MaskEscaped(string? body, string secret)
    {
        if (body is null || body.IndexOf('\\', StringComparison.Ordinal) < 0)
        {
            return body;
        }

        System.Text.Json.Nodes.JsonNode? node;
        try
        {
            node = System.Text.Json.Nodes.JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }

        return node is not null && MaskStrings(node, secret) ? node.ToJsonString() : body;
    }

    private static bool MaskStrings(System.Text.Json.Nodes.JsonNode node, string secret)
    {
        var masked = false;
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject obj:
                foreach (var pair in obj.ToList())
                {
                    masked |= Mask(pair.Value, value => obj[pair.Key] = value, secret);
                }

                break;
            case System.Text.Json.Nodes.JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    masked |= Mask(array[i], value => array[index] = value, secret);
                }

                break;
        }

        return masked;
    }

    /// <summary>Masks the secret in one member or item: a string is replaced through <paramref name="replace"/>, anything else is searched.</summary>
    private static bool Mask(System.Text.Json.Nodes.JsonNode? child, Action<System.Text.Json.Nodes.JsonNode> replace, string secret)
    {
        if (child is System.Text.Json.Nodes.JsonValue value && value.TryGetValue(out string? text))
        {
            if (!text.Contains(secret, StringComparison.Ordinal))
            {
                return false;
            }

            replace(text.Replace(secret, "***", StringComparison.Ordinal));
            return true;
        }

        return child is not null && MaskStrings(child, secret);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A list of strings, joined (NestJS's class-validator errors: <c>{"message":["name must be a string", …]}</c>).</summary>
    private static string? StringsOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
        && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String)
            ? string.Join("; ", value.EnumerateArray().Select(item => item.GetString()))
            : null;
}
