using Microsoft.CodeAnalysis;
using Specgen.Generator;
using Specgen.Generator.Configuration;
using Specgen.Tests.Infrastructure;
using Xunit;
using static Specgen.Tests.Infrastructure.InlineSpec;

namespace Specgen.Tests;

/// <summary>
/// One fixture per diagnostic: its id, its severity, and the line and column (1-based, as
/// <c>dotnet build</c> prints them) in the spec file. Bad input never throws and never leaves
/// generated code that does not compile.
/// </summary>
public class GeneratorDiagnosticTests
{
    private const string Paths = """
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: ok
        """;

    [Fact]
    public void SPECGEN000_an_exception_becomes_an_internal_error_at_the_spec()
    {
        var input = new SpecInput(new SpecOptions("specs/x.yaml", "Fixture", null, "public", "x"), "openapi: 3.0.3");

        var result = SpecgenGenerator.Guard(input, CancellationToken.None, static (_, _, _) => throw new InvalidOperationException("boom"));

        Assert.Null(result.Value);
        var diagnostic = Assert.Single(result.Diagnostics).ToDiagnostic();
        Assert.Equal(("SPECGEN000", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.DefaultSeverity));
        Assert.Equal("specs/x.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("InvalidOperationException: boom", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("please report", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPECGEN001_yaml_syntax_error()
    {
        var run = Generate("openapi: 3.0.3\ninfo:\n  title: [unclosed\npaths: {}\n");

        AssertAt(run, "SPECGEN001", DiagnosticSeverity.Error, 3, 10);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void SPECGEN003_a_duplicate_key_keeps_its_last_value_with_a_warning_at_the_second()
    {
        var run = Generate("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses: {'204': {description: done}}\n");

        Assert.Contains("'paths' appears twice", AssertAt(run, "SPECGEN003", DiagnosticSeverity.Warning, 4, 1).GetMessage(), StringComparison.Ordinal);
        Assert.Contains("GetAAsync(", run.SourceOf("TClient"), StringComparison.Ordinal);
    }

    [Fact]
    public void SPECGEN002_not_an_openapi_document()
    {
        var run = Generate("name: my-package\nversion: 1.0.0\n");

        AssertAt(run, "SPECGEN002", DiagnosticSeverity.Error, 1, 1);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void SPECGEN002_a_list_is_not_an_openapi_document()
    {
        AssertAt(Generate("- a\n- b\n"), "SPECGEN002", DiagnosticSeverity.Error, 1, 1);
    }

    [Fact]
    public void SPECGEN003_a_breach_of_the_specification_is_a_warning_and_the_client_is_still_generated()
    {
        var run = Generate("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      parameters:\n        - in: query\n      responses:\n        '204': {description: none}\n");

        Assert.Contains("'name'", AssertAt(run, "SPECGEN003", DiagnosticSeverity.Warning, 8, 11).GetMessage(), StringComparison.Ordinal);
        AssertCompiles(run);
    }

    [Fact]
    public void SPECGEN005_an_unsupported_request_content_type_leaves_the_method_without_a_body()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      multipart/mixed:
                        schema: {type: object, properties: {file: {type: string, format: binary}}}
                  responses:
                    '204': {description: none}
            """);

        // multipart/form-data is a form body now; other multipart kinds (mixed, related) are not written yet.
        var diagnostic = AssertAt(run, "SPECGEN005", DiagnosticSeverity.Warning, 9, 11);
        Assert.Contains("multipart/mixed", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("without a body", diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertCompiles(run);
    }

    [Fact]
    public void A_boolean_written_as_text_is_read_or_left_out_with_a_warning_instead_of_losing_the_spec()
    {
        // OpenAPI Generator's petstore-with-fake-endpoints has 'required: optional'; Microsoft.OpenApi fails on the whole document.
        var run = Generate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /things:
                get:
                  operationId: find
                  parameters:
                    - {name: q, in: query, required: optional, schema: {type: string}}
                    - {name: page, in: query, required: "true", schema: {type: integer}}
                  responses:
                    '204': {description: none}
            """);

        var diagnostic = AssertAt(run, "SPECGEN003", DiagnosticSeverity.Warning, 8, 32);
        Assert.Contains("'required' must be true or false, not the text 'optional'", diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertCompiles(run);
        var find = run.Output.GetTypeByMetadataName("Fixture.TClient")!.GetMembers("FindAsync").OfType<IMethodSymbol>().Single();
        // page is required ("true" read as true), so it comes first and has no default; q is optional.
        Assert.Equal(["page", "q"], find.Parameters.Take(2).Select(p => p.Name));
        Assert.False(find.Parameters[0].HasExplicitDefaultValue);
        Assert.True(find.Parameters[1].HasExplicitDefaultValue);
    }

    [Fact]
    public void A_request_content_key_that_is_not_a_media_type_is_reported_and_not_sent()
    {
        // vtex's catalog API has 'form-data' beside application/json; plaid's, 'examples'.
        var run = Generate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /files:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {url: {type: string}}}
                      form-data:
                        schema: {type: object, properties: {file: {type: string, format: binary}}}
                  responses:
                    '204': {description: none}
            """);

        var diagnostic = AssertAt(run, "SPECGEN003", DiagnosticSeverity.Warning, 11, 11);
        Assert.Contains("'form-data' is not a media type", diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertCompiles(run);
        Assert.Equal(["UploadAsync"], WholeApi.ClientMethods(run, "Fixture.TClient"));
    }

    [Fact]
    public void A_request_media_type_that_cannot_be_sent_beside_one_that_can_says_the_other_is_sent()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      multipart/related:
                        schema: {type: object, properties: {file: {type: string, format: binary}}}
                      application/json:
                        schema: {type: object, properties: {url: {type: string}}}
                  responses:
                    '204': {description: none}
            """);

        var diagnostic = AssertAt(run, "SPECGEN005", DiagnosticSeverity.Warning, 9, 11);
        Assert.Contains("multipart/related", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("only the operation's other media types are sent", diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertCompiles(run);
        var upload = run.Output.GetTypeByMetadataName("Fixture.TClient")!.GetMembers("UploadAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal("Fixture.UploadRequest?", upload.Parameters[0].Type.ToDisplayString());
    }

    [Fact]
    public void A_text_response_content_type_is_a_string_result_not_a_diagnostic()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /report:
                get:
                  operationId: getReport
                  responses:
                    '200':
                      description: A CSV file.
                      content:
                        text/csv:
                          schema: {type: string}
            """);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "SPECGEN005");
        AssertCompiles(run);
        Assert.Contains("ApiCall<string> GetReportAsync(", run.SourceOf("TClient"), StringComparison.Ordinal);
    }

    [Fact]
    public void SPECGEN006_an_ambiguous_union_points_at_its_oneOf()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /contact:
                get:
                  operationId: getContact
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            oneOf:
                              - {type: object, title: Email, required: [value], properties: {value: {type: string}}}
                              - {type: object, title: Phone, required: [value], properties: {value: {type: string}}}
            """);

        AssertAt(run, "SPECGEN006", DiagnosticSeverity.Warning, 13, 17);
        AssertCompiles(run);
    }

    [Fact]
    public void SPECGEN007_a_missing_operationId_says_the_name_the_method_got()
    {
        var run = Generate("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /pets/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      responses:\n        '204': {description: none}\n");

        // An item of a top-level resource: named for what it does.
        Assert.Contains("'GetPetAsync'", AssertAt(run, "SPECGEN007", DiagnosticSeverity.Info, 5, 5).GetMessage(), StringComparison.Ordinal);
        AssertCompiles(run);
    }

    [Theory]
    [InlineData("swagger: '1.2'\ninfo: {title: T, version: '1'}\npaths: {}\n", "Swagger 1.2")]
    [InlineData("openapi: 2.5.0\ninfo: {title: T, version: '1'}\npaths: {}\n", "OpenAPI 2.5.0")]
    [InlineData("openapi: 4.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n", "OpenAPI 4.0.0")]
    public void SPECGEN008_an_unsupported_version_names_the_supported_ones(string yaml, string version)
    {
        var run = Generate(yaml);

        var message = AssertAt(run, "SPECGEN008", DiagnosticSeverity.Error, 1, 1).GetMessage();
        Assert.Contains(version, message, StringComparison.Ordinal);
        Assert.Contains("OpenAPI 3.0 and 3.1", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void SPECGEN016_a_webhook_has_no_method_and_its_payload_is_a_type_and_a_foreign_dialect_is_noted()
    {
        var run = Generate("""
            openapi: 3.1.0
            jsonSchemaDialect: https://json-schema.org/draft/2019-09/schema
            info: {title: T, version: '1'}
            webhooks:
              pet-adopted:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {petId: {type: string}}}
                  responses:
                    '200': {description: ok}
            """);

        var notes = run.Diagnostics.Where(d => d.Id == "SPECGEN016").OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(2, notes.Count);
        AssertAt(notes[0], DiagnosticSeverity.Info, 2, 1);
        Assert.Contains("'https://json-schema.org/draft/2019-09/schema' is not OpenAPI 3.1's own", notes[0].GetMessage(), StringComparison.Ordinal);
        AssertAt(notes[1], DiagnosticSeverity.Info, 6, 5);
        Assert.Contains("its payload is the type 'PetAdoptedPayload'", notes[1].GetMessage(), StringComparison.Ordinal);
        AssertCompiles(run);
        Assert.Contains("PetId", run.SourceOf("PetAdoptedPayload"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'#/components/schemas/Nope'", "points at nothing")]
    [InlineData("'other.yaml#/components/schemas/Pet'", "not among the compilation's files")]
    [InlineData("'https://schemas.example/pet.yaml'", "is a URL, and a build reads no network")]
    public void SPECGEN009_an_unresolved_reference_is_typed_as_raw_json(string reference, string reason)
    {
        var run = Generate($$"""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /pets:
                get:
                  operationId: getPet
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: {{reference}}
            """);

        Assert.Contains(reason, AssertAt(run, "SPECGEN009", DiagnosticSeverity.Warning, 13, 17).GetMessage(), StringComparison.Ordinal);
        AssertCompiles(run);
        Assert.Contains("JsonNode", run.SourceOf("TClient"), StringComparison.Ordinal);
    }

    [Fact]
    public void SPECGEN010_a_loop_of_references_is_reported_once_at_its_first_member()
    {
        var run = Generate($$"""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            {{Paths}}
            components:
              schemas:
                A:
                  $ref: '#/components/schemas/B'
                B:
                  $ref: '#/components/schemas/A'
                Self: {$ref: '#/components/schemas/Self'}
            """);

        var loops = run.Diagnostics.Where(d => d.Id == "SPECGEN010").ToList();
        Assert.Equal(2, loops.Count);
        AssertAt(loops[0], DiagnosticSeverity.Warning, 13, 7);
        AssertAt(loops[1], DiagnosticSeverity.Warning, 16, 12);
        AssertCompiles(run);
    }

    [Fact]
    public void SPECGEN011_a_duplicate_operationId_gets_a_numbered_method()
    {
        var run = Generate("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getThing\n      responses:\n        '204': {description: none}\n  /b:\n    get:\n      operationId: getThing\n      responses:\n        '204': {description: none}\n");

        var message = AssertAt(run, "SPECGEN011", DiagnosticSeverity.Warning, 11, 7).GetMessage();
        Assert.Contains("GET /a", message, StringComparison.Ordinal);
        Assert.Contains("'GetThing2Async'", message, StringComparison.Ordinal);
        AssertCompiles(run);
    }

    [Fact]
    public void SPECGEN012_names_that_collide_after_sanitising_are_numbered()
    {
        var run = Generate($$"""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            {{Paths}}
            components:
              schemas:
                pet-owner: {type: object, properties: {a: {type: string} } }
                pet_owner: {type: object, properties: {b: {type: string} } }
            """);

        Assert.Contains("'pet-owner' and 'pet_owner' both become the C# name 'PetOwner'; the second is named 'PetOwner2'",
            AssertAt(run, "SPECGEN012", DiagnosticSeverity.Warning, 13, 5).GetMessage(), StringComparison.Ordinal);
        AssertCompiles(run);
    }

    [Fact]
    public void SPECGEN014_an_invalid_namespace_falls_back_to_a_valid_one()
    {
        var run = GeneratorHarness.Run(new SpecFile("specs/x.yaml", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n" + Paths, Namespace: "My Company.class", ClientName: "my-client"));

        var diagnostics = run.Diagnostics.Where(d => d.Id == "SPECGEN014").ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
        Assert.Contains("'Specgen.Generated'", diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'MyClient'", diagnostics[1].GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics());
    }

    [Fact]
    public void A_diagnostic_prints_as_dotnet_build_does_with_the_spec_path_and_line()
    {
        var run = Generate("openapi: 3.0.3\ninfo:\n  title: [unclosed\npaths: {}\n");

        Assert.StartsWith("specs/x.yaml(3,10): error SPECGEN001: ", Assert.Single(run.Diagnostics).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_spec_does_not_stop_another_spec_from_generating()
    {
        var good = new SpecFile("specs/good.yaml", "openapi: 3.0.3\ninfo: {title: Good, version: '1'}\n" + Paths, Namespace: "Good", ClientName: null);
        var broken = new SpecFile("specs/broken.yaml", "openapi: 3.0.3\ninfo: [\n", Namespace: "Broken", ClientName: null);

        var run = GeneratorHarness.Run(new[] { good, broken }, "class User { Good.GoodClient? Client; }");

        Assert.Equal("SPECGEN001", Assert.Single(run.Diagnostics).Id);
        Assert.Equal("specs/broken.yaml", run.Diagnostics[0].Location.GetLineSpan().Path);
        Assert.DoesNotContain(run.CompileDiagnostics(), d => d.Id != "CS0169");
    }

    [Fact]
    public void Additional_files_without_specgen_metadata_are_ignored()
    {
        var run = GeneratorHarness.Run(new SpecFile("notes.yaml", "not: [a spec", IsMarked: false));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Sources);
    }

    private static Diagnostic AssertAt(GeneratorRun run, string id, DiagnosticSeverity severity, int line, int column)
    {
        Assert.Null(run.Exception);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == id);
        AssertAt(diagnostic, severity, line, column);
        return diagnostic;
    }

    private static void AssertAt(Diagnostic diagnostic, DiagnosticSeverity severity, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(severity, diagnostic.DefaultSeverity);
        Assert.Equal("specs/x.yaml", span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }
}
