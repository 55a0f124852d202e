using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project tests/Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Benchmarks -- compile-cost vercel (what the compiler pays for the generated code)
if (args.Length > 0 && args[0] == "compile-cost")
{
    return Specgen.Benchmarks.CompileCost.Run(args);
}

// In process: BenchmarkDotNet's generated project would inherit the repository's build settings.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumn(RankColumn.Arabic)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(Specgen.Benchmarks.GeneratorBenchmarks).Assembly).Run(args, config);
return 0;
