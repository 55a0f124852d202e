using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;
using static Specgen.Tests.Infrastructure.InlineSpec;

namespace Specgen.Tests;

/// <summary>
/// HTTP digest (RFC 7616), the scheme added as one runtime class (<c>DigestScheme</c>) and one row of the
/// security modeller (issue 31): the answer matches the RFC's own example, and a generated client answers a
/// Kestrel server's challenge, counts its requests, renews a stale nonce, and never sends the password.
/// </summary>
public class DigestTests
{
    private const string Password = "pw-SECRET-digest";

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void The_answer_is_RFC_7616s_example(string algorithm, string response)
    {
        // RFC 7616, 3.9.1: Mufasa, "Circle of Life", GET /dir/index.html.
        var challenge = DigestScheme.Challenge.Parse($"realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm={algorithm}, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"")!;
        var answer = new DigestScheme.Answer(new BasicCredentials("Mufasa", "Circle of Life"), challenge, 1);
        var header = DigestScheme.Authorization(answer, "GET", "/dir/index.html", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
        Assert.Equal(
            $"username=\"Mufasa\", realm=\"http-auth@example.org\", nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", uri=\"/dir/index.html\", algorithm={algorithm}, qop=auth, nc=00000001, cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", response=\"{response}\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
            header);
    }

    [Fact]
    public async Task A_generated_client_answers_the_servers_challenge_and_never_sends_the_password()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Vault, version: '1'}
            security:
              - digest: []
            paths:
              /secrets/{name}:
                get:
                  operationId: getSecret
                  parameters:
                    - {name: name, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: the secret
                      content:
                        application/json:
                          schema: {type: object, properties: {value: {type: string}}}
            components:
              securitySchemes:
                digest: {type: http, scheme: digest, description: The vault's users.}
            """);
        AssertCompiles(run);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "SPECGEN005");
        var spec = CompiledSpec.Load(run, "digest");

        // The server: a challenge for a request without a valid answer, a new nonce after two uses (stale).
        var nonce = "n-1";
        var uses = 0;
        await using var server = await ScriptedServer.StartAsync((context, _) =>
        {
            if (Verified(context.Request, nonce) is not { } count)
            {
                return Challenge(context, stale: false);
            }

            if (++uses > 2)
            {
                (nonce, uses) = ("n-2", 0);
                return Challenge(context, stale: true);
            }

            return ScriptedServer.Reply(context, 200, $$"""{"value":"nc {{count}}"}""");
        });

        var options = (ApiClientOptions)Activator.CreateInstance(spec.Type("VaultClientOptions"))!;
        options.Retry = RetryOptions.None;
        var property = options.GetType().GetProperty("Digest")!;
        Assert.Equal(typeof(BasicCredentials), property.PropertyType);
        property.SetValue(options, new BasicCredentials("ada", Password));
        var client = Activator.CreateInstance(spec.Type("VaultClient"), new HttpClient { BaseAddress = server.BaseAddress }, options)!;

        // The first call is challenged and sent again with the answer; the next ones answer straight away, counted.
        Assert.Equal("nc 00000001", Value(await CompiledSpec.CallAsync(client, "GetSecretAsync", "a", CancellationToken.None)));
        Assert.Equal("nc 00000002", Value(await CompiledSpec.CallAsync(client, "GetSecretAsync", "b", CancellationToken.None)));
        Assert.Equal(3, server.Requests.Count);
        Assert.Null(server.Requests[0].Authorization);
        Assert.StartsWith("Digest username=\"ada\"", server.Requests[1].Authorization, StringComparison.Ordinal);

        // The nonce goes stale: the server's new challenge is answered once, from 1 again.
        Assert.Equal("nc 00000001", Value(await CompiledSpec.CallAsync(client, "GetSecretAsync", "c", CancellationToken.None)));
        Assert.Equal(5, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.DoesNotContain(Password, r.Authorization ?? string.Empty, StringComparison.Ordinal));
    }

    private static string? Value(object? response) => (string?)response!.GetType().GetProperty("Value")!.GetValue(response);

    private static Task Challenge(HttpContext context, bool stale) =>
        ScriptedServer.Reply(context, 401, "{}", ("WWW-Authenticate", $"Digest realm=\"vault\", qop=\"auth\", algorithm=SHA-256, nonce=\"{(stale ? "n-2" : "n-1")}\", opaque=\"o-1\"{(stale ? ", stale=true" : string.Empty)}"));

    /// <summary>
    /// The server's check, written from RFC 7616 here rather than with the client's code: the request's count
    /// when its Authorization answers the challenge for this nonce with ada's password, else null.
    /// </summary>
    private static string? Verified(HttpRequest request, string nonce)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Digest ", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = header["Digest ".Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim('"'));
        static string H(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var expected = H($"{H($"ada:vault:{Password}")}:{nonce}:{fields["nc"]}:{fields["cnonce"]}:auth:{H($"{request.Method}:{request.Path}{request.QueryString}")}");
        return fields["nonce"] == nonce && fields["uri"] == $"{request.Path}{request.QueryString}" && fields["opaque"] == "o-1" && fields["response"] == expected
            ? fields["nc"]
            : null;
    }
}
