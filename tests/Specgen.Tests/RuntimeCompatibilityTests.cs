using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// Code an older Specgen generated still compiles against this Specgen.Runtime (Baselines/README.md): the
/// runtime's public API is tracked (PublicAPI.Shipped.txt), and this is what the tracking protects.
/// </summary>
public class RuntimeCompatibilityTests
{
    public static TheoryData<string> Baselines()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(Repository.TestsDirectory, "Baselines"), "*", SearchOption.AllDirectories)
                     .Where(d => Directory.GetFiles(d, "*.cs").Length > 0).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Path.Combine(Repository.TestsDirectory, "Baselines"), folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Baselines))]
    public void Generated_code_of_a_released_version_compiles_against_this_runtime(string baseline)
    {
        var files = Directory.GetFiles(Path.Combine(Repository.TestsDirectory, "Baselines", baseline), "*.cs");
        Assert.NotEmpty(files);
        var compilation = GeneratorHarness.CreateCompilation("class Placeholder { }")
            .AddSyntaxTrees(files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), GeneratorHarness.ParseOptions, f)));
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }
}
