using Microsoft.CodeAnalysis;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;
using static Specgen.Tests.Infrastructure.InlineSpec;

namespace Specgen.Tests;

/// <summary>
/// Credentials from the spec's securitySchemes (security.yaml), against a real server: each call carries
/// exactly what its security asks for, the first way the options can satisfy, and no secret leaks.
/// </summary>
public class SecurityTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("security.yaml"));

    private const string Token = "tok-SECRET-1";
    private const string HeaderKey = "hk-SECRET-2";
    private const string QueryKey = "qk+SECRET/3";
    private const string Session = "sid SECRET;4";
    private static readonly BasicCredentials Basic = new("ada", "pw-SECRET-5");

    /// <summary>The generated options, with the credentials given (null leaves one unset).</summary>
    private static ApiClientOptions Options(string? token = null, string? headerKey = null, BasicCredentials? basic = null, string? queryKey = null, string? session = null)
    {
        var options = (ApiClientOptions)Activator.CreateInstance(Spec.Value.Type("VaultClientOptions"))!;
        options.AccessToken = token;
        options.Retry = RetryOptions.None;
        var type = options.GetType();
        type.GetProperty("ApiKeyHeader")!.SetValue(options, headerKey);
        type.GetProperty("Basic")!.SetValue(options, basic);
        type.GetProperty("ApiKeyQuery")!.SetValue(options, queryKey);
        type.GetProperty("Session")!.SetValue(options, session);
        return options;
    }

    private static object Client(ScriptedServer server, ApiClientOptions options) =>
        Activator.CreateInstance(Spec.Value.Type("VaultClient"), new HttpClient { BaseAddress = server.BaseAddress }, options)!;

    private static Task<ScriptedServer> Server() => ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));

    /// <summary>What a request carried to authenticate: Authorization, X-API-Key, Cookie, and its path and query.</summary>
    private static (string? Authorization, string? ApiKey, string? Cookie, string PathAndQuery) Sent(RecordedRequest request) =>
        (request.Authorization, request.Headers.GetValueOrDefault("X-API-Key"), request.Headers.GetValueOrDefault("Cookie"), request.PathAndQuery);

    [Fact]
    public async Task Each_operation_carries_exactly_the_credentials_its_security_asks_for()
    {
        await using var server = await Server();
        var client = Client(server, Options(Token, HeaderKey, Basic, QueryKey, Session));

        await CompiledSpec.CallAsync(client, "HealthAsync", CancellationToken.None);
        await CompiledSpec.CallAsync(client, "ListSecretsAsync", CancellationToken.None);
        await CompiledSpec.CallAsync(client, "ListKeysAsync", CancellationToken.None);
        await CompiledSpec.CallAsync(client, "ExportAsync", "csv", CancellationToken.None);
        await CompiledSpec.CallAsync(client, "BrowseAsync", CancellationToken.None);
        await CompiledSpec.CallAsync(client, "DelegatedAsync", CancellationToken.None);

        var sent = server.Requests.Select(Sent).ToList();
        // security: [] sends nothing, though the options have every credential.
        Assert.Equal((null, null, null, "/health"), sent[0]);
        // The document's default: the bearer token.
        Assert.Equal(("Bearer " + Token, null, null, "/secrets"), sent[1]);
        // Alternatives: the first the options can satisfy, the API key; not basic as well.
        Assert.Equal((null, HeaderKey, null, "/keys"), sent[2]);
        // Both at once: the key in the query after the operation's own parameters, the session cookie escaped.
        Assert.Equal((null, null, "session_id=sid%20SECRET%3B4", "/exports?format=csv&api_key=qk%2BSECRET%2F3"), sent[3]);
        // Optional ({}) with a token the options have: the token.
        Assert.Equal(("Bearer " + Token, null, null, "/public"), sent[4]);
        // OAuth 2 and OpenID Connect take the caller's token.
        Assert.Equal(("Bearer " + Token, null, null, "/delegated"), sent[5]);
    }

    [Fact]
    public async Task Accept_Content_Type_and_a_scheme_sent_Authorization_header_parameter_are_not_parameters_and_Accept_names_what_is_read()
    {
        var method = Spec.Value.Type("VaultClient").GetMethod("GetSecretAsync")!;
        Assert.Equal(["name", "xTrace", "requestOptions", "cancellationToken"], method.GetParameters().Select(p => p.Name));
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 200, "{\"value\":\"v\"}"));
        var client = Client(server, Options(Token));

        await CompiledSpec.CallAsync(client, "GetSecretAsync", "db", "t-1", null, CancellationToken.None);
        await CompiledSpec.CallAsync(client, "HealthAsync", CancellationToken.None);

        var (secret, health) = (server.Requests[0], server.Requests[1]);
        Assert.Equal(("Bearer " + Token, "t-1"), (secret.Authorization, secret.Headers["X-Trace"]));
        // The media types the method reads: the JSON of 200 (not its XML) and the text of 202.
        Assert.Equal("application/json, text/plain", secret.Headers["Accept"]);
        Assert.False(secret.Headers.ContainsKey("Content-Type"));
        // No response body, no Accept.
        Assert.False(health.Headers.ContainsKey("Accept"));
    }

    [Fact]
    public async Task In_a_spec_without_schemes_an_Authorization_header_parameter_stays_and_replaces_the_options_token()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: { title: Legacy, version: "1" }
            paths:
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - { name: Authorization, in: header, schema: { type: string } }
                  responses:
                    "204": { description: Listed. }
            """);
        var spec = CompiledSpec.Load(run, "legacy-authorization");
        await using var server = await Server();
        var client = Activator.CreateInstance(spec.Type("LegacyClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions { AccessToken = Token, Retry = RetryOptions.None })!;

        await CompiledSpec.CallAsync(client, "ListItemsAsync", "Token legacy-1", null, CancellationToken.None);
        await CompiledSpec.CallAsync(client, "ListItemsAsync", null, null, CancellationToken.None);

        Assert.Equal(["Token legacy-1", "Bearer " + Token], server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task An_alternative_the_options_cannot_satisfy_is_passed_over_for_one_they_can()
    {
        await using var server = await Server();
        var client = Client(server, Options(basic: Basic));

        await CompiledSpec.CallAsync(client, "ListKeysAsync", CancellationToken.None);
        await CompiledSpec.CallAsync(client, "BrowseAsync", CancellationToken.None);

        var expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ada:pw-SECRET-5"));
        Assert.Equal((expected, null, null, "/keys"), Sent(server.Requests[0]));
        // Optional, and the options have no token: nothing.
        Assert.Equal((null, null, null, "/public"), Sent(server.Requests[1]));
    }

    [Theory]
    [InlineData("ListSecretsAsync", "'bearer' (a bearer token)")]
    [InlineData("ListKeysAsync", "'apiKeyHeader' (an API key in the X-API-Key header), or 'basic' (HTTP basic)")]
    [InlineData("ExportAsync", "'apiKeyQuery' (an API key in the api_key query parameter) and 'session' (an API key in the session_id cookie)")]
    public async Task An_operation_whose_credentials_the_options_lack_fails_before_sending_naming_the_schemes(string method, string schemes)
    {
        await using var server = await Server();
        // One of the two the export needs is not enough.
        var client = Client(server, Options(queryKey: QueryKey));
        object?[] arguments = method == "ExportAsync" ? ["csv", CancellationToken.None] : [CancellationToken.None];
        if (method == "ExportAsync")
        {
            client = Client(server, Options(session: Session));
        }

        var error = await Assert.ThrowsAsync<MissingCredentialsException>(() => CompiledSpec.CallAsync(client, method, arguments));

        Assert.Contains(schemes, error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task No_secret_reaches_the_exception_its_error_or_the_options_text()
    {
        // The server echoes everything it was sent, and fails.
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 401,
            "{\"error\":{\"code\":\"denied\",\"message\":\"bad " + context.Request.QueryString + " " + context.Request.Headers.Cookie + " " + context.Request.Headers.Authorization + " " + context.Request.Headers["X-API-Key"] + "\"}}"));
        var options = Options(Token, HeaderKey, Basic, QueryKey, Session);
        var client = Client(server, options);

        var export = await Assert.ThrowsAnyAsync<ApiException>(() => CompiledSpec.CallAsync(client, "ExportAsync", "csv", CancellationToken.None));
        var secrets = await Assert.ThrowsAnyAsync<ApiException>(() => CompiledSpec.CallAsync(client, "ListSecretsAsync", CancellationToken.None));
        options.Credentials.SetApiKey("apiKeyHeader", null);
        var keys = await Assert.ThrowsAnyAsync<ApiException>(() => CompiledSpec.CallAsync(client, "ListKeysAsync", CancellationToken.None));

        Assert.Contains("api_key=", server.Requests[0].PathAndQuery, StringComparison.Ordinal);
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ada:pw-SECRET-5"));
        var texts = new[] { export, secrets, keys }.SelectMany(e => new[] { e.Message, e.ToString(), e.Error.ResponseBody, e.Error.ErrorMessage, e.Error.Path, e.Error.ToString() })
            .Append(options.ToString()).Append(options.Credentials.ToString()).Append(Basic.ToString()).ToList();
        foreach (var secret in new[] { Token, HeaderKey, QueryKey, Uri.EscapeDataString(QueryKey), Session, Uri.EscapeDataString(Session), Basic.Password, basic })
        {
            Assert.All(texts, text => Assert.DoesNotContain(secret, text ?? string.Empty, StringComparison.Ordinal));
        }

        Assert.Contains("***", keys.Error.ResponseBody, StringComparison.Ordinal);
    }

    /// <summary>
    /// A server with a token endpoint (<c>/oauth/token</c>, counting its requests; token n is <c>t-n</c>,
    /// valid for an hour) whose other paths answer 204 to a token in <paramref name="accepted"/>, else 401.
    /// </summary>
    private static Task<ScriptedServer> TokenServer(Func<string?, bool> accepted, Action? onToken = null)
    {
        var issued = 0;
        return ScriptedServer.StartAsync((context, _) =>
        {
            if (context.Request.Path == "/oauth/token")
            {
                onToken?.Invoke();
                var n = Interlocked.Increment(ref issued);
                return ScriptedServer.Reply(context, 200, $$"""{"access_token":"t-{{n}}","token_type":"Bearer","expires_in":3600}""");
            }

            return ScriptedServer.Reply(context, accepted(context.Request.Headers.Authorization.FirstOrDefault()) ? 204 : 401, "{}");
        });
    }

    private static ApiClientOptions MachineOptions(TimeProvider clock, string clientId)
    {
        var options = (ApiClientOptions)Activator.CreateInstance(Spec.Value.Type("VaultClientOptions"))!;
        options.Retry = RetryOptions.None;
        options.TimeProvider = clock;
        options.GetType().GetProperty("Machine")!.SetValue(options, new ClientCredentials(clientId, "cs-SECRET-6"));
        return options;
    }

    [Fact]
    public async Task Client_credentials_are_exchanged_at_the_token_url_for_a_token_sent_as_bearer()
    {
        await using var server = await TokenServer(_ => true);
        var clientId = "app " + Guid.NewGuid().ToString("N");
        var client = Client(server, MachineOptions(new ManualClock(), clientId));

        await CompiledSpec.CallAsync(client, "ListReportsAsync", CancellationToken.None);

        var token = server.Requests[0];
        Assert.Equal("POST /oauth/token", token.Method + " " + token.PathAndQuery);
        // RFC 6749 2.3.1: id and secret form-encoded, then HTTP basic; the scopes the spec's operations require.
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.EscapeDataString(clientId) + ":cs-SECRET-6"));
        Assert.Equal("Basic " + basic, token.Authorization);
        Assert.Equal("grant_type=client_credentials&scope=reports.read", token.Body);
        Assert.Equal("Bearer t-1", server.Requests[1].Authorization);
        Assert.Equal("/reports", server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task A_token_endpoint_that_echoes_the_basic_header_shows_no_credential_in_the_exception()
    {
        // Some token endpoints quote the request in their error; the Basic value is the id and secret in base64.
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 400,
            $$"""{"error":"invalid_client","error_description":"bad header {{context.Request.Headers.Authorization}}"}"""));
        var clientId = "app-" + Guid.NewGuid().ToString("N");
        var client = Client(server, MachineOptions(new ManualClock(), clientId));

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => CompiledSpec.CallAsync(client, "ListReportsAsync", CancellationToken.None));

        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.EscapeDataString(clientId) + ":cs-SECRET-6"));
        Assert.Contains("bad header Basic", error.Error.ResponseBody, StringComparison.Ordinal);
        foreach (var text in new[] { error.Message, error.ToString(), error.Error.ResponseBody, error.Error.ErrorMessage, error.Error.ToString() })
        {
            Assert.DoesNotContain(basic, text ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain("cs-SECRET-6", text ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sixty_four_concurrent_calls_with_an_expired_token_make_one_token_request()
    {
        var tokenRequests = 0;
        await using var server = await TokenServer(_ => true, () => Interlocked.Increment(ref tokenRequests));
        var clock = new ManualClock();
        var client = Client(server, MachineOptions(clock, "app-" + Guid.NewGuid().ToString("N")));
        await CompiledSpec.CallAsync(client, "ListReportsAsync", CancellationToken.None);

        clock.Advance(TimeSpan.FromHours(1));
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => CompiledSpec.CallAsync(client, "ListReportsAsync", CancellationToken.None))));

        Assert.Equal(2, tokenRequests);
        var calls = server.Requests.Where(r => r.PathAndQuery == "/reports").ToList();
        Assert.Equal(65, calls.Count);
        Assert.All(calls.Skip(1), r => Assert.Equal("Bearer t-2", r.Authorization));
    }

    [Fact]
    public async Task A_refused_client_credentials_token_is_replaced_once_and_the_call_sent_again()
    {
        // The server refuses the first token (revoked) and takes the second; a third is never asked for.
        await using var server = await TokenServer(authorization => authorization == "Bearer t-2");
        var client = Client(server, MachineOptions(new ManualClock(), "app-" + Guid.NewGuid().ToString("N")));

        await CompiledSpec.CallAsync(client, "ListReportsAsync", CancellationToken.None);

        Assert.Equal(["/oauth/token", "/reports", "/oauth/token", "/reports"], server.Requests.Select(r => r.PathAndQuery));
        Assert.Equal("Bearer t-2", server.Requests[3].Authorization);
    }

    [Fact]
    public async Task A_token_refused_twice_fails_the_call_without_a_third_token()
    {
        await using var server = await TokenServer(_ => false);
        var client = Client(server, MachineOptions(new ManualClock(), "app-" + Guid.NewGuid().ToString("N")));

        var error = await Assert.ThrowsAsync<UnauthorizedException>(() => CompiledSpec.CallAsync(client, "ListReportsAsync", CancellationToken.None));

        Assert.Equal(2, server.Requests.Count(r => r.PathAndQuery == "/oauth/token"));
        Assert.DoesNotContain("t-2", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cs-SECRET-6", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ListSecretsAsync")]
    [InlineData("ListReportsAsync")]
    public async Task Credentials_never_go_in_clear_text_to_another_host(string method)
    {
        // Nothing is sent, so the host need not exist; a spec's own http:// server is refused the same way.
        var options = MachineOptions(new ManualClock(), "app-" + Guid.NewGuid().ToString("N"));
        options.AccessToken = Token;
        options.BaseAddress = new Uri("http://vault.invalid/");
        var client = Activator.CreateInstance(Spec.Value.Type("VaultClient"), new HttpClient(), options)!;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CompiledSpec.CallAsync(client, method, CancellationToken.None));
        var health = await Record.ExceptionAsync(() => CompiledSpec.CallAsync(Activator.CreateInstance(Spec.Value.Type("VaultClient"), new HttpClient(new RefusingHandler()), options)!, "HealthAsync", CancellationToken.None));

        Assert.Contains("in clear text to vault.invalid over http://", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
        // An operation that sends no credentials is not held back.
        Assert.IsType<HttpRequestException>(health);
    }

    [Fact]
    public async Task A_redirect_to_another_host_carries_no_credentials_and_one_to_the_same_host_keeps_them()
    {
        // The client follows redirects itself when its handler does not: HttpClient's own following
        // would forward every header but Authorization (the API key, the cookie) to any host.
        await using var elsewhere = await Server();
        await using var origin = await ScriptedServer.StartAsync((context, _) =>
        {
            var path = context.Request.Path.Value;
            if (path == "/exports")
            {
                context.Response.Headers.Location = new Uri(elsewhere.BaseAddress, "/mirror").AbsoluteUri;
                return ScriptedServer.Reply(context, 307, "{}");
            }

            if (path == "/keys")
            {
                context.Response.Headers.Location = "/keys/moved";
                return ScriptedServer.Reply(context, 302, "{}");
            }

            return ScriptedServer.Reply(context, 204, string.Empty);
        });
        var options = Options(Token, HeaderKey, Basic, QueryKey, Session);
        var client = Activator.CreateInstance(Spec.Value.Type("VaultClient"), new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = origin.BaseAddress }, options)!;

        await CompiledSpec.CallAsync(client, "ExportAsync", "csv", CancellationToken.None);
        await CompiledSpec.CallAsync(client, "ListKeysAsync", CancellationToken.None);

        var mirrored = Assert.Single(elsewhere.Requests);
        Assert.Equal((null, null, null, "/mirror"), Sent(mirrored));
        Assert.Equal(["/exports?format=csv&api_key=qk%2BSECRET%2F3", "/keys", "/keys/moved"], origin.Requests.Select(r => r.PathAndQuery));
        Assert.Equal(HeaderKey, origin.Requests[2].Headers["X-API-Key"]);
    }

    [Fact]
    public async Task Each_call_is_an_activity_with_its_operation_template_status_and_attempts_and_no_secret()
    {
        await using var server = await ScriptedServer.StartAsync((context, n) => ScriptedServer.Reply(context, n == 1 ? 503 : 204, "{}"));
        var activities = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "Specgen.Runtime",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        var options = Options(Token, HeaderKey, Basic, QueryKey, Session);
        options.Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) };
        var client = Client(server, options);

        await CompiledSpec.CallAsync(client, "ExportAsync", "csv", CancellationToken.None);
        // The second request is answered 503 and retried (GET is idempotent).
        await CompiledSpec.CallAsync(client, "ListSecretsAsync", CancellationToken.None);

        // Other tests' calls may be listened to as well: this server's port tells them apart.
        var mine = activities.Where(a => Equals(a.GetTagItem("server.port"), server.BaseAddress.Port)).ToList();
        Assert.Equal(["export", "listSecrets"], mine.Select(a => a.DisplayName));
        var export = mine[0];
        Assert.Equal(System.Diagnostics.ActivityKind.Client, export.Kind);
        Assert.Equal(("GET", "/exports", 204, 1), ((string?)export.GetTagItem("http.request.method"), (string?)export.GetTagItem("url.template"), (int?)export.GetTagItem("http.response.status_code"), (int?)export.GetTagItem("specgen.attempts")));
        Assert.Equal(2, mine[1].GetTagItem("specgen.attempts"));
        var tags = mine.SelectMany(a => a.TagObjects).Select(t => t.Key + "=" + t.Value).ToList();
        foreach (var secret in new[] { Token, HeaderKey, QueryKey, Uri.EscapeDataString(QueryKey), Session, Basic.Password, "csv" })
        {
            Assert.All(tags, tag => Assert.DoesNotContain(secret, tag, StringComparison.Ordinal));
        }
    }

    /// <summary>Fails every request without touching the network: proves a request got as far as being sent.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("refused: " + request.RequestUri);
    }

    /// <summary>A clock that moves only when told to.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    [Fact]
    public void The_options_have_a_typed_property_per_scheme_that_takes_its_own_credential()
    {
        var options = Spec.Value.Type("VaultClientOptions");

        Assert.Equal(typeof(ApiClientOptions), options.BaseType);
        Assert.Equal(typeof(string), options.GetProperty("ApiKeyHeader")!.PropertyType);
        Assert.Equal(typeof(BasicCredentials), options.GetProperty("Basic")!.PropertyType);
        Assert.Equal(typeof(string), options.GetProperty("ApiKeyQuery")!.PropertyType);
        Assert.Equal(typeof(string), options.GetProperty("Session")!.PropertyType);
        Assert.Equal(typeof(ClientCredentials), options.GetProperty("Machine")!.PropertyType);
        // Bearer, OAuth 2 and OpenID Connect take AccessToken.
        Assert.Null(options.GetProperty("Bearer", System.Reflection.BindingFlags.DeclaredOnly | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance));
        Assert.Null(options.GetProperty("Oauth", System.Reflection.BindingFlags.DeclaredOnly | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance));
        Assert.Empty(Spec.Value.Run.Diagnostics);
    }

    [Fact]
    public void A_requirement_naming_an_undeclared_scheme_and_a_scheme_that_cannot_be_sent_are_reported_where_they_are()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  security:
                    - nowhere: []
                    - kerberos: []
                  responses:
                    '204': {description: none}
            components:
              securitySchemes:
                kerberos: {type: http, scheme: negotiate}
            """);

        var undeclared = Assert.Single(run.Diagnostics, d => d.Id == "SPECGEN015");
        Assert.Equal(8, undeclared.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("'nowhere'", undeclared.GetMessage(), StringComparison.Ordinal);
        var negotiate = Assert.Single(run.Diagnostics, d => d.Id == "SPECGEN005");
        Assert.Equal(14, negotiate.Location.GetLineSpan().StartLinePosition.Line + 1);
        AssertCompiles(run);
    }
}
