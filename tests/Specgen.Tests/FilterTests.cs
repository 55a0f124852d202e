using Microsoft.CodeAnalysis;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// The item's filters (IncludeTags, IncludePaths, ExcludeOperations, …) keep part of a spec's operations, and
/// only the schemas those reach; a filter value that matches nothing is a warning.
/// </summary>
public class FilterTests
{
    private static GeneratorRun Run(string spec, params (string Name, string Value)[] items) =>
        GeneratorHarness.Run(CompiledSpec.Fixture(spec) with { Items = items.ToDictionary(i => i.Name, i => i.Value) });

    private static List<string> Types(GeneratorRun run) => Names.DeclaredTypes(run, "Fixture").Select(t => t.Name).ToList();

    [Fact]
    public void A_tag_filter_keeps_its_operations_and_only_the_schemas_they_reach()
    {
        var all = Run("paging.yaml");
        var teams = Run("paging.yaml", ("IncludeTags", "teams"));

        WholeApi.CompilesCleanly(teams);
        Assert.Equal(["Teams.GetTeamsAsync"], WholeApi.ClientMethods(teams, "Fixture.PagingClient"));
        // Repo and the repos operation's headers are reached only by the operation left out.
        Assert.Contains("Repo", Types(all));
        Assert.DoesNotContain("Repo", Types(teams));
        Assert.DoesNotContain("ReposListForOrgHeaders", Types(teams));
        Assert.DoesNotContain("ReposClient", Types(teams));
        Assert.Contains("Team", Types(teams));
        Assert.Contains("Pagination", Types(teams));
        // The whole spec has several groups: the filtered client keeps its shape, client.Teams.
        Assert.Contains(teams.Sources, s => s.HintName.EndsWith("PagingClient.TeamsClient.g.cs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("IncludePaths", "/v2/**", "Teams.GetTeamsAsync")]
    [InlineData("IncludePaths", "/orgs/*/repos", "Repos.ListForOrgAsync")]
    [InlineData("IncludeOperations", "repos/*", "Repos.ListForOrgAsync")]
    [InlineData("IncludeOperations", "getTeams;listItems", "Items.ListItemsAsync,Teams.GetTeamsAsync")]
    [InlineData("ExcludeTags", "items,Repos", "Teams.GetTeamsAsync")]
    public void Paths_and_operation_ids_are_globs_and_lists_split_on_semicolons_and_commas(string metadata, string value, string kept)
    {
        var run = Run("paging.yaml", (metadata, value));

        Assert.Equal(kept.Split(','), WholeApi.ClientMethods(run, "Fixture.PagingClient").Order(StringComparer.Ordinal));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "SPECGEN017");
    }

    [Fact]
    public void Kinds_of_include_must_all_match_and_an_exclude_wins()
    {
        var run = Run("paging.yaml", ("IncludeTags", "items;teams"), ("IncludePaths", "/**s"), ("ExcludeOperations", "listEvents"));

        Assert.Equal(["Items.ListItemsAsync", "Teams.GetTeamsAsync"], WholeApi.ClientMethods(run, "Fixture.PagingClient").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_filter_value_that_matches_nothing_is_a_warning_at_the_spec_s_paths()
    {
        var run = Run("paging.yaml", ("IncludeTags", "teams;billing"));

        var warning = Assert.Single(run.Diagnostics, d => d.Id == "SPECGEN017");
        Assert.Equal(DiagnosticSeverity.Warning, warning.DefaultSeverity);
        Assert.Contains("IncludeTags 'billing'", warning.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("paging.yaml", warning.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(8, warning.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void KeepUnusedSchemas_keeps_every_component()
    {
        var trimmed = Run("paging.yaml", ("IncludeTags", "items"));
        var kept = Run("paging.yaml", ("IncludeTags", "items"), ("KeepUnusedSchemas", "true"));

        Assert.DoesNotContain("Team", Types(trimmed));
        Assert.Contains("Team", Types(kept));
        Assert.Contains("Repo", Types(kept));
        WholeApi.CompilesCleanly(kept);
    }
}
