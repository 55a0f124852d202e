using System.Text;
using Microsoft.AspNetCore.Http;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// A Swagger 2.0 document (swagger2.yaml) read as the OpenAPI 3.0 one it stands for: its client against a
/// real server, which checks the bytes of a file upload, a form, a JSON body, a csv query and credentials.
/// </summary>
public class Swagger2Tests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("swagger2.yaml"));

    private const string Key = "kennel-SECRET";

    [Fact]
    public void The_types_are_those_the_2_0_document_describes()
    {
        var client = Spec.Value.Type("KennelClient");

        Assert.Equal(typeof(long), client.GetMethod("UploadPhotoAsync")!.GetParameters()[0].ParameterType);
        Assert.Equal(typeof(FilePart), Spec.Value.Type("UploadPhotoRequest").GetProperty("File")!.PropertyType);
        Assert.Equal(typeof(Uri), Spec.Value.Type("Photo").GetProperty("Url")!.PropertyType);
        Assert.Equal(typeof(ApiFile), client.GetMethod("DownloadPhotoAsync")!.ReturnType.GetGenericArguments()[0]);
        Assert.Equal(typeof(IReadOnlyList<string>), client.GetMethod("FindPetsAsync")!.GetParameters()[0].ParameterType);
        // The server from host, basePath and schemes.
        Assert.Contains("\"https://kennel.example/v2\"", Spec.Value.Run.SourceOf("KennelClient"), StringComparison.Ordinal);
        Assert.DoesNotContain(Spec.Value.Run.Diagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
    }

    [Fact]
    public async Task Each_call_sends_what_the_2_0_document_says_on_the_wire()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => context.Request.Path.Value switch
        {
            "/pets" when context.Request.Method == "POST" => ScriptedServer.Reply(context, 201, """{"id":7,"name":"Rex"}"""),
            "/pets" => ScriptedServer.Reply(context, 200, """[{"id":7,"name":"Rex","tag":"dog"}]"""),
            "/pets/7/photo" when context.Request.Method == "POST" => ScriptedServer.Reply(context, 200, """{"url":"https://kennel.example/p/7.png","caption":"at the beach"}"""),
            "/pets/7/photo" => Png(context),
            _ => ScriptedServer.Reply(context, 204, string.Empty),
        });
        var options = (ApiClientOptions)Activator.CreateInstance(Spec.Value.Type("KennelClientOptions"))!;
        options.Retry = RetryOptions.None;
        options.GetType().GetProperty("ApiKey")!.SetValue(options, Key);
        options.GetType().GetProperty("Basic")!.SetValue(options, new BasicCredentials("ada", "pw"));
        var client = Activator.CreateInstance(Spec.Value.Type("KennelClient"), new HttpClient { BaseAddress = server.BaseAddress }, options)!;

        var pets = await CompiledSpec.CallAsync(client, "FindPetsAsync", new[] { "dog", "small" }, 2, null, CancellationToken.None);
        var added = await CompiledSpec.CallAsync(client, "AddPetAsync", Record("NewPet", ("Name", "Rex")), null, CancellationToken.None);
        var photo = await CompiledSpec.CallAsync(client, "UploadPhotoAsync", 7L, Record("UploadPhotoRequest", ("Caption", "at the beach"), ("File", new FilePart(Encoding.ASCII.GetBytes("PNG-BYTES"), "rex.png", "image/png"))), null, CancellationToken.None);
        await using var download = (ApiFile)(await CompiledSpec.CallAsync(client, "DownloadPhotoAsync", 7L, null, CancellationToken.None))!;
        await CompiledSpec.CallAsync(client, "RenamePetAsync", 7L, Record("RenamePetRequest", ("Name", "Rex Jr")), null, CancellationToken.None);

        var requests = server.Requests;
        // csv: one pair, joined by commas.
        Assert.Equal("/pets?tags=dog,small&limit=2", requests[0].PathAndQuery);
        Assert.Equal(Key, requests[0].Headers["X-Kennel-Key"]);
        Assert.Equal("""{"name":"Rex"}""", requests[1].Body);
        Assert.StartsWith("application/json", requests[1].Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Single(Assert.IsAssignableFrom<System.Collections.IEnumerable>(pets));
        Assert.Equal(7L, added!.GetType().GetProperty("Id")!.GetValue(added));

        var upload = requests[2];
        Assert.StartsWith("multipart/form-data; boundary=", upload.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("name=\"caption\"", upload.Body, StringComparison.Ordinal);
        Assert.Contains("at the beach", upload.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"file\"; filename=\"rex.png\"", upload.Body, StringComparison.Ordinal);
        Assert.Contains("Content-Type: image/png\r\n\r\nPNG-BYTES", upload.Body, StringComparison.Ordinal);
        Assert.Equal("at the beach", photo!.GetType().GetProperty("Caption")!.GetValue(photo));

        Assert.Equal("image/png", requests[3].Headers["Accept"]);
        using var bytes = new MemoryStream();
        await download.Content.CopyToAsync(bytes);
        Assert.Equal("PNG", Encoding.ASCII.GetString(bytes.ToArray()));

        // The form without a file is urlencoded, with the operation's own security: basic, not the key.
        var rename = requests[4];
        Assert.Equal(("name=Rex+Jr", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ada:pw"))), (rename.Body, rename.Authorization));
        Assert.StartsWith("application/x-www-form-urlencoded", rename.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.False(rename.Headers.ContainsKey("X-Kennel-Key"));
    }

    private static object Record(string type, params (string Name, object? Value)[] members) => Spec.Value.New(type, members);

    private static async Task Png(HttpContext context)
    {
        context.Response.ContentType = "image/png";
        await context.Response.Body.WriteAsync(Encoding.ASCII.GetBytes("PNG"));
    }
}
