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
                    return await client.CreateIntegrationStoreDirectAsync(
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
        var publicTypes = run.Output.Assembly.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Vercel")
            .GetTypeMembers().Where(t => t.DeclaredAccessibility == Accessibility.Public).Select(t => t.Name).ToList();
        Assert.Empty(publicTypes);
    }
}
