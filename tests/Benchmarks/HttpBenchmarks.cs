using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Specgen.Runtime;
using Vercel;

namespace Specgen.Benchmarks;

/// <summary>
/// One create-store call over loopback against a minimal Kestrel endpoint that answers with the 9 KB
/// store: the generated client, against raw HttpClient + System.Text.Json sending the same request and
/// reading the same generated type.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class HttpBenchmarks
{
    private const string TeamId = "team_1a2b3c4d5e6f7g8h9i0j1k2l";
    private WebApplication _server = null!;
    private HttpClient _http = null!;
    private VercelClient _client = null!;
    private CreateIntegrationStoreDirectRequest _request = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var store = JsonBenchmarks.StoreResponse();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.MapPost("/v1/storage/stores/integration/direct", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(store);
        });
        await _server.StartAsync();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
        _client = new VercelClient(_http, new ApiClientOptions { AccessToken = "token" });
        _request = new CreateIntegrationStoreDirectRequest
        {
            Name = "vectors",
            IntegrationConfigurationId = "icfg_cuwj0AdCdH3BwWT4LPijCC7t",
            IntegrationProductIdOrSlug = "iap_vector_index",
        };
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<CreateIntegrationStoreDirectResponse?> Raw_HttpClient_and_System_Text_Json()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "v1/storage/stores/integration/direct?teamId=" + TeamId)
        {
            Content = JsonContent.Create(_request),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token");
        using var response = await _http.SendAsync(message);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CreateIntegrationStoreDirectResponse>();
    }

    [Benchmark]
    public Task<CreateIntegrationStoreDirectResponse> Generated_client() =>
        _client.Integrations.CreateIntegrationStoreDirectAsync(_request, teamId: TeamId);
}
