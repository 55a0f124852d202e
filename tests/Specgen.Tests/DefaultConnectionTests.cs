using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// A client made without an HttpClient sends with the runtime's shared one, which follows no redirect
/// itself: the client's own rule applies, and an API key never follows a redirect to another host.
/// </summary>
public class DefaultConnectionTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("paging.yaml"));

    [Fact]
    public async Task A_client_made_with_options_alone_calls_the_base_address_and_keeps_the_token_from_another_host()
    {
        await using var elsewhere = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 200, """{"teams":[],"pagination":{"count":0,"next":null,"prev":null}}"""));
        await using var server = await ScriptedServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(elsewhere.BaseAddress, "/v2/teams").ToString();
            return Task.CompletedTask;
        });
        var client = Activator.CreateInstance(Spec.Value.Type("PagingClient"), new ApiClientOptions { AccessToken = "secret-token", BaseAddress = server.BaseAddress, Retry = RetryOptions.None })!;

        await CompiledSpec.CallAsync(client, "Teams.GetTeamsAsync", null, null, null, CancellationToken.None);

        Assert.Equal("Bearer secret-token", Assert.Single(server.Requests).Authorization);
        Assert.Null(Assert.Single(elsewhere.Requests).Authorization);
    }

    [Fact]
    public void Every_client_made_without_an_HttpClient_shares_one_that_follows_no_redirect_itself()
    {
        var handler = typeof(HttpMessageInvoker).GetField("_handler", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .GetValue(Specgen.Runtime.Infrastructure.ApiConnection.Shared);

        var sockets = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.False(sockets.AllowAutoRedirect);
        Assert.Equal(TimeSpan.FromMinutes(2), sockets.PooledConnectionLifetime);
        Assert.Same(Specgen.Runtime.Infrastructure.ApiConnection.Shared, Specgen.Runtime.Infrastructure.ApiConnection.Shared);
    }
}
