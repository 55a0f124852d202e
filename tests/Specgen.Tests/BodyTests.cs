using Microsoft.CodeAnalysis;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>Request bodies that are not JSON (bodies.yaml): a stream sent as it is read, and text; against a real server.</summary>
public class BodyTests
{
    internal static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("bodies.yaml"));

    private static readonly byte[] Payload = Enumerable.Range(0, 100_000).Select(i => (byte)('a' + (i % 26))).ToArray();

    internal static object Client(ScriptedServer server, RetryOptions? retry = null) =>
        Activator.CreateInstance(Spec.Value.Type("FilesClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions { Retry = retry ?? RetryOptions.None })!;

    [Fact]
    public async Task A_binary_body_is_the_stream_s_bytes_with_its_media_type_and_the_caller_keeps_the_stream()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 201, string.Empty));
        var method = Spec.Value.Type("FilesClient").GetMethod("PutFileAsync")!;
        using var stream = new MemoryStream(Payload);

        Assert.Equal(typeof(Stream), method.GetParameters()[1].ParameterType);
        await CompiledSpec.CallAsync(Client(server), "PutFileAsync", "report.bin", stream, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/files/report.bin", request.PathAndQuery);
        Assert.Equal("application/octet-stream", request.Headers["Content-Type"]);
        Assert.Equal("100000", request.Headers["Content-Length"]);
        Assert.Equal(System.Text.Encoding.ASCII.GetString(Payload), request.Body);
        Assert.True(stream.CanRead, "the caller's stream is not disposed");
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_sent_chunked_and_never_retried()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 503, "{}"));
        await using var stream = new ForwardOnly(Payload);

        await Assert.ThrowsAnyAsync<ApiException>(() => CompiledSpec.CallAsync(Client(server, new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) }), "PutFileAsync", "a", stream, CancellationToken.None));

        var request = Assert.Single(server.Requests);
        Assert.Equal(System.Text.Encoding.ASCII.GetString(Payload), request.Body);
        Assert.False(request.Headers.ContainsKey("Content-Length"));
    }

    [Fact]
    public async Task A_retry_sends_a_seekable_stream_again_from_where_it_started()
    {
        await using var server = await ScriptedServer.StartAsync((context, n) => ScriptedServer.Reply(context, n == 0 ? 503 : 201, string.Empty));
        using var stream = new MemoryStream(Payload) { Position = 10 };

        await CompiledSpec.CallAsync(Client(server, new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) }), "PutFileAsync", "a", stream, CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(System.Text.Encoding.ASCII.GetString(Payload, 10, Payload.Length - 10), r.Body));
    }

    [Fact]
    public async Task A_Content_Length_parameter_sends_a_stream_that_cannot_seek_with_its_length_and_body_headers_go_with_the_body()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 201, string.Empty));

        await CompiledSpec.CallAsync(Client(server), "PutArchiveAsync", "a.zip", new ForwardOnly(Payload), (long)Payload.Length, "de", CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("100000", request.Headers["Content-Length"]);
        Assert.False(request.Headers.ContainsKey("Transfer-Encoding"));
        Assert.Equal("de", request.Headers["Content-Language"]);
        Assert.Equal(Payload.Length, request.Length);
    }

    [Fact]
    public async Task A_binary_media_type_is_sent_as_the_spec_names_it_and_an_optional_body_may_be_left_out()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));

        await CompiledSpec.CallAsync(Client(server), "UploadImageAsync", new MemoryStream("png"u8.ToArray()), CancellationToken.None);
        await CompiledSpec.CallAsync(Client(server), "UploadImageAsync", null, CancellationToken.None);

        Assert.Equal("image/png", server.Requests[0].Headers["Content-Type"]);
        Assert.Equal("png", server.Requests[0].Body);
        Assert.Equal(string.Empty, server.Requests[1].Body);
    }

    [Fact]
    public async Task A_text_body_is_sent_as_UTF8_text()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));

        await CompiledSpec.CallAsync(Client(server), "AddNoteAsync", "Grüße & 1+1", CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("text/plain; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal("Grüße & 1+1", request.Body);
    }

    [Fact]
    public void Vercel_s_file_upload_takes_a_stream()
    {
        // POST /v2/files (uploadFile) sends the deployment file as application/octet-stream.
        var run = GeneratorHarness.Run(new SpecFile("specs/vercel-api.json", Fixtures.Read(Fixtures.VercelApi)));
        var method = WholeApi.ClientMethod(run, "Vercel.VercelClient", "Deployments.UploadFileAsync");

        Assert.Contains(method.Parameters, p => p.Type.ToDisplayString().TrimEnd('?') == "System.IO.Stream");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "SPECGEN005" && d.GetMessage().Contains("octet-stream", StringComparison.Ordinal));
    }

    /// <summary>A record built by reflection: each property set as given (init setters included).</summary>
    private static object Make(string type, params (string Name, object? Value)[] members) => Spec.Value.New(type, members);

    [Fact]
    public async Task A_multipart_body_sends_a_part_per_member_files_with_their_names_and_types_in_the_spec_s_order()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));
        var form = Make(
            "UploadPhotoRequest",
            ("Photo", new FilePart(new MemoryStream("PNG-bytes"u8.ToArray()), "Grüße \"1\".png", "image/png")),
            ("Caption", "a & b\r\nc"),
            ("Tags", new[] { "x", "y" }),
            ("Extras", new[] { new FilePart("extra"u8.ToArray()) }),
            ("Meta", Spec.Value.Read("Meta", """{"width":3,"taken":"2026-12-02"}""")),
            ("Rating", 5L));

        await CompiledSpec.CallAsync(Client(server), "UploadPhotoAsync", "p1", form, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        var contentType = request.Headers["Content-Type"];
        Assert.StartsWith("multipart/form-data; boundary=", contentType, StringComparison.Ordinal);
        var boundary = contentType.Substring(contentType.IndexOf('=') + 1).Trim('"');
        string Part(string headers, string body) => $"--{boundary}\r\n{headers}\r\n\r\n{body}\r\n";
        var expected =
            Part("Content-Disposition: form-data; name=\"photo\"; filename=\"Grüße %221%22.png\"\r\nContent-Type: image/png", "PNG-bytes")
            + Part("Content-Disposition: form-data; name=\"caption\"", "a & b\r\nc")
            + Part("Content-Disposition: form-data; name=\"tags\"", "x")
            + Part("Content-Disposition: form-data; name=\"tags\"", "y")
            + Part("Content-Disposition: form-data; name=\"extras\"; filename=\"extras\"\r\nContent-Type: application/octet-stream", "extra")
            + Part("Content-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/vnd.meta+json", """{"width":3,"taken":"2026-12-02"}""")
            + Part("Content-Disposition: form-data; name=\"rating\"", "5")
            + $"--{boundary}--\r\n";
        Assert.Equal(expected, request.Body);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(expected).ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["Content-Length"]);
    }

    [Fact]
    public async Task A_form_urlencoded_body_escapes_spaces_plus_ampersands_and_unicode_and_writes_lists_and_objects_in_their_style()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));
        var form = Make(
            "LoginRequest",
            ("User", "Jürgen M"),
            ("Password", "a+b&c=d"),
            ("Scopes", new[] { "read", "write" }),
            ("Flags", new[] { "x", "y" }),
            ("Address", Spec.Value.Read("Address", """{"city":"New York"}""")),
            ("Labels", new Dictionary<string, string> { ["env"] = "prod" }),
            ("Remember", true));

        await CompiledSpec.CallAsync(Client(server), "LoginAsync", form, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.Headers["Content-Type"]);
        Assert.Equal("user=J%C3%BCrgen+M&password=a%2Bb%26c%3Dd&scopes=read&scopes=write&flags=x%2Cy&address%5Bcity%5D=New+York&labels%5Benv%5D=prod&remember=true", request.Body);
    }

    [Fact]
    public void A_form_body_is_a_record_with_a_member_per_property_and_files_as_FileParts()
    {
        var photo = Spec.Value.Type("UploadPhotoRequest");

        Assert.Equal(typeof(FilePart), photo.GetProperty("Photo")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<FilePart>), photo.GetProperty("Extras")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<string>), photo.GetProperty("Tags")!.PropertyType);
        Assert.Equal(typeof(long?), photo.GetProperty("Rating")!.PropertyType);
        Assert.Equal(photo, Spec.Value.Type("FilesClient").GetMethod("UploadPhotoAsync")!.GetParameters()[1].ParameterType);
        Assert.DoesNotContain(Spec.Value.Run.Diagnostics, d => d.Id == "SPECGEN005");
    }

    [Theory]
    [InlineData("UpdatePetAsync", "Pet")]
    [InlineData("UpdatePetFormAsync", "UpdatePetFormRequest")]
    [InlineData("UpdatePetMultipartAsync", "UpdatePetMultipartRequest")]
    [InlineData("UpdatePetStreamAsync", "Stream")]
    public void An_operation_offering_several_kinds_of_body_has_a_method_for_each(string method, string body)
    {
        // PUT /pets/{id}: JSON first, then a form, a multipart form and bytes (png; jpeg is the same kind).
        // XML beside JSON is the same value untyped: no method of its own.
        var parameters = Spec.Value.Type("FilesClient").GetMethod(method)!.GetParameters();

        Assert.Equal(typeof(string), parameters[0].ParameterType);
        Assert.Equal(body, parameters[1].ParameterType.Name == "String" ? "string" : parameters[1].ParameterType.Name);
        Assert.Equal(4, Spec.Value.Type("FilesClient").GetMethods().Count(m => m.Name.StartsWith("UpdatePet", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Each_kind_of_body_of_one_operation_is_sent_in_its_media_type_and_another_of_the_same_kind_by_a_header()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));
        var client = Client(server);
        var jpeg = new ApiRequestOptions { Headers = { ["Content-Type"] = "image/jpeg" } };

        await CompiledSpec.CallAsync(client, "UpdatePetAsync", "7", Spec.Value.Read("Pet", """{"name":"Rex"}"""), CancellationToken.None);
        await CompiledSpec.CallAsync(client, "UpdatePetFormAsync", "7", Make("UpdatePetFormRequest", ("Name", "Rex"), ("Tag", "a b")), CancellationToken.None);
        await CompiledSpec.CallAsync(client, "UpdatePetMultipartAsync", "7", Make("UpdatePetMultipartRequest", ("Name", "Rex")), CancellationToken.None);
        await CompiledSpec.CallAsync(client, "UpdatePetStreamAsync", "7", new MemoryStream("JPEG"u8.ToArray()), jpeg, CancellationToken.None);

        var requests = server.Requests;
        Assert.All(requests, r => Assert.Equal("PUT /pets/7", r.Method + " " + r.PathAndQuery));
        Assert.Equal(("application/json; charset=utf-8", """{"name":"Rex"}"""), (requests[0].Headers["Content-Type"], requests[0].Body));
        Assert.Equal(("application/x-www-form-urlencoded", "name=Rex&tag=a+b"), (requests[1].Headers["Content-Type"], requests[1].Body));
        Assert.StartsWith("multipart/form-data; boundary=", requests[2].Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("Content-Disposition: form-data; name=\"name\"\r\n\r\nRex\r\n", requests[2].Body, StringComparison.Ordinal);
        Assert.Equal(("image/jpeg", "JPEG"), (requests[3].Headers["Content-Type"], requests[3].Body));
        Assert.Equal(4, requests.Count);
    }

    /// <summary>A stream that reads once, forward only, like a network stream.</summary>
    internal sealed class ForwardOnly(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
