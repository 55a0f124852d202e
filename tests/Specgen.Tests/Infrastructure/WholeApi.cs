using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Specgen.Tests.Infrastructure;

/// <summary>What the tests over a real API's whole spec (Vercel's, GitHub's) check alike.</summary>
public static class WholeApi
{
    /// <summary>The generator ran, reported no error, and its output compiles without errors or warnings.</summary>
    public static void CompilesCleanly(GeneratorRun run)
    {
        Assert.Null(run.Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.DefaultSeverity == DiagnosticSeverity.Error);
        var problems = run.CompileDiagnostics();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    /// <summary>How many operations the spec's paths hold.</summary>
    public static int Operations(string specJson) =>
        JsonNode.Parse(specJson)!["paths"]!.AsObject()
            .Sum(path => path.Value!.AsObject().Count(p => p.Key is "get" or "put" or "post" or "delete" or "patch" or "head" or "options" or "trace"));

    /// <summary>The names of the client's <c>…Async</c> methods.</summary>
    public static List<string> ClientMethods(GeneratorRun run, string client) =>
        run.Output.GetTypeByMetadataName(client)!.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => m.Name).ToList();
}
