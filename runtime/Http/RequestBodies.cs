using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// A request's body, one type per kind (JSON, a stream, a form, text): each makes its content for an attempt
/// and says whether it can be sent again. A new kind of body is a class here, not a case of a switch.
/// </summary>
internal abstract class RequestBody(string contentType)
{
    /// <summary>The media type the spec sends it as.</summary>
    public string ContentType { get; } = contentType;

    /// <summary>Whether another attempt can send it again (a stream that cannot go back cannot).</summary>
    public virtual bool CanResend => true;

    /// <summary>The content of one attempt.</summary>
    public abstract HttpContent CreateContent();

    /// <summary>A media type with <c>charset=utf-8</c>, for a body written as UTF-8.</summary>
    protected MediaTypeHeaderValue Utf8()
    {
        var type = MediaTypeHeaderValue.Parse(ContentType);
        type.CharSet = "utf-8";
        return type;
    }
}

/// <summary>A value written as JSON with its type info (no reflection), in request mode: <c>readOnly</c> members are left out.</summary>
internal sealed class JsonRequestBody(object value, JsonTypeInfo type, string contentType) : RequestBody(contentType)
{
    public override HttpContent CreateContent() =>
        new ByteArrayContent(JsonWrite.RequestBody(value, type)) { Headers = { ContentType = Utf8() } };
}

/// <summary>Bytes streamed as they are read, never copied; a seekable stream is sent again from where it started.</summary>
internal sealed class StreamRequestBody(Stream stream, string contentType) : RequestBody(contentType)
{
    private readonly long _start = stream.CanSeek ? stream.Position : 0;

    public override bool CanResend => stream.CanSeek;

    public override HttpContent CreateContent() =>
        new StreamBodyContent(stream, _start) { Headers = { ContentType = MediaTypeHeaderValue.Parse(ContentType) } };
}

/// <summary>A form: <c>multipart/form-data</c> (files streamed) or <c>application/x-www-form-urlencoded</c>.</summary>
internal sealed class FormRequestBody(FormBody form, string contentType) : RequestBody(contentType)
{
    public override bool CanResend => form.CanResend;

    public override HttpContent CreateContent() => form.ToContent(ContentType);
}

/// <summary>Text sent as UTF-8.</summary>
internal sealed class TextRequestBody(string text, string contentType) : RequestBody(contentType)
{
    public override HttpContent CreateContent() =>
        new ByteArrayContent(Encoding.UTF8.GetBytes(text)) { Headers = { ContentType = Utf8() } };
}
