using Microsoft.CodeAnalysis;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// Specs split across files (Specs/multifile): references between files are followed relative to the
/// file they are in, and the client is the one the same spec written as one file gives.
/// </summary>
public class MultiFileTests
{
    private static readonly string[] Parts = ["common.yaml", "schemas/pet.yaml", "schemas/cat.yaml", "schemas/dog.yaml", "paths/pet-by-id.yaml"];

    /// <summary>multifile/api.yaml as the spec, and the files beside it as the compilation's other files.</summary>
    private static SpecFile[] MultiFile(Func<string, string, string>? edit = null) =>
        Parts.Prepend("api.yaml")
            .Select(name => new SpecFile("Specs/multifile/" + name, (edit ?? ((_, text) => text))(name, Read("multifile/" + name)), "Fixture", ClientName: null, IsMarked: name == "api.yaml"))
            .ToArray();

    private static string Read(string name) => File.ReadAllText(Path.Combine(Repository.TestsDirectory, "Specs", name));

    [Fact]
    public void A_spec_split_across_files_generates_the_same_client_as_its_bundled_form()
    {
        var split = GeneratorHarness.Run(MultiFile());
        var bundled = GeneratorHarness.Run(CompiledSpec.Fixture("multifile-bundled.yaml"));

        Assert.Empty(split.CompileDiagnostics());
        Assert.Equal(Messages(bundled), Messages(split));
        var expected = Sources(bundled, "multifile_bundled.");
        var actual = Sources(split, "api.");
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, pair => Assert.Equal(pair.Value, actual[pair.Key]));
    }

    [Fact]
    public void The_cross_file_discriminator_is_a_union_of_the_two_files_and_a_schema_reached_two_ways_is_one_type()
    {
        var spec = CompiledSpec.Load(GeneratorHarness.Run(MultiFile()), "multifile");

        var cat = spec.Read("Pet", """{"kind":"cat","name":"Tom","indoor":true,"owner":{"name":"Ada"}}""");
        var dog = spec.Read("Pet", """{"kind":"dog","name":"Rex","breed":"collie"}""");

        Assert.Equal(("Pet.Cat", "Pet.Dog"), (CompiledSpec.CaseOf(cat), CompiledSpec.CaseOf(dog)));
        // Owner, from common.yaml, is one type whether reached from cat.yaml, dog.yaml or Error.
        Assert.Equal(spec.Type("Owner"), spec.Type("Cat").GetProperty("Owner")!.PropertyType);
        Assert.Equal(spec.Type("Owner"), spec.Type("Error").GetProperty("Owner")!.PropertyType);
        Assert.Equal(spec.Type("Pet"), Result(spec, "GetPetAsync"));
        Assert.Equal(typeof(IReadOnlyList<>).MakeGenericType(spec.Type("Pet")), Result(spec, "ListPetsAsync"));
    }

    [Fact]
    public void A_problem_in_a_referenced_file_is_reported_at_its_line_in_that_file()
    {
        var run = GeneratorHarness.Run(MultiFile((name, text) => name == "schemas/dog.yaml"
            ? text.Replace("../common.yaml#/components/schemas/Owner", "../common.yaml#/components/schemas/Keeper", StringComparison.Ordinal)
            : text));

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "SPECGEN009");
        var span = diagnostic.Location.GetLineSpan();
        Assert.EndsWith("Specs/multifile/schemas/dog.yaml", span.Path, StringComparison.Ordinal);
        Assert.Equal(8, span.StartLinePosition.Line + 1);
        Assert.Contains("points at nothing in common.yaml", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics());
    }

    [Fact]
    public void A_file_the_compilation_does_not_have_and_a_URL_are_reported_at_the_reference()
    {
        var run = GeneratorHarness.Run(MultiFile((name, text) => name == "api.yaml"
            ? text.Replace("\"./schemas/pet.yaml\" }", "\"./schemas/parrot.yaml\" }", StringComparison.Ordinal)
                .Replace("$ref: \"./schemas/pet.yaml\"\n", "$ref: \"https://schemas.example/pet.yaml\"\n", StringComparison.Ordinal)
            : text));

        var problems = run.Diagnostics.Where(d => d.Id == "SPECGEN009").OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Equal(("Specs/multifile/api.yaml", 21), (problems[0].Location.GetLineSpan().Path, problems[0].Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.Contains("not among the compilation's files", problems[0].GetMessage(), StringComparison.Ordinal);
        Assert.Equal(29, problems[1].Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("is a URL", problems[1].GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics());
    }

    private static Type Result(CompiledSpec spec, string method) =>
        spec.Type("ShelterClient").GetMethod(method)!.ReturnType.GetGenericArguments()[0];

    private static Dictionary<string, string> Sources(GeneratorRun run, string prefix) =>
        run.Sources.ToDictionary(s => s.HintName.StartsWith(prefix, StringComparison.Ordinal) ? s.HintName.Substring(prefix.Length) : s.HintName, s => s.SourceText.ToString());

    private static List<string> Messages(GeneratorRun run) =>
        run.Diagnostics.Select(d => d.Id + " " + d.GetMessage()).Order(StringComparer.Ordinal).ToList();
}
