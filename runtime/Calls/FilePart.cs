namespace Specgen.Runtime;

/// <summary>
/// A file to upload in a <c>multipart/form-data</c> body: its bytes (a stream read as it is sent, or an
/// array), the file name the server sees and its media type. The caller keeps the stream: it is not
/// disposed, and a retry sends it again from where it was when the request was built (when it can seek).
/// </summary>
public sealed class FilePart
{
    /// <summary>A file read from <paramref name="content"/> as it is sent.</summary>
    /// <param name="content">The bytes; read from its current position.</param>
    /// <param name="fileName">The file name the part carries; the part's own name when null.</param>
    /// <param name="contentType">The part's media type; the one the spec gives the part, else <c>application/octet-stream</c>, when null.</param>
    public FilePart(Stream content, string? fileName = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>A file whose bytes are <paramref name="content"/>.</summary>
    public FilePart(byte[] content, string? fileName = null, string? contentType = null)
        : this(new MemoryStream(content ?? throw new ArgumentNullException(nameof(content)), writable: false), fileName, contentType)
    {
    }

    /// <summary>The bytes, read as the part is sent.</summary>
    public Stream Content { get; }

    /// <summary>The file name the part carries (sent as UTF-8, as browsers do); the part's name when null.</summary>
    public string? FileName { get; }

    /// <summary>The part's media type; null for the spec's, else <c>application/octet-stream</c>.</summary>
    public string? ContentType { get; }

    /// <summary>Headers the part carries besides <c>Content-Disposition</c> and <c>Content-Type</c> (the spec's <c>encoding.headers</c>).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The file name and media type; never the bytes.</summary>
    public override string ToString() => $"FilePart {{ FileName = {FileName}, ContentType = {ContentType} }}";
}
