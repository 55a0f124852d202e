using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// GitHub's REST API as octokit published it (3.6 MB, 771 operations): the next size users bring after
/// Vercel's. Its types come in files of <c>SpecEmitter.TypesPerFile</c>.
/// </summary>
public class GitHubApiTests
{
    private static readonly Lazy<GeneratorRun> Run = new(() =>
        GeneratorHarness.Run(new SpecFile("specs/github-api.json", Fixtures.Read(Fixtures.GitHubApi), Namespace: "GitHub", ClientName: "GitHubClient")));

    [Fact]
    public void The_whole_API_compiles_without_errors_or_warnings() => WholeApi.CompilesCleanly(Run.Value);

    [Fact]
    public void Every_operation_becomes_one_client_method()
    {
        var expected = WholeApi.Operations(Fixtures.Read(Fixtures.GitHubApi));
        var names = WholeApi.ClientMethods(Run.Value, "GitHub.GitHubClient");

        Assert.Equal(771, expected);
        Assert.Equal(expected, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_spec_with_many_types_gets_them_in_files_of_a_hundred()
    {
        var hints = Run.Value.Sources.Select(s => s.HintName).ToList();
        var perFile = Run.Value.Result.GeneratedTrees
            .Where(t => Path.GetFileName(t.FilePath).StartsWith("github_api.Types", StringComparison.Ordinal))
            .Select(t => t.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Sum(n => n.Members.Count))
            .ToList();

        // The type files, then the JSON context and the client (with its interface).
        Assert.Equal(perFile.Count + 2, hints.Count);
        Assert.True(perFile.Count > 5, $"{perFile.Count} type files");
        Assert.All(perFile.SkipLast(1), count => Assert.Equal(100, count));
        Assert.InRange(perFile[^1], 1, 100);
        Assert.Equal(perFile.Sum() + 3, Run.Value.TypesIn("GitHub").Count());
    }
}
