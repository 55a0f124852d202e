using Microsoft.AspNetCore.Http;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// Every success shape an operation documents, against a real Kestrel server on 127.0.0.1: a case per
/// status when the bodies differ, null for a documented empty success, a default response, vendor
/// JSON, text, files and streams read as they arrive, and the status and headers of any success.
/// </summary>
public class ResponseShapeTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("responses.yaml"));

    private static object Client(ScriptedServer server) =>
        Activator.CreateInstance(Spec.Value.Type("ShapesClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions { Retry = RetryOptions.None })!;

    private static Task Answer(HttpContext context, int status, string contentType, string body, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        if (body.Length == 0)
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    [Theory]
    [InlineData(200, """{"id":"j1","state":"done"}""", "StartJobResult+Ok")]
    [InlineData(202, """{"token":"t1"}""", "StartJobResult+Accepted")]
    [InlineData(204, "", "StartJobResult+NoContent")]
    [InlineData(201, """{"surprise":true}""", "StartJobResult+Unknown")]
    public async Task Successes_with_different_bodies_are_a_case_per_status(int status, string body, string expected)
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Answer(context, status, "application/json", body));

        var result = (await CompiledSpec.CallAsync(Client(server), "StartJobAsync", CancellationToken.None))!;

        Assert.Equal(expected, result.GetType().FullName!.Substring("Fixture.".Length));
        Assert.Equal(status, CompiledSpec.Get(result, "StatusCode"));
        switch (status)
        {
            case 200:
                Assert.Equal("j1", CompiledSpec.Get(CompiledSpec.Get(result, "Value")!, "Id"));
                break;
            case 202:
                Assert.Equal("t1", CompiledSpec.Get(CompiledSpec.Get(result, "Value")!, "Token"));
                break;
            case 201:
                Assert.Equal(body, CompiledSpec.Get(result, "Body"));
                break;
        }
    }

    /// <summary>
    /// getJob: a 200 of vendor JSON and a 204 documented without content; restartJob: a 204 the spec gives
    /// JSON content, which a 204 never has (RFC 9110). Both read the JSON, and null for the 204.
    /// </summary>
    [Theory]
    [InlineData("GetJobAsync", "application/vnd.shapes+json")]
    [InlineData("RestartJobAsync", "application/json")]
    public async Task A_204_is_null_and_vendor_json_is_json_even_where_the_spec_gives_the_204_content(string method, string contentType)
    {
        await using var server = await ScriptedServer.StartAsync((context, n) => n == 0
            ? Answer(context, 200, contentType, """{"id":"j1"}""")
            : Answer(context, 204, string.Empty, string.Empty));
        var client = Client(server);

        var job = await CompiledSpec.CallAsync(client, method, "j1", CancellationToken.None);
        var none = await CompiledSpec.CallAsync(client, method, "j1", CancellationToken.None);

        Assert.Equal("j1", CompiledSpec.Get(job!, "Id"));
        Assert.Null(none);
    }

    [Fact]
    public async Task An_error_body_is_read_as_the_type_the_spec_documents_with_an_echoed_token_masked()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
            Answer(context, 404, "application/problem+json", """{"title":"Not found","detail":"No job j1 for token secret-token","instance":"/jobs/j1"}""", ("X-Request-Id", "req_4")));
        var client = Activator.CreateInstance(Spec.Value.Type("ShapesClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions { AccessToken = "secret-token" })!;

        var error = await Assert.ThrowsAsync<NotFoundException>(() => CompiledSpec.CallAsync(client, "GetJobAsync", "j1", CancellationToken.None));

        Assert.Equal(Spec.Value.Type("Problem"), error.Body!.GetType());
        Assert.True(error.TryGetBody<object>(out var body));
        Assert.Equal("No job j1 for token ***", CompiledSpec.Get(body, "Detail"));
        Assert.Equal("/jobs/j1", ((IDictionary<string, System.Text.Json.JsonElement>)CompiledSpec.Get(body, "AdditionalProperties")!)["instance"].GetString());
        Assert.Equal(("No job j1 for token ***", "req_4"), (error.ErrorMessage, error.RequestId));
        Assert.DoesNotContain("secret-token", error.Message);
    }

    [Fact]
    public async Task A_token_the_server_echoes_with_json_escapes_is_masked_too()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
            Answer(context, 404, "application/problem+json", """{"title":"Not found","detail":"token ab\u002Bc\/d is not allowed"}"""));
        var client = Activator.CreateInstance(Spec.Value.Type("ShapesClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions { AccessToken = "ab+c/d" })!;

        var error = await Assert.ThrowsAsync<NotFoundException>(() => CompiledSpec.CallAsync(client, "GetJobAsync", "j1", CancellationToken.None));

        Assert.Equal("token *** is not allowed", CompiledSpec.Get(error.Body!, "Detail"));
        Assert.Equal("token *** is not allowed", error.ErrorMessage);
        Assert.DoesNotContain("ab+c/d", error.ResponseBody);
        Assert.DoesNotContain("ab+c/d", error.Message);
    }

    [Fact]
    public async Task An_error_body_that_does_not_read_as_its_type_leaves_the_raw_body()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Answer(context, 404, "text/html", "<h1>gateway says no</h1>"));

        var error = await Assert.ThrowsAsync<NotFoundException>(() => CompiledSpec.CallAsync(Client(server), "GetJobAsync", "j1", CancellationToken.None));

        Assert.Null(error.Body);
        Assert.Equal("<h1>gateway says no</h1>", error.ResponseBody);
    }

    [Fact]
    public async Task A_call_without_a_body_still_reports_its_status_and_headers()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Answer(context, 204, string.Empty, string.Empty, ("X-Request-Id", "req_9")));

        var response = await CompiledSpec.CallWithResponseAsync(Client(server), "DeleteJobAsync", "j1", CancellationToken.None);

        Assert.Equal(204, response.StatusCode);
        Assert.Equal("req_9", response.Headers["x-request-id"]);
        Assert.IsNotType<ApiResponse<object>>(response);
    }

    [Fact]
    public async Task A_default_response_is_the_success_when_no_2xx_is_documented()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Answer(context, 200, "application/json", """{"ok":true}""", ("X-Region", "fra1")));

        var response = await CompiledSpec.CallWithResponseAsync(Client(server), "HealthAsync", CancellationToken.None);

        var value = response.GetType().GetProperty("Value")!.GetValue(response)!;
        Assert.Equal(true, CompiledSpec.Get(value, "Ok"));
        Assert.Equal("fra1", response.Headers["X-Region"]);
        Assert.Equal("application/json", response.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Text_is_a_string_in_its_charset()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Answer(context, 200, "text/plain; charset=utf-8", "line 1\nzweite Zeile: ü"));

        Assert.Equal("line 1\nzweite Zeile: ü", await CompiledSpec.CallAsync(Client(server), "GetLogTextAsync", "j1", CancellationToken.None));
    }

    [Fact]
    public async Task Documented_headers_read_as_their_types()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Answer(context, 200, "text/plain", "ok",
            ("X-RateLimit-Remaining", "41"), ("X-Truncated", "true"), ("X-Page", "7"), ("X-Page-Size", "4294967296"), ("X-Log-Level", "debug"), ("X-Parts", "a, b,c")));

        var response = await CompiledSpec.CallWithResponseAsync(Client(server), "GetLogTextAsync", "j1", CancellationToken.None);
        var headers = Spec.Value.Type("GetLogTextHeaders").GetMethod("From")!.Invoke(null, [response.Headers])!;

        Assert.Equal(41L, CompiledSpec.Get(headers, "XRateLimitRemaining"));
        Assert.Equal(true, CompiledSpec.Get(headers, "XTruncated"));
        Assert.Equal(7, CompiledSpec.Get(headers, "XPage"));
        // An int32 header too large for an int reads as absent, not as a wrapped number.
        Assert.Null(CompiledSpec.Get(headers, "XPageSize"));
        Assert.Equal("debug", CompiledSpec.Get(headers, "XLogLevel")!.ToString());
        Assert.Equal(["a", "b", "c"], (IReadOnlyList<string>)CompiledSpec.Get(headers, "XParts")!);
    }

    [Fact]
    public async Task A_file_arrives_as_a_stream_with_its_name_type_and_length_before_the_server_has_sent_it_all()
    {
        var release = new TaskCompletionSource();
        var finished = false;
        var bytes = Enumerable.Range(0, 64 * 1024).Select(i => (byte)i).ToArray();
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/pdf";
            context.Response.ContentLength = bytes.Length * 2;
            context.Response.Headers.ContentDisposition = "attachment; filename=\"output.pdf\"";
            await context.Response.Body.WriteAsync(bytes);
            await context.Response.Body.FlushAsync();
            await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await context.Response.Body.WriteAsync(bytes);
            finished = true;
        });

        await using var file = (ApiFile)(await CompiledSpec.CallAsync(Client(server), "DownloadOutputAsync", "j1", CancellationToken.None))!;
        var first = new byte[bytes.Length];
        await file.Content.ReadExactlyAsync(first);
        var finishedBeforeRelease = finished;
        release.SetResult();
        using var rest = new MemoryStream();
        await file.Content.CopyToAsync(rest);

        Assert.False(finishedBeforeRelease);
        Assert.Equal(("output.pdf", "application/pdf", (long?)(bytes.Length * 2)), (file.FileName, file.ContentType, file.Length));
        Assert.Equal(bytes, first);
        Assert.Equal(bytes, rest.ToArray());
    }

    [Theory]
    [InlineData("StreamLinesAsync", "application/stream+json", "{\"n\":1,\"text\":\"a\"}\n", "\n{\"n\":2}\n{\"n\":3,\"text\":\"c\"}\n")]
    [InlineData("StreamEventsAsync", "text/event-stream", ": hello\nevent: progress\ndata: {\"n\":1,\ndata: \"text\":\"a\"}\n\n", "id: 2\ndata: {\"n\":2}\n\ndata: {\"n\":3,\"text\":\"c\"}\n\ndata: [DONE]\n\n")]
    public async Task A_stream_yields_each_value_as_it_arrives(string method, string contentType, string firstPart, string rest)
    {
        var release = new TaskCompletionSource();
        var finished = false;
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(firstPart);
            await context.Response.Body.FlushAsync();
            await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await context.Response.WriteAsync(rest);
            finished = true;
        });

        var stream = (await CompiledSpec.CallAsync(Client(server), method, "j1", CancellationToken.None))!;
        var numbers = new List<long>();
        bool? finishedAtFirst = null;
        await foreach (var line in (IAsyncEnumerable<object>)stream)
        {
            finishedAtFirst ??= finished;
            numbers.Add((long)CompiledSpec.Get(line, "N")!);
            release.TrySetResult();
        }

        await ((IAsyncDisposable)stream).DisposeAsync();
        Assert.False(finishedAtFirst);
        Assert.Equal([1L, 2L, 3L], numbers);
    }
}
