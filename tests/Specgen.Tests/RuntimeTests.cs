using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Vercel;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// The runtime's behaviour when things go wrong, against real Kestrel servers on 127.0.0.1: typed
/// errors, retries on a fake clock, auth and redirects, cancellation, validation, DI.
/// </summary>
public class RuntimeTests
{
    private const string Token = "sk_live_SECRET_0123456789";
    private const string StorePath = "/v1/storage/stores/integration/direct";

    private static readonly CreateIntegrationStoreDirectRequest ValidRequest = new()
    {
        Name = "db",
        IntegrationConfigurationId = "icfg_abc",
        IntegrationProductIdOrSlug = "iap_postgres",
    };

    [Theory]
    [InlineData(400, typeof(BadRequestException))]
    [InlineData(401, typeof(UnauthorizedException))]
    [InlineData(402, typeof(PaymentRequiredException))]
    [InlineData(403, typeof(ForbiddenException))]
    [InlineData(404, typeof(NotFoundException))]
    [InlineData(409, typeof(ConflictException))]
    [InlineData(429, typeof(RateLimitedException))]
    [InlineData(500, typeof(ServerErrorException))]
    public async Task Every_documented_status_is_its_own_exception_with_the_error_fields(int status, Type expected)
    {
        var body = $$$"""{"error":{"code":"code_{{{status}}}","message":"Message {{{status}}}"}}""";
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, status, body, ("x-vercel-id", $"fra1::req-{status}")));
        var client = Client(server, o => o.Retry = RetryOptions.None);

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.Integrations.CreateIntegrationStoreDirectAsync(ValidRequest));

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal($"code_{status}", error.ErrorCode);
        Assert.Equal($"Message {status}", error.ErrorMessage);
        Assert.Equal("POST", error.Method);
        Assert.Equal(StorePath, error.Path);
        Assert.Equal($"fra1::req-{status}", error.RequestId);
        Assert.Equal(body, error.ResponseBody);
        Assert.Contains($"code_{status}: Message {status}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_carries_retry_after_and_the_rate_limit_headers()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 429, """{"error":{"code":"rate_limited","message":"Slow down"}}""",
            ("Retry-After", "7"), ("X-RateLimit-Limit", "100"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1700000000")));
        var client = Client(server, o => o.Retry = RetryOptions.None);

        var error = await Assert.ThrowsAsync<RateLimitedException>(() => client.Integrations.GetConfigurationsAsync(View.Account));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal(100, error.Limit);
        Assert.Equal(0, error.Remaining);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), error.Reset);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_waited_on_the_clock_and_the_call_succeeds()
    {
        var clock = new InstantTimeProvider(DateTimeOffset.UnixEpoch);
        await using var server = await ScriptedServer.StartAsync((context, n) => n == 0
            ? ScriptedServer.Reply(context, 429, "{}", ("Retry-After", "2"))
            : ScriptedServer.Reply(context, 200, "[]"));
        var client = Client(server, o => o.TimeProvider = clock);

        var result = await client.Integrations.GetConfigurationsAsync(View.Account);

        Assert.False(result.IsUnknown);
        Assert.Equal([TimeSpan.FromSeconds(2)], clock.Delays);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_measured_on_the_clock()
    {
        var now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        var clock = new InstantTimeProvider(now);
        await using var server = await ScriptedServer.StartAsync((context, n) => n == 0
            ? ScriptedServer.Reply(context, 429, "{}", ("Retry-After", now.AddSeconds(30).ToString("R")))
            : ScriptedServer.Reply(context, 200, "[]"));
        var client = Client(server, o => o.TimeProvider = clock);

        await client.Integrations.GetConfigurationsAsync(View.Account);

        Assert.Equal([TimeSpan.FromSeconds(30)], clock.Delays);
    }

    [Fact]
    public async Task Retries_stop_at_the_attempt_bound()
    {
        var clock = new InstantTimeProvider(DateTimeOffset.UnixEpoch);
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 429, "{}", ("Retry-After", "1")));
        var client = Client(server, o => (o.TimeProvider, o.Retry) = (clock, new RetryOptions { MaxRetries = 3 }));

        await Assert.ThrowsAsync<RateLimitedException>(() => client.Integrations.CreateIntegrationStoreDirectAsync(ValidRequest));

        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(3, clock.Delays.Count);
    }

    [Fact]
    public async Task Retries_stop_when_waiting_would_pass_the_total_delay_bound()
    {
        var clock = new InstantTimeProvider(DateTimeOffset.UnixEpoch);
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 429, "{}", ("Retry-After", "50")));
        var client = Client(server, o => (o.TimeProvider, o.Retry) = (clock, new RetryOptions { MaxRetries = 10, MaxTotalDelay = TimeSpan.FromSeconds(60) }));

        var error = await Assert.ThrowsAsync<RateLimitedException>(() => client.Integrations.GetConfigurationsAsync(View.Account));

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(50)], clock.Delays);
        Assert.Equal(TimeSpan.FromSeconds(50), error.RetryAfter);
    }

    [Fact]
    public async Task A_503_is_retried_with_backoff_for_a_GET()
    {
        var clock = new InstantTimeProvider(DateTimeOffset.UnixEpoch);
        await using var server = await ScriptedServer.StartAsync((context, n) => n < 2
            ? ScriptedServer.Reply(context, 503, "{}")
            : ScriptedServer.Reply(context, 200, "[]"));
        var client = Client(server, o => o.TimeProvider = clock);

        await client.Integrations.GetConfigurationsAsync(View.Account);

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, clock.Delays.Count);
        Assert.InRange(clock.Delays[0], TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
        Assert.InRange(clock.Delays[1], TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000));
    }

    [Fact]
    public async Task A_503_is_not_retried_for_a_POST()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 503, "{}"));
        var client = Client(server, o => o.TimeProvider = new InstantTimeProvider(DateTimeOffset.UnixEpoch));

        await Assert.ThrowsAsync<ServerErrorException>(() => client.Integrations.CreateIntegrationStoreDirectAsync(ValidRequest));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_token_provider_is_asked_before_every_request()
    {
        var issued = 0;
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 200, "[]"));
        var client = Client(server, o => (o.AccessToken, o.AccessTokenProvider) = (null, _ => ValueTask.FromResult<string?>("token-" + Interlocked.Increment(ref issued))));

        await client.Integrations.GetConfigurationsAsync(View.Account);
        await client.Integrations.GetConfigurationsAsync(View.Account);

        Assert.Equal(["Bearer token-1", "Bearer token-2"], server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_redirect_to_another_host_does_not_carry_the_token()
    {
        await using var other = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 200, "[]"));
        await using var server = await ScriptedServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(other.BaseAddress, context.Request.Path + context.Request.QueryString).ToString();
            return Task.CompletedTask;
        });
        var client = Client(server);

        await client.Integrations.GetConfigurationsAsync(View.Account);

        Assert.Equal("Bearer " + Token, Assert.Single(server.Requests).Authorization);
        Assert.Null(Assert.Single(other.Requests).Authorization);
    }

    [Fact]
    public async Task Cancelling_stops_a_request_the_server_is_still_holding()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            received.TrySetResult();
            await Task.WhenAny(release.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
        });
        var client = Client(server);
        using var cancellation = new CancellationTokenSource();

        var call = client.Integrations.GetConfigurationsAsync(View.Account, cancellationToken: cancellation.Token);
        await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();

        // The guard only keeps a broken build from hanging CI; the server never answers.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(release.Task.IsCompleted);
        release.SetResult();
    }

    [Fact]
    public async Task Malformed_json_in_a_200_is_an_ApiException_with_the_raw_body()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 200, "{\"store\": {not json", ("x-vercel-id", "req-1")));
        var client = Client(server);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Integrations.CreateIntegrationStoreDirectAsync(ValidRequest));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("{\"store\": {not json", error.ResponseBody);
        Assert.Equal("req-1", error.RequestId);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_request_lists_every_violation_and_nothing_is_sent()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 200, "{}"));
        var client = Client(server);
        var request = new CreateIntegrationStoreDirectRequest
        {
            Name = new string('x', 129),
            IntegrationConfigurationId = "cfg_1",
            IntegrationProductIdOrSlug = "Not A Slug",
            PrepaymentAmountCents = 10,
        };

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.Integrations.CreateIntegrationStoreDirectAsync(request));

        Assert.Equal(
            [
                "$.name: longer than 128 characters",
                "$.integrationConfigurationId: does not match ^icfg_[a-zA-Z0-9]+$",
                "$.integrationProductIdOrSlug: matches none of ^iap_[a-zA-Z0-9_]+$, ^[a-z0-9-]+$",
                "$.prepaymentAmountCents: less than 50",
            ],
            error.Violations);
        Assert.IsAssignableFrom<ArgumentException>(error);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Validation_can_be_turned_off()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 400, """{"error":{"code":"bad_request","message":"name too long"}}"""));
        var client = Client(server, o => o.ValidateRequests = false);

        await Assert.ThrowsAsync<BadRequestException>(() => client.Integrations.CreateIntegrationStoreDirectAsync(ValidRequest with { Name = new string('x', 129) }));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_token_the_server_echoes_never_reaches_exception_text()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 403,
            $$$"""{"error":{"code":"forbidden","message":"Token {{{context.Request.Headers.Authorization}}} may not do this"}}"""));
        var client = Client(server, o => o.Retry = RetryOptions.None);

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => client.Integrations.CreateIntegrationStoreDirectAsync(ValidRequest));

        foreach (var text in new[] { error.ToString(), error.Message, error.ResponseBody!, error.ErrorMessage!, error.Error.ToString() })
        {
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        }

        Assert.Contains("***", error.ErrorMessage!, StringComparison.Ordinal);
    }

    private static VercelClient Client(ScriptedServer server, Action<ApiClientOptions>? configure = null)
    {
        var options = new ApiClientOptions { AccessToken = Token, BaseAddress = server.BaseAddress };
        configure?.Invoke(options);
        return new VercelClient(new HttpClient(), options);
    }
}
