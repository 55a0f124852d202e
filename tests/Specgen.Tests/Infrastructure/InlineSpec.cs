using Xunit;

namespace Specgen.Tests.Infrastructure;

/// <summary>A spec written inline in a test (as <c>specs/x.yaml</c>, namespace <c>Fixture</c>), and checks on what it generates.</summary>
public static class InlineSpec
{
    public static GeneratorRun Generate(string yaml) =>
        GeneratorHarness.Run(new SpecFile("specs/x.yaml", yaml, Namespace: "Fixture", ClientName: null));

    /// <summary>The generator did not throw, made code, and the code compiles with no warnings.</summary>
    public static void AssertCompiles(GeneratorRun run)
    {
        Assert.Null(run.Exception);
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompileDiagnostics());
    }
}
