using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Specgen.Tests;
using Specgen.Tests.Infrastructure;

namespace Specgen.Benchmarks;

/// <summary>
/// The generator as the compiler runs it: a first run with no cached state (a new driver; the JIT is
/// warm, as it is in a long-lived compiler server or IDE), and a re-run after an edit to C# code.
/// </summary>
public class GeneratorBenchmarks
{
    private SpecFile _spec = null!;
    private SpecFile _fullApi = null!;
    private SpecFile _gitHub = null!;
    private Compilation _compilation = null!;
    private Compilation _edited = null!;
    private GeneratorDriver _afterSpec = null!;
    private GeneratorDriver _afterFullApi = null!;
    private GeneratorDriver _afterGitHub = null!;
    private AdditionalText _gitHubText = null!;

    [GlobalSetup]
    public void Setup()
    {
        _spec = SpecFile.FromRepository();
        _fullApi = new SpecFile("specs/vercel-api.json", Fixtures.Read(Fixtures.VercelApi));
        _gitHub = new SpecFile("specs/github-api.json", Fixtures.Read(Fixtures.GitHubApi));
        _compilation = GeneratorHarness.CreateCompilation("public class User { public int Count; }");
        var tree = _compilation.SyntaxTrees.Single();
        _edited = _compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText("public class User { public int Count; public int Total; }", GeneratorHarness.ParseOptions));
        _afterSpec = Driver(_spec).RunGenerators(_compilation);
        _afterFullApi = Driver(_fullApi).RunGenerators(_compilation);
        _gitHubText = new InMemoryAdditionalText(_gitHub.Path, _gitHub.Text);
        _afterGitHub = GeneratorHarness.CreateDriver([_gitHub], [_gitHubText], trackSteps: false).RunGenerators(_compilation);
    }

    [Benchmark]
    public GeneratorDriver Cold_spec() => Driver(_spec).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver Cold_full_Vercel_API() => Driver(_fullApi).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver Cold_GitHub_API() => Driver(_gitHub).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver Rerun_after_CSharp_edit_spec() => _afterSpec.RunGenerators(_edited);

    [Benchmark]
    public GeneratorDriver Rerun_after_CSharp_edit_full_Vercel_API() => _afterFullApi.RunGenerators(_edited);

    /// <summary>
    /// As the compiler server has it: each build hands the generator new additional-file objects, here with the same
    /// text (the spec did not change), and a C# edit.
    /// </summary>
    [Benchmark]
    public GeneratorDriver Rerun_after_CSharp_edit_new_text_objects_GitHub_API() =>
        _afterGitHub.ReplaceAdditionalText(_gitHubText, new InMemoryAdditionalText(_gitHub.Path, _gitHub.Text)).RunGenerators(_edited);

    /// <summary>The first step of a cold run over GitHub's description (3.6 MB of JSON): its own JSON reader, which the generator uses.</summary>
    [Benchmark]
    public object? Parse_GitHub_API_JSON_reader() =>
        Specgen.Generator.Reading.JsonTextReader.TryRead(_gitHub.Text, new Specgen.Generator.Reading.SourceMap(_gitHub.Path), [], out var root) ? root : null;

    /// <summary>The same text through the YAML reader, which read every spec before JSON had a reader of its own (and still reads YAML).</summary>
    [Benchmark]
    public object? Parse_GitHub_API_YAML_reader() =>
        Specgen.Generator.Reading.YamlReader.Read(_gitHub.Text, new Specgen.Generator.Reading.SourceMap(_gitHub.Path), []);

    private static GeneratorDriver Driver(SpecFile spec) => GeneratorHarness.CreateDriver([spec], trackSteps: false);
}
