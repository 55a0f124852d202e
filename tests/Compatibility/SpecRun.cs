using Microsoft.CodeAnalysis;
using Specgen.Tests.Infrastructure;

namespace Specgen.Compatibility;

/// <summary>How one spec fared.</summary>
internal enum Outcome
{
    /// <summary>Code was generated and compiles with no errors.</summary>
    Compiles,

    /// <summary>No code, and error diagnostics that say why (a Swagger 2.0 document, say).</summary>
    Refused,

    /// <summary>Code was generated and does not compile: a Specgen bug.</summary>
    CompileErrors,

    /// <summary>No code and no error: a Specgen bug.</summary>
    Silent,

    /// <summary>The generator threw, or reported SPECGEN000: a Specgen bug.</summary>
    Exception,
}

/// <param name="Diagnostics">The generator's diagnostics by id, with how often each was reported.</param>
/// <param name="Reason">For anything but a clean compile: the first error, or the first warning.</param>
internal sealed record SpecResult(
    string Name,
    long Bytes,
    Outcome Outcome,
    int Methods,
    int Types,
    int CompileWarnings,
    IReadOnlyList<(string Id, int Count)> Diagnostics,
    string? Reason)
{
    /// <summary>The faked-response oracle's findings (none for a spec that does not compile).</summary>
    public OracleResult Oracle { get; init; } = OracleResult.None;

    /// <summary>Each SPECGEN005 (not supported) the spec got, as <c>file(line): message</c>.</summary>
    public IReadOnlyList<string> Unsupported { get; init; } = [];
}

/// <summary>Runs the generator over one spec the way the compiler does, and compiles what it made.</summary>
internal static class SpecRun
{
    public static SpecResult Run(string corpus, string path)
    {
        var name = Path.GetRelativePath(corpus, path).Replace('\\', '/');
        var bytes = new FileInfo(path).Length;
        try
        {
            // The spec by its own path, so references to the files beside it resolve; those files as the
            // compilation's other files, as the package adds them.
            var parts = Corpus.Parts(corpus, path).Select(part => new SpecFile(part, File.ReadAllText(part), IsMarked: false));
            var run = GeneratorHarness.Run(parts.Prepend(new SpecFile(path, File.ReadAllText(path), Namespace: "Corpus", ClientName: null)).ToArray());
            if (Environment.GetEnvironmentVariable("SPECGEN_DUMP") is { Length: > 0 } dump)
            {
                // SPECGEN_DUMP=DIR writes the generated files, for finding what a compile error is about.
                foreach (var tree in run.Result.GeneratedTrees)
                {
                    Directory.CreateDirectory(dump);
                    File.WriteAllText(Path.Combine(dump, Path.GetFileName(tree.FilePath)), tree.ToString());
                }
            }

            var result = Classify(name, bytes, run);
            return result.Outcome == Outcome.Compiles && Client(run) is { } client ? result with { Oracle = Oracle.Check(path, run, client) } : result;
        }
        catch (Exception e)
        {
            return new SpecResult(name, bytes, Outcome.Exception, 0, 0, 0, [], e.GetType().Name + ": " + e.Message);
        }
    }

    private static SpecResult Classify(string name, long bytes, GeneratorRun run)
    {
        var generator = run.Diagnostics;
        var byId = generator.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
        var generatorErrors = generator.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error).ToList();

        // The harness compiles with every warning as an error; a real error is one that was not a warning.
        var compile = run.CompileDiagnostics();
        var compileErrors = compile.Where(d => !d.IsWarningAsError).ToList();
        var client = Client(run);
        var methods = client is null ? 0 : ClientMethods(client).Count(m => m.Name.EndsWith("Async", StringComparison.Ordinal));
        var types = Math.Max(0, run.Sources.Count - 1);

        var (outcome, reason) = run.Exception is { } exception ? (Outcome.Exception, exception.GetType().Name + ": " + exception.Message)
            : generator.FirstOrDefault(d => d.Id == "SPECGEN000") is { } internalError ? (Outcome.Exception, internalError.GetMessage())
            : run.Sources.Count == 0 && generatorErrors.Count > 0 ? (Outcome.Refused, Describe(generatorErrors[0]))
            : run.Sources.Count == 0 ? (Outcome.Silent, "no code and no error")
            : compileErrors.Count > 0 ? (Outcome.CompileErrors, Describe(compileErrors[0]))
            : (Outcome.Compiles, compile.FirstOrDefault() is { } warning ? Describe(warning) : generator.FirstOrDefault() is { } first ? Describe(first) : null);

        return new SpecResult(name, bytes, outcome, methods, types, compile.Count - compileErrors.Count, byId, reason)
        {
            Unsupported = generator.Where(d => d.Id == "SPECGEN005").Select(Describe).ToList(),
        };
    }

    /// <summary>The methods of the client and of its sub-clients (the classes nested in it, one per tag).</summary>
    public static IEnumerable<IMethodSymbol> ClientMethods(INamedTypeSymbol client) =>
        client.GetMembers().OfType<IMethodSymbol>().Concat(client.GetTypeMembers().SelectMany(t => t.GetMembers().OfType<IMethodSymbol>()));

    /// <summary>The generated client: the class that implements its own I-interface.</summary>
    private static INamedTypeSymbol? Client(GeneratorRun run) =>
        run.Sources.Count == 0 ? null : run.TypesIn("Corpus").FirstOrDefault(t => t.TypeKind == TypeKind.Class && t.Interfaces.Any(i => i.Name == "I" + t.Name));

    private static string Describe(Diagnostic diagnostic)
    {
        var line = diagnostic.Location.GetLineSpan();
        var where = line.IsValid ? $"{Path.GetFileName(line.Path)}({line.StartLinePosition.Line + 1}): " : string.Empty;
        return $"{where}{diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
