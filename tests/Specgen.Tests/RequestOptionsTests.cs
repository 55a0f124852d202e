using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// Every generated method takes <c>ApiRequestOptions</c> (headers, a timeout, a retry policy) before its
/// token, and the client's <c>DefaultParameters</c> fill the shared parameters a call leaves out; against Kestrel.
/// </summary>
public class RequestOptionsTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("parameters.yaml"));

    private static object Client(ScriptedServer server, ApiClientOptions? options = null) =>
        Activator.CreateInstance(Spec.Value.Type("ParametersClient"), new HttpClient { BaseAddress = server.BaseAddress }, options ?? new ApiClientOptions { Retry = RetryOptions.None })!;

    [Fact]
    public void Every_method_takes_request_options_just_before_its_token()
    {
        Assert.All(
            Spec.Value.Type("ParametersClient").GetMethods().Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)),
            method =>
            {
                var parameters = method.GetParameters();
                Assert.Equal(typeof(ApiRequestOptions), parameters[^2].ParameterType);
                Assert.Equal("requestOptions", parameters[^2].Name);
                Assert.True(parameters[^2].IsOptional);
            });
    }

    [Fact]
    public async Task A_call_s_headers_are_sent_and_replace_the_operation_s_own()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));
        var options = new ApiRequestOptions { Headers = { ["X-Trace"] = "t-1", ["X-Flags"] = "mine" } };

        await CompiledSpec.CallAsync(Client(server), "GetItemsAsync", [new[] { 1L }, null, null, null, null, new[] { "spec" }, options, CancellationToken.None]);

        var request = Assert.Single(server.Requests);
        Assert.Equal("t-1", request.Headers["X-Trace"]);
        Assert.Equal("mine", request.Headers["X-Flags"]);
    }

    [Fact]
    public async Task A_call_s_retry_policy_replaces_the_client_s()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 503, "{}"));
        var options = new ApiRequestOptions { Retry = new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1) } };

        await Assert.ThrowsAnyAsync<ApiException>(() => CompiledSpec.CallAsync(Client(server), "GetProjectAsync", ["p", null, null, options, CancellationToken.None]));

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_call_that_outlasts_its_timeout_is_cancelled_as_a_timeout()
    {
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            await ScriptedServer.Reply(context, 204, string.Empty);
        });
        var options = new ApiRequestOptions { Timeout = TimeSpan.FromMilliseconds(200) };

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => CompiledSpec.CallAsync(Client(server), "GetProjectAsync", ["p", null, null, options, CancellationToken.None]));

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains("GET /projects/p", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_parameters_fill_what_a_call_leaves_out_in_its_place_and_a_call_s_own_value_wins()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));
        var options = new ApiClientOptions { DefaultParameters = { ["statusCode"] = "200", ["X-Flags"] = "default", ["unused"] = "x" } };
        var client = Client(server, options);

        await CompiledSpec.CallAsync(client, "GetProjectAsync", ["p", null, new[] { "a.com" }, CancellationToken.None]);
        await CompiledSpec.CallAsync(client, "GetProjectAsync", ["p", "404", null, CancellationToken.None]);
        await CompiledSpec.CallAsync(client, "GetItemsAsync", [new[] { 1L }, null, null, null, null, null, CancellationToken.None]);

        Assert.Equal("/projects/p?statusCode=200&domain=a.com", server.Requests[0].PathAndQuery);
        Assert.Equal("/projects/p?statusCode=404", server.Requests[1].PathAndQuery);
        Assert.Equal("/items/1", server.Requests[2].PathAndQuery);
        Assert.Equal("default", server.Requests[2].Headers["X-Flags"]);
    }
}
