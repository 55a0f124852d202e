using System.Net;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// A request body read from the caller's stream as it is sent: never copied into memory, never disposed
/// (the caller owns the stream), and for a retry sent again from where it started when the stream can seek.
/// </summary>
internal sealed class StreamBodyContent : HttpContent
{
    private readonly Stream _stream;
    private readonly long _start;

    public StreamBodyContent(Stream stream, long start)
    {
        _stream = stream;
        _start = start;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_stream.CanSeek)
        {
            _stream.Position = _start;
        }

        await _stream.CopyToAsync(stream, 81920, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        // A seekable stream has a length (Content-Length); another is sent chunked.
        length = _stream.CanSeek ? _stream.Length - _start : 0;
        return _stream.CanSeek;
    }

    // The caller's stream outlives the request: disposing the content leaves it open.
    protected override void Dispose(bool disposing)
    {
    }
}
