using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Specgen.Runtime;

/// <summary>
/// A response that is a stream of values (line-delimited JSON, or server-sent events), read as the
/// bytes arrive, never buffered whole. Enumerate it once; disposing it ends the response.
/// </summary>
/// <example>
/// <code>
/// await using var logs = await client.GetRuntimeLogsAsync(projectId, deploymentId);
/// await foreach (var line in logs) Console.WriteLine(line.Message);
/// </code>
/// </example>
/// <typeparam name="T">Each value.</typeparam>
public sealed class ApiStream<T> : IAsyncEnumerable<T>, IAsyncDisposable, IDisposable
{
    private readonly Stream _content;
    private readonly JsonTypeInfo<T> _type;
    private readonly bool _events;
    private readonly IDisposable? _owner;
    private int _enumerated;

    internal ApiStream(Stream content, JsonTypeInfo<T> type, bool events, IDisposable? owner)
    {
        _content = content;
        _type = type;
        _events = events;
        _owner = owner;
    }

    /// <inheritdoc/>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A response stream can be read once.");
        }

        return Owned(_events ? ReadEvents(cancellationToken) : ReadLines(cancellationToken), cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    /// <summary>The values, ending the response when they end (or the caller stops): a stream is read once.</summary>
    private async IAsyncEnumerable<T> Owned(IAsyncEnumerable<T> values, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var value in values.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return value;
            }
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<T> ReadLines([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(_content, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            // application/json-seq (RFC 7464) starts each record with RS (0x1E).
            var record = line.TrimStart('\u001E');
            if (!string.IsNullOrWhiteSpace(record))
            {
                yield return Parse(record);
            }
        }
    }

    /// <summary>
    /// Server-sent events: <c>data:</c> lines up to a blank line are one event's data; comments,
    /// <c>event:</c>, <c>id:</c> and <c>retry:</c> lines carry no value. A <c>[DONE]</c> data line (the
    /// end marker many streaming APIs send) ends nothing and yields nothing.
    /// </summary>
    private async IAsyncEnumerable<T> ReadEvents([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(_content, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var data = new StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null || line.Length == 0)
            {
                if (data.Length > 0)
                {
                    var text = data.ToString();
                    data.Clear();
                    if (text != "[DONE]")
                    {
                        yield return Parse(text);
                    }
                }

                if (line is null)
                {
                    yield break;
                }

                continue;
            }

            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                var value = line.AsSpan(5);
                if (data.Length > 0)
                {
                    data.Append('\n');
                }

                data.Append(value.Length > 0 && value[0] == ' ' ? value.Slice(1) : value);
            }
        }
    }

    private T Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, _type)!;
        }
        catch (JsonException e)
        {
            throw new JsonException($"A value in the response stream is not valid JSON for {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _content.DisposeAsync().ConfigureAwait(false);
        _owner?.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _content.Dispose();
        _owner?.Dispose();
    }
}
