using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
        var configurations = await client.Integrations.GetConfigurationsAsync(View.Account);

        Assert.IsType<VercelClient>(client);
        Assert.False(configurations.IsUnknown);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task AddVercelClient_leaves_redirects_to_the_client_so_the_token_follows_to_the_same_origin_only()
    {
        // HttpClient's own following drops Authorization on every redirect and forwards the other
        // headers anywhere; the registered client follows them itself.
        await using var elsewhere = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 200, "{\"configurations\":[]}"));
        await using var origin = await ScriptedServer.StartAsync((context, n) =>
        {
            context.Response.Headers.Location = n == 0 ? "/moved" : new Uri(elsewhere.BaseAddress, "/mirror").AbsoluteUri;
            return ScriptedServer.Reply(context, 302, "{}");
        });
        var services = new ServiceCollection();
        services.AddVercelClient(options => (options.AccessToken, options.BaseAddress) = (EmulatorSeed.Token, origin.BaseAddress));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IVercelClient>().Integrations.GetConfigurationsAsync(View.Account);

        Assert.Equal(["/v1/integrations/configurations?view=account", "/moved"], origin.Requests.Select(r => r.PathAndQuery));
        Assert.All(origin.Requests, r => Assert.Equal("Bearer " + EmulatorSeed.Token, r.Authorization));
        Assert.Null(Assert.Single(elsewhere.Requests).Authorization);
    }

    [Fact]
    public void Before_Microsoft_Extensions_Http_8_the_registration_replaces_the_primary_handler_with_one_that_does_not_follow_redirects()
    {
        // Version 8 added the overload that configures the factory's own primary handler; an older
        // package has only the one that replaces it. A stand-in of version 6 with that surface alone:
        var standIn = CSharpCompilation.Create(
            "Microsoft.Extensions.Http",
            [CSharpSyntaxTree.ParseText("""
                [assembly: System.Reflection.AssemblyVersion("6.0.0.0")]
                namespace Microsoft.Extensions.DependencyInjection
                {
                    public interface IHttpClientBuilder { string Name { get; } IServiceCollection Services { get; } }
                    public static class HttpClientFactoryServiceCollectionExtensions
                    {
                        public static IHttpClientBuilder AddHttpClient<TClient, TImplementation>(this IServiceCollection services, System.Func<System.Net.Http.HttpClient, System.IServiceProvider, TImplementation> factory)
                            where TClient : class where TImplementation : class, TClient => null!;
                    }
                    public static class HttpClientBuilderExtensions
                    {
                        public static IHttpClientBuilder ConfigurePrimaryHttpMessageHandler(this IHttpClientBuilder builder, System.Func<System.Net.Http.HttpMessageHandler> configureHandler) => builder;
                    }
                }
                """, GeneratorHarness.ParseOptions)],
            GeneratorHarness.CreateCompilation(string.Empty).References.Append(MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        Assert.True(standIn.Emit(image).Success);
        var extra = new[] { MetadataReference.CreateFromImage(image.ToArray()), MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location) };

        var run = GeneratorHarness.Run([SpecFile.FromRepository()], "class Placeholder { }", extra);

        var registration = Assert.Single(run.Sources, s => s.HintName.EndsWith(".DependencyInjection.g.cs", StringComparison.Ordinal));
        Assert.Contains("new global::System.Net.Http.HttpClientHandler { AllowAutoRedirect = false }", registration.SourceText.ToString(), StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics());
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
                var result = await client.Integrations.GetConfigurationsAsync(View.Account, cancellationToken: cancellationToken);
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
