using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Specgen.Tests;
using Vercel;

namespace Specgen.Benchmarks;

/// <summary>
/// A realistic 200 response (a store whose metadataSchema uses every control variant, 9 KB) read and
/// written with the generated types through the generated <c>VercelJson</c> context (what the client
/// does), against a hand-written System.Text.Json source-generated model of the same payload.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonBenchmarks
{
    private byte[] _json = null!;
    private CreateIntegrationStoreDirectResponse _generated = null!;
    private Baseline.Response _baseline = null!;

    public static byte[] StoreResponse() => Fixtures.ReadBytes("store-response.json");

    [GlobalSetup]
    public void Setup()
    {
        _json = StoreResponse();
        _generated = JsonSerializer.Deserialize(_json, VercelJson.Default.CreateIntegrationStoreDirectResponse)!;
        _baseline = JsonSerializer.Deserialize(_json, Baseline.BaselineJson.Default.Response)!;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Deserialize")]
    public Baseline.Response? Deserialize_handwritten_source_generated() => JsonSerializer.Deserialize(_json, Baseline.BaselineJson.Default.Response);

    [Benchmark]
    [BenchmarkCategory("Deserialize")]
    public CreateIntegrationStoreDirectResponse? Deserialize_generated() => JsonSerializer.Deserialize(_json, VercelJson.Default.CreateIntegrationStoreDirectResponse);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Serialize")]
    public byte[] Serialize_handwritten_source_generated() => JsonSerializer.SerializeToUtf8Bytes(_baseline, Baseline.BaselineJson.Default.Response);

    [Benchmark]
    [BenchmarkCategory("Serialize")]
    public byte[] Serialize_generated() => JsonSerializer.SerializeToUtf8Bytes(_generated, VercelJson.Default.CreateIntegrationStoreDirectResponse);
}
