using System.Text;
using Microsoft.CodeAnalysis;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// Specs that could make a generator recurse or expand without bound: $ref cycles, deep nesting,
/// YAML alias bombs, huge files. Each ends in recursive types or a diagnostic naming the limit.
/// </summary>
public class BoundedWorkTests
{
    private static readonly Lazy<CompiledSpec> Cycles = new(() => CompiledSpec.Compile("cycles.yaml"));

    [Fact]
    public void Reference_cycles_become_recursive_types()
    {
        var node = Cycles.Value.Type("Node");

        Assert.Equal(node, Nullable(node.GetProperty("Parent")!.PropertyType));
        Assert.Equal(typeof(IReadOnlyList<>).MakeGenericType(node), node.GetProperty("Children")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyDictionary<,>).MakeGenericType(typeof(string), node), node.GetProperty("ByName")!.PropertyType);
        Assert.Equal(node, Cycles.Value.Type("Link").GetProperty("Target")!.PropertyType);
        Assert.Equal(node, Cycles.Value.Type("Either.Node").GetProperty("Value")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<>).MakeGenericType(node), node.GetProperty("Forest")!.PropertyType);
    }

    [Fact]
    public void An_alias_reached_through_its_own_members_stands_for_the_type_it_names()
    {
        var @base = Cycles.Value.Type("Base");

        Assert.Equal(@base, Cycles.Value.Type("Node").GetProperty("Derived")!.PropertyType);
        Assert.Equal(@base, @base.GetProperty("Next")!.PropertyType);
    }

    [Fact]
    public void A_list_of_itself_is_raw_json_with_a_warning()
    {
        var diagnostic = Assert.Single(Cycles.Value.Run.Diagnostics, d => d.Id == "SPECGEN010");
        Assert.Contains("'Tree'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(48, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_deep_recursive_value_round_trips()
    {
        var json = """{"name":"a","parent":{"name":"b","children":[{"name":"c","byName":{"d":{"name":"d","link":{"target":{"name":"e"}}}}}]},"either":{"name":"f"},"derived":{"next":{"next":{}}},"tree":[[[]]]}""";

        var value = Cycles.Value.Read("Node", json);

        JsonAssert.Equivalent(json, Cycles.Value.Write("Node", value));
    }

    [Fact]
    public void Nesting_2000_levels_deep_is_refused_at_the_limit_without_overflowing_the_stack()
    {
        var yaml = new StringBuilder("openapi: 3.0.3\ninfo: {title: Deep, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Deep: ");
        for (var i = 0; i < 2000; i++)
        {
            yaml.Append("{type: object, properties: {a: ");
        }

        yaml.Append("{type: string}").Append('}', 4000).Append('\n');

        var run = InlineSpec.Generate(yaml.ToString());

        Assert.Null(run.Exception);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("SPECGEN013", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.DefaultSeverity));
        Assert.Contains("256 levels of nesting", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Nesting_within_the_limit_is_generated_and_very_deep_schemas_fall_back_to_raw_json()
    {
        const int levels = 100;
        var yaml = new StringBuilder("openapi: 3.0.3\ninfo: {title: Deep, version: '1'}\npaths:\n  /deep:\n    get:\n      operationId: getDeep\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: ");
        for (var i = 0; i < levels; i++)
        {
            yaml.Append("{type: object, properties: {level").Append(i).Append(": ");
        }

        yaml.Append("{type: string}").Append('}', 2 * levels).Append('\n');

        var run = InlineSpec.Generate(yaml.ToString());

        InlineSpec.AssertCompiles(run);
        Assert.Contains(run.Diagnostics, d => d.Id == "SPECGEN005" && d.GetMessage().Contains("Nesting deeper than 64", StringComparison.Ordinal));
    }

    [Fact]
    public void A_yaml_alias_bomb_is_refused_before_it_expands()
    {
        // The "billion laughs": nine levels of ten aliases each would be 10^9 nodes.
        var yaml = new StringBuilder("openapi: 3.0.3\ninfo: {title: Bomb, version: '1'}\npaths: {}\nx-bomb:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            yaml.Append("  l").Append(level).Append(": &l").Append(level).Append(" [")
                .AppendJoin(", ", Enumerable.Repeat("*l" + (level - 1), 10)).Append("]\n");
        }

        var run = InlineSpec.Generate(yaml.ToString());

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("SPECGEN013", diagnostic.Id);
        Assert.Contains("2,000,000 nodes", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.InRange(diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, 10, 14);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_50_MB_spec_is_refused_with_a_diagnostic_naming_the_limit()
    {
        var yaml = new StringBuilder("openapi: 3.0.3\ninfo:\n  title: Huge\n  version: '1'\n  description: \"", 50 * 1024 * 1024 + 200);
        yaml.Append('x', 50 * 1024 * 1024).Append("\"\npaths: {}\n");

        var run = InlineSpec.Generate(yaml.ToString());

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("SPECGEN013", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.DefaultSeverity));
        Assert.Contains("is 50 MB long, more than Specgen's limit of 32 MB", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("specs/x.yaml", diagnostic.Location.GetLineSpan().Path);
    }

    private static Type Nullable(Type type) => System.Nullable.GetUnderlyingType(type) ?? type;
}
