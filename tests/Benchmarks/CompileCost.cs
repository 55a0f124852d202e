using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Specgen.Tests;
using Specgen.Tests.Infrastructure;

namespace Specgen.Benchmarks;

/// <summary>
/// What the compiler pays for the generated code, measured in process with the JIT and Roslyn warm (as in
/// the compiler server):
/// <code>
/// dotnet run -c Release --project tests/Benchmarks -- compile-cost vercel [--write DIR] [--from DIR[,DIR…]] [--runs N] [--include-operations ID;ID…]
/// </code>
/// Generates the spec's client (vercel, github or a path), or reads the <c>.cs</c> files of each <c>--from</c> directory (to
/// measure hand-edited variants, compiled in turn so each sees the machine as the others do), then compiles them to IL <c>--runs</c> times (5, after two warm-ups) and
/// prints the median of parsing, of declaring (the declaration diagnostics) and of binding and emitting,
/// with the size. <c>--write</c> keeps the generated files; <c>--include-operations</c> is the item's
/// <c>IncludeOperations</c> filter (a project that calls a few of a big API's operations).
/// </summary>
public static class CompileCost
{
    /// <summary>As a project without a documentation file builds: doc comments are trivia.</summary>
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest, DocumentationMode.None);

    public static int Run(string[] args)
    {
        var spec = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : "vercel";
        var write = Option(args, "--write");
        var from = Option(args, "--from");
        var runs = int.Parse(Option(args, "--runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture);

        // Several variants (--from A,B) are compiled in turn, so each sees the machine as the others do.
        var variants = from is not null
            ? from.Split(',').Select(d => (Name: d, Sources: Read(d))).ToList()
            : [(Name: spec, Sources: Generate(spec, Option(args, "--include-operations")))];
        if (write is not null)
        {
            Directory.CreateDirectory(write);
            foreach (var (name, text) in variants[0].Sources)
            {
                File.WriteAllText(Path.Combine(write, name), text);
            }
        }

        var times = variants.Select(_ => (Parse: new List<double>(), Declare: new List<double>(), Emit: new List<double>())).ToList();
        for (var i = 0; i < runs + 2; i++)
        {
            for (var v = 0; v < variants.Count; v++)
            {
                var sources = variants[v].Sources;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var clock = Stopwatch.StartNew();
                var trees = sources.AsParallel().AsOrdered()
                    .Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text), Parse, s.Name))
                    .ToList();
                var parsed = clock.Elapsed.TotalSeconds;
                var compilation = GeneratorHarness.CreateCompilation("class Placeholder { }").AddSyntaxTrees(trees);
                compilation.GetDeclarationDiagnostics();
                var declared = clock.Elapsed.TotalSeconds;
                using var stream = new MemoryStream();
                var result = compilation.Emit(stream);
                var emitted = clock.Elapsed.TotalSeconds;
                var problems = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (problems.Count > 0)
                {
                    foreach (var problem in problems.Take(20))
                    {
                        Console.WriteLine(problem);
                    }

                    Console.WriteLine($"{variants[v].Name}: {problems.Count} errors");
                    return 1;
                }

                Console.WriteLine($"{variants[v].Name} run {i + 1}{(i < 2 ? " (warm-up)" : "")}: parse {parsed:F2} s, declare {declared - parsed:F2} s, bind and emit {emitted - declared:F2} s, total {emitted:F2} s; IL {stream.Length:N0} bytes");
                if (i >= 2)
                {
                    times[v].Parse.Add(parsed);
                    times[v].Declare.Add(declared - parsed);
                    times[v].Emit.Add(emitted - declared);
                }
            }
        }

        for (var v = 0; v < variants.Count; v++)
        {
            var (sources, (p, d, e)) = (variants[v].Sources, times[v]);
            Console.WriteLine($"{variants[v].Name}: {sources.Count} files, {sources.Sum(s => s.Text.Count(c => c == '\n')):N0} lines, {sources.Sum(s => (long)s.Text.Length):N0} chars; "
                + $"median parse {Median(p):F2} s, declare {Median(d):F2} s, bind and emit {Median(e):F2} s, total {Median(p) + Median(d) + Median(e):F2} s");
        }

        return 0;
    }

    private static List<(string Name, string Text)> Generate(string spec, string? includeOperations)
    {
        var file = spec switch
        {
            "vercel" => new SpecFile("specs/vercel-api.json", Fixtures.Read(Fixtures.VercelApi)),
            "github" => new SpecFile("specs/github-api.json", Fixtures.Read(Fixtures.GitHubApi)),
            _ => new SpecFile(Path.GetFileName(spec), File.ReadAllText(spec)),
        };
        if (includeOperations is not null)
        {
            file = file with { Items = new Dictionary<string, string> { ["IncludeOperations"] = includeOperations } };
        }

        var run = GeneratorHarness.Run(file);
        foreach (var diagnostic in run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            Console.WriteLine(diagnostic);
        }

        return run.Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
    }

    private static List<(string Name, string Text)> Read(string directory) =>
        Directory.GetFiles(directory, "*.cs").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
