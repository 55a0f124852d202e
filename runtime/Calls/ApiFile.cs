namespace Specgen.Runtime;

/// <summary>
/// A file: the content of a binary response (<c>application/octet-stream</c>, <c>application/pdf</c>,
/// <c>image/*</c>, …), read as it arrives. The caller disposes it, which ends the response.
/// </summary>
/// <example>
/// <code>
/// await using var file = await client.DownloadInvoiceAsync(id);
/// await using var target = File.Create(file.FileName ?? "invoice.pdf");
/// await file.Content.CopyToAsync(target);
/// </code>
/// </example>
public sealed class ApiFile : IDisposable, IAsyncDisposable
{
    private readonly IDisposable? _owner;

    /// <summary>A file from a stream (the file disposes it).</summary>
    public ApiFile(Stream content, string? fileName = null, string? contentType = null, long? length = null)
        : this(content, fileName, contentType, length, owner: null)
    {
    }

    internal ApiFile(Stream content, string? fileName, string? contentType, long? length, IDisposable? owner)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        _owner = owner;
    }

    /// <summary>The bytes, read as they arrive.</summary>
    public Stream Content { get; }

    /// <summary>The file name the server gave (<c>Content-Disposition</c>), if any.</summary>
    public string? FileName { get; }

    /// <summary>The content type (<c>image/png</c>), if the server named one.</summary>
    public string? ContentType { get; }

    /// <summary>The length in bytes (<c>Content-Length</c>), if the server said.</summary>
    public long? Length { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Content.Dispose();
        _owner?.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _owner?.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{FileName ?? "(unnamed)"} ({ContentType ?? "unknown type"}, {(Length is { } n ? n + " bytes" : "length unknown")})";
}
