using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Specgen.Tests.Infrastructure;

/// <summary>What a scripted server received.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization, string Body)
{
    /// <summary>The request's headers, each with its values comma-joined.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>How many bytes the body had (also when the server kept only its start).</summary>
    public long Length { get; init; }
}

/// <summary>
/// A real Kestrel server on 127.0.0.1 whose every answer the test writes: for the cases the emulator
/// does not produce on demand (each status, malformed bodies, redirects, slow answers).
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private ScriptedServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a server; <paramref name="respond"/> gets each request and its 0-based number.</summary>
    /// <param name="respond">Writes the answer.</param>
    /// <param name="keepBodies">
    /// False for bodies too big to keep: each is read and counted, and <see cref="RecordedRequest.Body"/>
    /// holds its first kilobyte only, so the server itself allocates next to nothing per body.
    /// </param>
    public static async Task<ScriptedServer> StartAsync(Func<HttpContext, int, Task> respond, bool keepBodies = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var server = new ScriptedServer(builder.Build());
        var count = -1;
        server._app.Run(async context =>
        {
            var (body, length) = keepBodies ? await ReadAllAsync(context) : await CountAsync(context);
            server._requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization.FirstOrDefault(), body)
            {
                Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                Length = length,
            });
            await respond(context, Interlocked.Increment(ref count));
        });
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private static async Task<(string Body, long Length)> ReadAllAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        return (body, System.Text.Encoding.UTF8.GetByteCount(body));
    }

    private static async Task<(string Body, long Length)> CountAsync(HttpContext context)
    {
        var start = new byte[1024];
        var kept = 0;
        long length = 0;
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            foreach (var segment in read.Buffer)
            {
                var take = Math.Min(segment.Length, start.Length - kept);
                segment.Span[..take].CopyTo(start.AsSpan(kept));
                kept += take;
                length += segment.Length;
            }

            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                return (System.Text.Encoding.UTF8.GetString(start, 0, kept), length);
            }
        }
    }

    /// <summary>Answers with a status, a JSON body and headers.</summary>
    public static Task Reply(HttpContext context, int status, string body, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        // A 204 or 304 has no body: Kestrel fails a write to one, even an empty one, and drops the connection.
        if (status is 204 or 304)
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// A clock whose timers fire at once and move time forward by their due time: retries run without
/// waiting, and the test reads the delays they asked for.
/// </summary>
public sealed class InstantTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = start;

    public List<TimeSpan> Delays { get; } = [];

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            Delays.Add(dueTime);
            _now += dueTime;
        }

        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
