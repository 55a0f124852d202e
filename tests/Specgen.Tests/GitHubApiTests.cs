using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Specgen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Specgen.Tests;

/// <summary>
/// GitHub's REST API as octokit published it (3.6 MB, 771 operations): the next size users bring after
/// Vercel's. Its types come in files of <c>SpecEmitter.TypesPerFile</c>.
/// </summary>
public class GitHubApiTests(ITestOutputHelper output)
{
    private static readonly Lazy<GeneratorRun> Run = new(() =>
        GeneratorHarness.Run(new SpecFile("specs/github-api.json", Fixtures.Read(Fixtures.GitHubApi), Namespace: "GitHub", ClientName: "GitHubClient")));

    [Fact]
    public void The_whole_API_compiles_without_errors_or_warnings() => WholeApi.CompilesCleanly(Run.Value);

    [Fact]
    public void Type_names_are_at_most_48_characters_and_never_repeat_a_run_of_words() =>
        WholeApi.NamesReadWell(Run.Value, "GitHub", output);

    [Fact]
    public void Every_operation_becomes_one_client_method()
    {
        var expected = WholeApi.Operations(Fixtures.Read(Fixtures.GitHubApi));
        var names = WholeApi.ClientMethods(Run.Value, "GitHub.GitHubClient");

        Assert.Equal(771, expected);
        Assert.Equal(expected, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        // Grouped by tag, a method says its group once: GitHub's repos/get is client.Repos.GetAsync.
        Assert.Contains("Repos.GetAsync", names);
        Assert.Contains("Repos.ListForOrgAsync", names);
        Assert.Contains("CodesOfConduct.GetAllCodesOfConductAsync", names);
        // GitHub's Link header makes its lists paged.
        Assert.Equal("ApiPageable", WholeApi.ClientMethod(Run.Value, "GitHub.GitHubClient", "Repos.ListAllForOrgAsync").ReturnType.Name);
    }

    [Fact]
    public void A_spec_with_many_types_gets_them_in_files_of_a_hundred()
    {
        var hints = Run.Value.Sources.Select(s => s.HintName).ToList();
        var perFile = Run.Value.Result.GeneratedTrees
            .Where(t => Path.GetFileName(t.FilePath).StartsWith("github_api.Types", StringComparison.Ordinal))
            .Select(t => t.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Sum(n => n.Members.Count))
            .ToList();

        // The type files, then the JSON context, the client (with its interface) and a file per sub-client.
        var groups = hints.Count(h => h.StartsWith("github_api.GitHubClient.", StringComparison.Ordinal) && h != "github_api.GitHubClient.g.cs");
        Assert.Equal(perFile.Count + 2 + groups, hints.Count);
        Assert.True(groups > 20, $"{groups} sub-clients");
        Assert.True(perFile.Count > 5, $"{perFile.Count} type files");
        Assert.All(perFile.SkipLast(1), count => Assert.Equal(100, count));
        Assert.InRange(perFile[^1], 1, 100);
        // The JSON context, the client and its interface, and each sub-client's interface (its class is the client's).
        Assert.Equal(perFile.Sum() + 3 + groups, Run.Value.TypesIn("GitHub").Count());
    }
}
