using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// Specs/hostile.yaml puts comment ends, XML, quotes, newlines, directives, bidi overrides and null
/// characters into every string a spec controls. The output must compile, declare only the spec's
/// types, carry no directive but the header's, and keep every value exactly.
/// </summary>
public class HostileTextTests
{
    private static readonly Lazy<CompiledSpec> Hostile = new(() => CompiledSpec.Compile("hostile.yaml"));

    private static IEnumerable<SyntaxTree> GeneratedTrees => Hostile.Value.Run.Output.SyntaxTrees.Where(t => t.FilePath.Length > 0 && t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal));

    [Fact]
    public void Declares_exactly_the_types_the_spec_defines()
    {
        var declared = GeneratedTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>())
            .Where(d => d is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
            .Select(d => d switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                DelegateDeclarationSyntax @delegate => @delegate.Identifier.ValueText,
                _ => throw new InvalidOperationException(),
            })
            .Order(StringComparer.Ordinal)
            .ToList();

        // The client, its interface, its JSON context, the request and response records, the two enums and the
        // three oddly named components, and each enum's nested Values constants (the runtime's converter reads and
        // writes them all: no converter class per type).
        var expected = new[] { "EvilName", "EvilSummaryClientErrorClient", "EvilSummaryClientErrorJson", "IEvilSummaryClientErrorClient", "Kind", "Mode", "Nested", "Record", "Schema", "_123", "Évil" }
            .Concat(Enumerable.Repeat("Values", 2));
        Assert.Equal(expected.Order(StringComparer.Ordinal), declared);
        Assert.DoesNotContain(declared, name => name.StartsWith("Injected", StringComparison.Ordinal));
    }

    [Fact]
    public void Carries_no_directive_but_the_file_header()
    {
        var allowed = new[]
        {
            Specgen.Generator.Emitting.CSharp.NullableAnnotations,
            Specgen.Generator.Emitting.CSharp.NullableWarnings,
            "#pragma warning disable CS0618 // members the spec marks deprecated are still generated and used",
            "#pragma warning disable CS1591 // not every schema has a description",
            "#pragma warning disable CS1573 // a parameter the spec does not describe has no param tag",
            Specgen.Generator.Emitting.CSharp.DisableNullableInitialization,
            Specgen.Generator.Emitting.CSharp.RestoreNullableInitialization,
        };

        foreach (var tree in GeneratedTrees)
        {
            var directives = tree.GetRoot().DescendantTrivia().Where(t => t.IsDirective).Select(t => t.ToString().Trim());
            Assert.All(directives, directive => Assert.Contains(directive, allowed));
        }
    }

    [Fact]
    public void Has_no_invisible_characters_and_well_formed_doc_comments()
    {
        var documented = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose);
        foreach (var tree in GeneratedTrees)
        {
            var text = tree.GetText().ToString();
            Assert.DoesNotContain(text, c => c is '\0' or '\u202E' or '\u2028' or '\u2029' or '\u0085' or '\u200B');
            Assert.DoesNotContain("\r", text.Replace("\r\n", "\n"));

            var reparsed = CSharpSyntaxTree.ParseText(text, documented);
            Assert.Empty(reparsed.GetDiagnostics());
        }
    }

    [Fact]
    public void Markdown_in_descriptions_becomes_only_the_generator_s_own_tags()
    {
        var allowed = new[] { "summary", "remarks", "param", "returns", "exception", "inheritdoc", "para", "list", "item", "description", "code", "c", "b", "i", "see", "paramref" };
        var elements = GeneratedTrees
            .SelectMany(t => t.GetRoot().DescendantTrivia())
            .Select(t => t.GetStructure())
            .OfType<DocumentationCommentTriviaSyntax>()
            .SelectMany(d => d.DescendantNodes())
            .ToList();
        var names = elements.OfType<XmlElementStartTagSyntax>().Select(e => e.Name.ToString())
            .Concat(elements.OfType<XmlEmptyElementSyntax>().Select(e => e.Name.ToString()));
        var hrefs = elements.OfType<XmlTextAttributeSyntax>().Where(a => a.Name.ToString() == "href")
            .Select(a => string.Concat(a.TextTokens.Select(t => t.ValueText)))
            .ToList();

        Assert.All(names, name => Assert.Contains(name, allowed));
        Assert.Contains("https://example.test/'*/'</see>", hrefs);
        Assert.All(hrefs, href => Assert.Matches("^https://example\\.test/[^\\s\"]*$", href));

        var evil = GeneratedTrees.Single(t => t.FilePath.EndsWith(".EvilName.g.cs", StringComparison.Ordinal)).GetText().ToString();
        Assert.Contains("/// &lt;/code&gt;&lt;/summary&gt;", evil, StringComparison.Ordinal);
        Assert.Contains("/// <item><description>item <c>&lt;/c&gt;</c> <b>&lt;/b&gt;</b></description></item>", evil, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert(1)", evil, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_every_value_exactly()
    {
        var spec = Hostile.Value;
        var kind = spec.Type("Kind");
        var known = kind.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(p => p.PropertyType == kind)
            .Select(p => p.GetValue(null)!.ToString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "*/", "</summary>", "", "a\"b", "\\", "#pragma warning disable", "\u202E", "\0", "class", "Class", "CLASS", "1", "-1", "value" }.Order(StringComparer.Ordinal), known);

        var record = Activator.CreateInstance(spec.Type("Record"))!;
        Assert.Equal("\"; } class Injected5 { //\n#error", CompiledSpec.Get(record, "Default"));
        Assert.Equal(7L, CompiledSpec.Get(record, "Params"));

        var client = spec.Type("EvilSummaryClientErrorClient");
        Assert.Equal("https://example.test/\"; } class Injected2 { //\n#error url", client.GetField("DefaultBaseAddress")!.GetValue(null));
    }

    [Fact]
    public void Keywords_and_odd_names_are_valid_distinct_identifiers_that_keep_their_wire_names()
    {
        var spec = Hostile.Value;
        var json = """{"class":"c","default":"d","params":1,"event":0.5,"record":true,"value":"12","":"empty","1st":"first","***":"stars","a-b":"dash","a_b":"underscore","A B":"space","toString":"t","equals":"e","Record":"R","kind":"</summary>"}""";
        var record = spec.Read("Record", json);

        Assert.Equal("c", CompiledSpec.Get(record, "Class"));
        Assert.Equal("d", CompiledSpec.Get(record, "Default"));
        Assert.Equal("empty", CompiledSpec.Get(record, "Property"));
        Assert.Equal("stars", CompiledSpec.Get(record, "Property2"));
        Assert.Equal("first", CompiledSpec.Get(record, "_1st"));
        Assert.Equal("dash", CompiledSpec.Get(record, "AB"));
        Assert.Equal("underscore", CompiledSpec.Get(record, "AB2"));
        Assert.Equal("space", CompiledSpec.Get(record, "AB3"));
        Assert.Equal("t", CompiledSpec.Get(record, "ToString2"));
        Assert.Equal("R", CompiledSpec.Get(record, "Record3"));
        JsonAssert.Equivalent(json, spec.Write("Record", record));
    }

    [Fact]
    public void Names_that_collide_after_sanitising_are_reported()
    {
        var collisions = Hostile.Value.Run.Diagnostics.Where(d => d.Id == "SPECGEN012").Select(d => d.GetMessage()).ToList();

        Assert.Contains(collisions, m => m.Contains("'a-b' and 'a_b' both become the C# name 'AB'; the second is named 'AB2'", StringComparison.Ordinal));
        Assert.Contains(collisions, m => m.Contains("'1' and '-1' both become the C# name '_1'; the second is named '_1_2'", StringComparison.Ordinal));
        Assert.All(collisions, m => Assert.DoesNotContain(m, c => c is '\0' or '\u202E'));
    }
}
