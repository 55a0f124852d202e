using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// How a success response's body becomes the value a generated method returns: read whole (JSON,
/// text, a choice by status code) or handed over as it arrives (a file, a stream of JSON lines or
/// server-sent events). Made with <see cref="ResponseBody"/>; public for generated code.
/// </summary>
/// <typeparam name="T">The value.</typeparam>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public abstract class ResponseBody<T>
{
    private protected ResponseBody()
    {
    }

    /// <summary>The body is not read whole: the value takes the response and reads it as it arrives.</summary>
    internal virtual bool Streams => false;

    /// <summary>The value from a body read whole.</summary>
    internal virtual T Read(ResponseContent content) => throw new NotSupportedException();

    /// <summary>The value that takes over <paramref name="response"/> (and disposes it).</summary>
    internal virtual ValueTask<T> TakeAsync(HttpResponseMessage response, CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>The ways a success response's body is read. Public for generated code.</summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public static class ResponseBody
{
    /// <summary>JSON read with <paramref name="type"/> (no reflection); an empty body is an error.</summary>
    public static ResponseBody<T> Json<T>(JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new Buffered<T>(content => content.Json(type));
    }

    /// <summary>JSON read with <paramref name="type"/>, or null for an empty body (a success the spec documents without one, such as a 204).</summary>
    public static ResponseBody<T?> JsonOrNull<T>(JsonTypeInfo<T> type)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(type);
        return new Buffered<T?>(content => content.IsEmpty ? null : content.Json(type));
    }

    /// <summary>JSON read with <paramref name="type"/>, or null for an empty body (a success the spec documents without one, such as a 204).</summary>
    public static ResponseBody<T?> JsonOrNullValue<T>(JsonTypeInfo<T> type)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(type);
        return new Buffered<T?>(content => content.IsEmpty ? null : content.Json(type));
    }

    /// <summary>The body read whole and turned into the value by <paramref name="read"/> (for example, a case per status code).</summary>
    public static ResponseBody<T> Whole<T>(Func<ResponseContent, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new Buffered<T>(read);
    }

    /// <summary>The body as text, decoded with its charset (UTF-8 when it names none).</summary>
    public static ResponseBody<string> Text { get; } = new Buffered<string>(content => content.Text());

    /// <summary>The body as a stream the caller reads and disposes, with its content type, length and file name.</summary>
    public static ResponseBody<ApiFile> File { get; } = new FileBody();

    /// <summary>
    /// Line-delimited JSON (<c>application/x-ndjson</c>, <c>application/jsonl</c>, <c>application/stream+json</c>),
    /// each line read with <paramref name="type"/> as it arrives.
    /// </summary>
    public static ResponseBody<ApiStream<T>> JsonLines<T>(JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new StreamBody<T>(type, events: false);
    }

    /// <summary>Server-sent events (<c>text/event-stream</c>), each event's data read with <paramref name="type"/> as it arrives.</summary>
    public static ResponseBody<ApiStream<T>> Events<T>(JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new StreamBody<T>(type, events: true);
    }

    /// <summary>The file name a response's <c>Content-Disposition</c> gives, if any.</summary>
    internal static string? FileNameOf(HttpContentHeaders headers) =>
        headers.ContentDisposition?.FileNameStar ?? headers.ContentDisposition?.FileName?.Trim('"');

    private sealed class Buffered<T>(Func<ResponseContent, T> read) : ResponseBody<T>
    {
        internal override T Read(ResponseContent content) => read(content);
    }

    private sealed class FileBody : ResponseBody<ApiFile>
    {
        internal override bool Streams => true;

        internal override async ValueTask<ApiFile> TakeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var headers = response.Content.Headers;
            return new ApiFile(content, FileNameOf(headers), headers.ContentType?.ToString(), headers.ContentLength, response);
        }
    }

    private sealed class StreamBody<T>(JsonTypeInfo<T> type, bool events) : ResponseBody<ApiStream<T>>
    {
        internal override bool Streams => true;

        internal override async ValueTask<ApiStream<T>> TakeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ApiStream<T>(content, type, events, response);
        }
    }
}

/// <summary>A success response's body, read whole: what <see cref="ResponseBody.Whole"/> gets. Public for generated code.</summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ResponseContent
{
    private readonly byte[] _body;

    internal ResponseContent(int statusCode, HttpContentHeaders headers, byte[] body)
    {
        StatusCode = statusCode;
        MediaType = headers.ContentType?.MediaType;
        CharSet = headers.ContentType?.CharSet;
        _headers = headers;
        _body = body;
    }

    private readonly HttpContentHeaders _headers;

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The media type of the body (<c>application/json</c>), if the response named one.</summary>
    public string? MediaType { get; }

    internal string? CharSet { get; }

    /// <summary>The body has no bytes.</summary>
    public bool IsEmpty => _body.Length == 0;

    /// <summary>The body as JSON, read with <paramref name="type"/>; a JSON null body is an error.</summary>
    /// <remarks>
    /// A string the spec documents as JSON that arrives as <c>text/*</c> is that text: frameworks document a
    /// handler returning a string as JSON and send it as it is (NestJS over Express sends <c>text/html</c>).
    /// </remarks>
    public T Json<T>(JsonTypeInfo<T> type) =>
        typeof(T) == typeof(string) && MediaType?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) == true
            ? (T)(object)Text()
            : JsonSerializer.Deserialize(_body, type) ?? throw new JsonException("The response body is null.");

    /// <summary>The body as text.</summary>
    public string Text() => EncodingOf(CharSet).GetString(_body);

    /// <summary>The body as a file (in memory: it was read whole).</summary>
    public ApiFile File() => new(new MemoryStream(_body, writable: false), ResponseBody.FileNameOf(_headers), _headers.ContentType?.ToString(), _body.Length);

    internal static Encoding EncodingOf(string? charSet)
    {
        if (charSet is { Length: > 0 })
        {
            try
            {
                return Encoding.GetEncoding(charSet.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset: read it as UTF-8 rather than fail the call.
            }
        }

        return Encoding.UTF8;
    }
}
