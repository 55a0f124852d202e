using Microsoft.CodeAnalysis;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>Bad input gets a diagnostic at the spec's file and line, never a crash.</summary>
public class GeneratorDiagnosticTests
{
    [Fact]
    public void Yaml_syntax_error_is_reported_at_its_line()
    {
        var run = GeneratorHarness.Run(new SpecFile("specs/broken.yaml", "openapi: 3.0.3\ninfo:\n  title: [unclosed\npaths: {}\n"));

        Assert.Null(run.Exception);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("SPECGEN001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("specs/broken.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line); // the unclosed '[' (0-based line)
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Swagger_2_is_refused_with_the_supported_versions()
    {
        var run = GeneratorHarness.Run(new SpecFile("swagger.yaml", "swagger: '2.0'\ninfo:\n  title: Old\n  version: '1'\npaths: {}\n"));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("SPECGEN002", diagnostic.Id);
        Assert.Contains("OpenAPI 3.0 and 3.1", diagnostic.GetMessage());
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_file_that_is_not_a_mapping_is_not_an_openapi_document()
    {
        var run = GeneratorHarness.Run(new SpecFile("list.yaml", "- a\n- b\n"));

        Assert.Equal("SPECGEN002", Assert.Single(run.Diagnostics).Id);
        Assert.Null(run.Exception);
    }

    [Fact]
    public void Additional_files_without_specgen_metadata_are_ignored()
    {
        var run = GeneratorHarness.Run(new SpecFile("notes.yaml", "not: [a spec", IsMarked: false));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Sources);
    }
}
