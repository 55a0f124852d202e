using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Specgen.Generator;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// The design card's harness, Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing, where it fits best:
/// a diagnostic checked at its exact span in the spec file (start and end), the whole set of diagnostics and
/// no compiler error in what was generated, through the project's own editorconfig metadata. The snapshot
/// helper (Snapshot.cs) stays for generated sources: its diff names the file and is accepted with one variable.
/// The framework resolves no reference package from the network: the references are the test host's own.
/// </summary>
public class RoslynHarnessTests
{
    [Fact]
    public async Task A_missing_operationId_is_SPECGEN007_exactly_at_the_operation_key()
    {
        const string Yaml = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /pets/{id}:
                get:
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '204': {description: none}
            """;
        var test = Test(Yaml);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("SPECGEN007", DiagnosticSeverity.Info).WithSpan("/0/specs/pets.yaml", 5, 5, 5, 8).WithArguments("GET", "/pets/{id}", "GetPetAsync"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_reference_to_nothing_is_SPECGEN009_at_the_ref_and_the_code_still_compiles()
    {
        const string Yaml = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Missing'}
            """;
        var test = Test(Yaml);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("SPECGEN009", DiagnosticSeverity.Warning).WithSpan("/0/specs/pets.yaml", 12, 24, 12, 28).WithArguments("#/components/schemas/Missing", "points at nothing in this file"));
        await test.RunAsync();
    }

    private static CSharpSourceGeneratorTest<SpecgenGenerator, DefaultVerifier> Test(string yaml)
    {
        var test = new CSharpSourceGeneratorTest<SpecgenGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        };
        test.TestState.Sources.Add("class Placeholder { }");
        test.TestState.AdditionalFiles.Add(("/0/specs/pets.yaml", yaml));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true

            [/0/specs/pets.yaml]
            build_metadata.AdditionalFiles.SpecgenSpec = true
            build_metadata.AdditionalFiles.SpecgenNamespace = Fixture
            """));
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.References.Value);
        return test;
    }
}
