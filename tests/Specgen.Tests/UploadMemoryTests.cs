using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Specgen.Tests;

/// <summary>Measured alone: what the process allocates is the upload's, not another test's.</summary>
[CollectionDefinition(nameof(UploadMemoryTests), DisableParallelization = true)]
public sealed class MeasuredAlone;

/// <summary>
/// A 256 MB upload is streamed: sending it allocates a few MB (buffers and bookkeeping, on the client and
/// on the in-process Kestrel server that counts the bytes), never the body's size. A bounded check of
/// allocations, not a timing.
/// </summary>
[Collection(nameof(UploadMemoryTests))]
public class UploadMemoryTests(ITestOutputHelper output)
{
    private const long Size = 256L * 1024 * 1024;

    // Buffering the body once would allocate 256 MB; streaming it, a few. The bound sits well between (1.1 MB and 1.3 MB measured, see docs/performance.md).
    private const long Bound = 8L * 1024 * 1024;

    [Fact]
    public async Task A_256_MB_binary_body_is_streamed_not_buffered()
    {
        var sent = await AllocatedWhileSendingAsync("PutFileAsync", size => ["big.bin", new Generated(size)]);

        Assert.Equal(Size, sent.Request.Length);
        Assert.Equal(Size.ToString(System.Globalization.CultureInfo.InvariantCulture), sent.Request.Headers["Content-Length"]);
        Assert.StartsWith("abcdefghij", sent.Request.Body, StringComparison.Ordinal);
        Assert.True(sent.Allocated < Bound, $"sending {Size:N0} bytes allocated {sent.Allocated:N0}");
    }

    [Fact]
    public async Task A_256_MB_file_in_a_multipart_body_is_streamed_not_buffered()
    {
        var sent = await AllocatedWhileSendingAsync("UploadPhotoAsync", size =>
        {
            var form = Activator.CreateInstance(BodyTests.Spec.Value.Type("UploadPhotoRequest"))!;
            form.GetType().GetProperty("Photo")!.SetValue(form, new FilePart(new Generated(size), "big.png", "image/png"));
            return ["p1", form];
        });

        Assert.InRange(sent.Request.Length, Size, Size + 1024);
        Assert.Contains("filename=\"big.png\"", sent.Request.Body, StringComparison.Ordinal);
        Assert.True(sent.Allocated < Bound, $"sending {Size:N0} bytes allocated {sent.Allocated:N0}");
    }

    /// <summary>
    /// Sends a small body first (so connections, JIT and pools are warm), then the 256 MB one, and counts
    /// what the process allocated while sending it.
    /// </summary>
    private async Task<(RecordedRequest Request, long Allocated)> AllocatedWhileSendingAsync(string method, Func<long, object?[]> arguments)
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty), keepBodies: false);
        var client = BodyTests.Client(server);
        await CompiledSpec.CallAsync(client, method, [.. arguments(1024), CancellationToken.None]);

        var call = arguments(Size);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await CompiledSpec.CallAsync(client, method, [.. call, CancellationToken.None]);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        output.WriteLine($"{method}: {Size:N0} bytes sent, {allocated:N0} bytes allocated");
        Assert.Equal(2, server.Requests.Count);
        return (server.Requests[1], allocated);
    }

    /// <summary>A seekable stream of a given length whose bytes are made as they are read (a-z repeated).</summary>
    private sealed class Generated(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => _position = value; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < count; i++)
            {
                buffer[i] = (byte)('a' + ((_position + i) % 26));
            }

            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
