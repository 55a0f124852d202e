using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Specgen.Generator;

namespace Specgen.Tests.Infrastructure;

/// <summary>Runs the generator the way the compiler does, with CSharpGeneratorDriver, and compiles its output.</summary>
public static class GeneratorHarness
{
    /// <summary>C# 12, with documentation comments checked as a project with a documentation file has them.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    /// <summary>The framework the tests run on, plus Specgen.Runtime: what a consumer compiles against.</summary>
    public static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static GeneratorRun Run(params SpecFile[] specs) => Run(specs, "class Placeholder { }");

    public static GeneratorRun Run(IReadOnlyList<SpecFile> specs, string userCode, IEnumerable<MetadataReference>? extraReferences = null, ImmutableDictionary<string, string>? globalOptions = null)
    {
        var compilation = CreateCompilation(userCode).AddReferences(extraReferences ?? []);
        GeneratorDriver driver = CreateDriver(specs, globalOptions: globalOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, generatorDiagnostics);
    }

    public static CSharpGeneratorDriver CreateDriver(IReadOnlyList<SpecFile> specs, bool trackSteps = true, ImmutableDictionary<string, string>? globalOptions = null) =>
        CreateDriver(specs, specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray(), trackSteps, globalOptions);

    /// <summary>A driver over <paramref name="texts"/> (kept by the caller, to replace one later) with the metadata of <paramref name="specs"/>.</summary>
    public static CSharpGeneratorDriver CreateDriver(IReadOnlyList<SpecFile> specs, ImmutableArray<AdditionalText> texts, bool trackSteps = true, ImmutableDictionary<string, string>? globalOptions = null)
    {
        var options = Options(specs, globalOptions);
        return CSharpGeneratorDriver.Create(
            new[] { new SpecgenGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    public static TestOptionsProvider Options(IReadOnlyList<SpecFile> specs, ImmutableDictionary<string, string>? globalOptions = null) =>
        new(specs.ToImmutableDictionary(s => s.Path, s => s.Metadata()), globalOptions);

    public static CSharpCompilation CreateCompilation(string userCode) =>
        CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(userCode, ParseOptions) },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error)
                // The tests' own code has no doc comments; generated code's other documentation warnings count.
                .WithSpecificDiagnosticOptions([new KeyValuePair<string, ReportDiagnostic>("CS1591", ReportDiagnostic.Suppress)]));

    /// <summary>The framework the tests run on, plus Specgen.Runtime: what a consumer compiles against.</summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(Specgen.Runtime.Infrastructure.ApiConnection).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}

/// <summary>One run's results: generated sources, generator diagnostics, and the compilation with them.</summary>
public sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources).ToList();

    private Compilation? _checked;

    /// <summary>
    /// <see cref="Output"/> with nullable warnings on in the generated files too: they turn them off
    /// (<c>#nullable disable warnings</c>) so users' builds skip the flow analysis of generated bodies, and the tests
    /// run it, so the generated code stays null-correct. The same code otherwise, line for line.
    /// </summary>
    public Compilation Checked => _checked ??= WithNullableWarnings(Output, Result.GeneratedTrees);

    /// <summary>Errors and warnings from compiling the generated code, nullable ones included (the compilation treats warnings as errors).</summary>
    public IReadOnlyList<Diagnostic> CompileDiagnostics() =>
        Checked.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>The generator's header line (<c>CSharp.NullableWarnings</c>; the compatibility run shares this file and cannot see it).</summary>
    private const string NullableWarningsOff = "#nullable disable warnings";

    internal static Compilation WithNullableWarnings(Compilation compilation, IEnumerable<SyntaxTree> generated)
    {
        var swapped = 0;
        foreach (var tree in generated)
        {
            var text = tree.GetText().ToString();
            var on = text.Replace(NullableWarningsOff, "#nullable enable warnings", StringComparison.Ordinal);
            if (!ReferenceEquals(on, text))
            {
                compilation = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(on, (CSharpParseOptions)tree.Options, tree.FilePath));
                swapped++;
            }
        }

        // A header that no longer says it would leave the check silently off.
        return swapped > 0 || !generated.Any() ? compilation
            : throw new InvalidOperationException($"No generated file turns nullable warnings off with '{NullableWarningsOff}': the nullable check would not run.");
    }

    public Exception? Exception => Result.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);

    /// <summary>The text of the generated file of <paramref name="typeName"/>.</summary>
    public string SourceOf(string typeName) =>
        Sources.Single(s => s.HintName.EndsWith("." + typeName + ".g.cs", StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>The top-level types the compilation declares in namespace <paramref name="ns"/>, which must exist.</summary>
    public IEnumerable<INamedTypeSymbol> TypesIn(string ns) =>
        Output.Assembly.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == ns).GetTypeMembers();
}
