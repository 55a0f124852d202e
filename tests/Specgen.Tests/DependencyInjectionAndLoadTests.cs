using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Vercel;
using Vercel.Emulator;
using Xunit;

namespace Specgen.Tests;

/// <summary>The DI registration (only where Microsoft.Extensions.Http is referenced) and a load run against the emulator.</summary>
public class DependencyInjectionAndLoadTests
{
    [Fact]
    public void The_DI_registration_is_emitted_only_when_Microsoft_Extensions_Http_is_referenced()
    {
        var without = GeneratorHarness.Run(SpecFile.FromRepository());
        var httpFactory = typeof(HttpClientFactoryServiceCollectionExtensions).Assembly;
        var extra = new[] { httpFactory, typeof(IServiceCollection).Assembly, typeof(Microsoft.Extensions.Options.IOptions<>).Assembly }
            .Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location));
        var with = GeneratorHarness.Run([SpecFile.FromRepository()], "class Placeholder { }", extra);

        Assert.DoesNotContain(without.Sources, s => s.HintName.Contains("DependencyInjection", StringComparison.Ordinal));
        Assert.Contains(with.Sources, s => s.HintName == "vercel_integration_stores.VercelClient.DependencyInjection.g.cs");
        Assert.Empty(with.CompileDiagnostics());
    }

    [Fact]
    public async Task AddVercelClient_registers_a_typed_client_whose_builder_takes_handlers()
    {
        await using var emulator = await VercelEmulator.StartAsync();
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        services.AddVercelClient(options => (options.AccessToken, options.BaseAddress) = (EmulatorSeed.Token, emulator.BaseAddress))
            .AddHttpMessageHandler(() => counter);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IVercelClient>();
        var configurations = await client.GetConfigurationsAsync(View.Account);

        Assert.IsType<VercelClient>(client);
        Assert.False(configurations.IsUnknown);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task Ten_thousand_calls_at_64_concurrent_all_succeed_over_a_bounded_set_of_connections()
    {
        await using var emulator = await VercelEmulator.StartAsync(new EmulatorOptions { RateLimit = 1_000_000 });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
        var client = new VercelClient(http, new ApiClientOptions { AccessToken = EmulatorSeed.Token, BaseAddress = emulator.BaseAddress });
        var failures = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 10_000), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, cancellationToken) =>
        {
            try
            {
                var result = await client.GetConfigurationsAsync(View.Account, cancellationToken: cancellationToken);
                if (result.IsUnknown)
                {
                    Interlocked.Increment(ref failures);
                }
            }
            catch (ApiException)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
        Assert.Equal(10_000, emulator.RequestCount);
        Assert.InRange(emulator.ConnectionCount, 1, 64);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public int Count => _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
