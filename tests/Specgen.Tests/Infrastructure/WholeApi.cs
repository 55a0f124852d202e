using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

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

    /// <summary>A method of the client or of one of its sub-clients, by its name in <see cref="ClientMethods"/>.</summary>
    public static IMethodSymbol ClientMethod(GeneratorRun run, string client, string name)
    {
        var root = run.Output.GetTypeByMetadataName(client)!;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var owner = dot < 0 ? root : (INamedTypeSymbol)root.GetMembers(name[..dot]).OfType<IPropertySymbol>().Single().Type;
        return owner.GetMembers(name[(dot + 1)..]).OfType<IMethodSymbol>().Single();
    }

    /// <summary>The names of the client's methods that make one call (not the paged ones), its sub-clients' as <c>Group.MethodAsync</c>.</summary>
    public static List<string> ClientMethods(GeneratorRun run, string client)
    {
        var root = run.Output.GetTypeByMetadataName(client)!;
        static IEnumerable<string> Methods(INamedTypeSymbol type) =>
            type.GetMembers().OfType<IMethodSymbol>().Where(m => m.ReturnType.Name == "ApiCall").Select(m => m.Name);
        var groups = root.GetMembers().OfType<IPropertySymbol>().Where(p => SymbolEqualityComparer.Default.Equals(p.Type.ContainingType, root));
        return Methods(root).Concat(groups.SelectMany(g => Methods((INamedTypeSymbol)g.Type).Select(m => g.Name + "." + m))).ToList();
    }

    /// <summary>
    /// Every type name is at most 48 characters and repeats no run of words; the longest and median names
    /// (types and methods) go to the test's output, as docs/naming.md quotes them.
    /// </summary>
    public static void NamesReadWell(GeneratorRun run, string ns, ITestOutputHelper output)
    {
        var types = Names.DeclaredTypes(run, ns).Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
        var methods = Names.DeclaredTypes(run, ns).SelectMany(t => t.GetMembers()).OfType<IMethodSymbol>()
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => m.Name).Distinct(StringComparer.Ordinal).ToList();
        output.WriteLine("types: " + Names.Summary(types));
        output.WriteLine("methods: " + Names.Summary(methods));

        Assert.True(types.Count > 500, $"only {types.Count} types");
        var tooLong = types.Where(n => n.Length > 48).OrderByDescending(n => n.Length).ToList();
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} longer than 48:\n" + string.Join("\n", tooLong.Take(40)));
        // A method's Async is .NET's suffix, not a word of its name: GitHub's merge-async is MergeAsyncAsync.
        var repeating = types.Concat(methods.Select(m => m[..^"Async".Length])).Select(n => (Name: n, Run: Names.RepeatedRun(n))).Where(p => p.Run is not null).ToList();
        Assert.True(repeating.Count == 0, $"{repeating.Count} repeat words:\n" + string.Join("\n", repeating.Take(60).Select(p => $"{p.Name} ({p.Run})")));
    }
}
