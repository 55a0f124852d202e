using Microsoft.CodeAnalysis;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>The generated client compiles, with nullable enabled and every warning an error.</summary>
public class GeneratorCompileTests
{
    [Fact]
    public void Generated_client_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run(SpecFile.FromRepository());

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var problems = run.CompileDiagnostics();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Fact]
    public void Generated_client_has_the_public_shape_users_write()
    {
        const string user = """
            using Specgen.Runtime;
            using Vercel;

            public static class Usage
            {
                public static async System.Threading.Tasks.Task<CreateIntegrationStoreDirectResponse> Create(System.Net.Http.HttpClient http, string token, System.Threading.CancellationToken ct)
                {
                    var client = new VercelClient(http, new ApiClientOptions { AccessToken = token });
                    return await client.Integrations.CreateIntegrationStoreDirectAsync(
                        new CreateIntegrationStoreDirectRequest
                        {
                            Name = "my-dev-database",
                            IntegrationConfigurationId = "icfg_cuwj0AdCdH3BwWT4LPijCC7t",
                            IntegrationProductIdOrSlug = "iap_postgres_db",
                        },
                        teamId: "team_1a2b3c4d5e6f7g8h9i0j1k2l",
                        cancellationToken: ct);
                }

                public static int Status(ApiException e) => e.StatusCode;
            }
            """;
        var run = GeneratorHarness.Run([SpecFile.FromRepository()], user);

        var problems = run.CompileDiagnostics();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Fact]
    public void Internal_visibility_makes_every_generated_type_internal()
    {
        var run = GeneratorHarness.Run(SpecFile.FromRepository() with { Visibility = "internal" });

        Assert.Empty(run.CompileDiagnostics());
        var publicTypes = run.TypesIn("Vercel").Where(t => t.DeclaredAccessibility == Accessibility.Public).Select(t => t.Name).ToList();
        Assert.Empty(publicTypes);
    }

    [Fact]
    public void A_deprecated_required_property_is_documented_not_obsolete_so_the_code_compiles_without_CS9042()
    {
        const string Yaml = """
            openapi: 3.0.3
            info: {title: Pets, version: '1'}
            paths:
              /pet:
                get:
                  operationId: getPet
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [name]
                            properties:
                              name: {type: string, deprecated: true}
                              nickname: {type: string, deprecated: true}
            """;
        var run = GeneratorHarness.Run(new SpecFile("specs/pets.yaml", Yaml, Namespace: "Pets", ClientName: null));

        Assert.Empty(run.CompileDiagnostics());
        var pet = run.Output.GetTypeByMetadataName("Pets.GetPetResponse")!;
        Assert.DoesNotContain(pet.GetMembers("Name").Single().GetAttributes(), a => a.AttributeClass?.Name == "ObsoleteAttribute");
        Assert.Contains("Deprecated by the API, but still required.", pet.GetMembers("Name").Single().GetDocumentationCommentXml(), StringComparison.Ordinal);
        Assert.Contains(pet.GetMembers("Nickname").Single().GetAttributes(), a => a.AttributeClass?.Name == "ObsoleteAttribute");
    }

    [Fact]
    public void Optional_bodies_of_every_kind_compile_and_unwrap_a_nullable_value()
    {
        // An optional number or enum body is a Nullable<T>, which the JSON context has no type info for.
        var run = InlineSpec.Generate("""
            openapi: 3.0.3
            info: {title: Bodies, version: '1'}
            paths:
              /count:
                put:
                  operationId: putCount
                  requestBody: {content: {application/json: {schema: {type: integer}}}}
                  responses: {'204': {description: ok}}
              /mode:
                put:
                  operationId: putMode
                  requestBody: {content: {application/json: {schema: {type: string, enum: [fast, slow]}}}}
                  responses: {'204': {description: ok}}
              /names:
                put:
                  operationId: putNames
                  requestBody: {content: {application/json: {schema: {type: array, items: {type: string}}}}}
                  responses: {'204': {description: ok}}
            """);

        InlineSpec.AssertCompiles(run);
        var client = run.SourceOf("BodiesClient");
        Assert.Contains("if (request is not null)", client, StringComparison.Ordinal);
        Assert.Contains("apiRequest.JsonBody(request.Value, RequestJson.Int64, \"application/json\");", client, StringComparison.Ordinal);
        Assert.Contains("apiRequest.JsonBody(request.Value, RequestJson.PutModeRequest, \"application/json\");", client, StringComparison.Ordinal);
        Assert.Contains("apiRequest.JsonBody(request, RequestJson.StringList, \"application/json\");", client, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/project/", "/project/specs/billing/api.yaml", "/project/specs/users/api.yaml", "specs.billing.api.", "specs.users.api.")]
    [InlineData("/project/", "/shared/billing/api.yaml", "/shared/users/api.yaml", "api.", "api.")]
    public void Two_specs_with_the_same_file_name_both_generate(string projectDirectory, string first, string second, string firstPrefix, string secondPrefix)
    {
        const string Yaml = "openapi: 3.0.3\ninfo: {title: Api, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '204': {description: none}\n";
        var global = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("build_property.ProjectDir", projectDirectory);

        var run = GeneratorHarness.Run(
            new[] { new SpecFile(first, Yaml, Namespace: "Billing", ClientName: null), new SpecFile(second, Yaml, Namespace: "Users", ClientName: null) },
            "class User { Billing.ApiClient? A; Users.ApiClient? B; }",
            globalOptions: global);

        Assert.Null(run.Exception);
        Assert.Empty(run.Diagnostics);
        var hints = run.Sources.Select(s => s.HintName).ToList();
        // Each spec: its JSON context and its client.
        Assert.Equal(4, hints.Count);
        Assert.All(hints.Take(2), hint => Assert.StartsWith(firstPrefix, hint, StringComparison.Ordinal));
        Assert.All(hints.Skip(2), hint => Assert.StartsWith(secondPrefix, hint, StringComparison.Ordinal));
        Assert.DoesNotContain(run.CompileDiagnostics(), d => d.Id != "CS0169");
    }
}
