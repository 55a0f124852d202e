using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// Every file generated for spec/, and for each fixture that pins a modelling feature, is compared with its
/// checked-in snapshot (Snapshots/{name}/), so a failing snapshot says which output changed.
/// </summary>
public class GeneratorSnapshotTests
{
    [Fact]
    public void Generated_files_match_their_snapshots() => CheckAll(SpecFile.FromRepository(), "VercelIntegrationStores");

    [Theory]
    [InlineData("formats.yaml")]
    [InlineData("enums.yaml")]
    [InlineData("inheritance.yaml")]
    [InlineData("directions.yaml")]
    [InlineData("openapi31.yaml")]
    [InlineData("bodies.yaml")]
    [InlineData("parameters.yaml")]
    [InlineData("security.yaml")]
    [InlineData("paging.yaml")]
    public void A_fixture_s_generated_files_match_their_snapshots(string fixture) =>
        CheckAll(CompiledSpec.Fixture(fixture), Path.GetFileNameWithoutExtension(fixture));

    private static void CheckAll(SpecFile spec, string name)
    {
        var directory = Path.Combine(Repository.TestsDirectory, "Snapshots", name);
        var run = GeneratorHarness.Run(spec);
        Assert.Null(run.Exception);
        Assert.NotEmpty(run.Sources);

        var failures = run.Sources
            .Select(source => Snapshot.Check(directory, Path.GetFileNameWithoutExtension(source.HintName), source.SourceText.ToString()))
            .Where(failure => failure is not null)
            .ToList();

        // A snapshot with no generated file behind it means a type disappeared.
        var generated = run.Sources.Select(s => Path.GetFileNameWithoutExtension(s.HintName) + ".verified.cs").ToHashSet();
        failures.AddRange(Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.verified.cs").Select(Path.GetFileName).Where(f => !generated.Contains(f!)).Select(f => $"{f}: snapshot has no generated file")
            : []);

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public void Snapshot_check_fails_on_a_single_changed_character()
    {
        var directory = Path.Combine(Path.GetTempPath(), "specgen-snapshot-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "Sample.verified.cs"), "class A { }\n");

            Assert.Null(Snapshot.Check(directory, "Sample", "class A { }\n", accept: false));
            var failure = Snapshot.Check(directory, "Sample", "class B { }\n", accept: false);

            Assert.NotNull(failure);
            Assert.Contains("- 1: class A { }", failure);
            Assert.Contains("+ 1: class B { }", failure);
            Assert.True(File.Exists(Path.Combine(directory, "Sample.received.cs")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Output_is_the_same_on_every_run()
    {
        var first = GeneratorHarness.Run(SpecFile.FromRepository()).Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        var second = GeneratorHarness.Run(SpecFile.FromRepository()).Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        Assert.Equal(first, second);
    }
}
