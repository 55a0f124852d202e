using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Specgen.Generator;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// The generator costs nothing after the first run: edits that do not touch a spec leave every step of
/// it Cached or Unchanged and re-add no source, and no cached step output holds compiler or OpenAPI objects.
/// </summary>
public class IncrementalityTests
{
    private static readonly string[] SpecSteps = { TrackingNames.SpecFile, TrackingNames.SpecNames, TrackingNames.SpecInput, TrackingNames.Model, TrackingNames.SpecModel, TrackingNames.Diagnostics };

    private static readonly SpecFile Vercel = SpecFile.FromRepository();
    private static readonly SpecFile Pets = CompiledSpec.Fixture("pets-discriminator.yaml") with { Namespace = "Pets" };

    [Fact]
    public void An_edit_to_unrelated_csharp_code_reuses_every_step()
    {
        var run = FirstRun();

        var edited = run.Compilation.ReplaceSyntaxTree(run.Compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText("class Placeholder { int x; }", GeneratorHarness.ParseOptions));
        var result = run.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertReused(result, "vercel", "pets");
        AssertNoSourceReAdded(result);
    }

    [Fact]
    public void An_edit_to_an_unrelated_additional_file_reuses_every_step()
    {
        var run = FirstRun();

        var result = run.Driver.ReplaceAdditionalText(run.Texts[2], new InMemoryAdditionalText("notes.txt", "second"))
            .RunGenerators(run.Compilation).GetRunResult().Results.Single();

        AssertReused(result, "vercel", "pets");
        AssertNoSourceReAdded(result);
    }

    [Fact]
    public void A_new_file_object_with_the_same_spec_text_as_the_compiler_hands_each_build_does_not_scan_or_model_it_again()
    {
        var run = FirstRun();

        var result = run.Driver.ReplaceAdditionalText(run.Texts[0], new InMemoryAdditionalText(Vercel.Path, Vercel.Text))
            .RunGenerators(run.Compilation).GetRunResult().Results.Single();

        // The spec's text is read again (the object is new) and found equal: the scan for the files it names is not run.
        Assert.All(result.TrackedSteps[TrackingNames.SpecNames].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        AssertReused(result, "vercel", "pets");
        AssertNoSourceReAdded(result);
    }

    [Fact]
    public void An_edit_to_another_spec_s_options_reuses_every_step_of_this_one()
    {
        var run = FirstRun();

        var result = run.Driver.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.Options(new[] { Vercel, Pets with { Namespace = "Animals" } }))
            .RunGenerators(run.Compilation).GetRunResult().Results.Single();

        AssertReused(result, "vercel");
        Assert.All(result.GeneratedSources.Where(s => s.HintName.StartsWith("pets", StringComparison.Ordinal)),
            s => Assert.Contains("namespace Animals", s.SourceText.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void An_edit_to_one_spec_changes_only_that_spec_s_outputs()
    {
        var run = FirstRun();
        var before = run.Driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        var edited = Pets.Text.Replace("title: Pets", "title: Pets\n  description: Edited.", StringComparison.Ordinal);
        Assert.NotEqual(Pets.Text, edited);
        var result = run.Driver.ReplaceAdditionalText(run.Texts[1], new InMemoryAdditionalText(Pets.Path, edited))
            .RunGenerators(run.Compilation).GetRunResult().Results.Single();

        AssertReused(result, "vercel");
        var after = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        var changed = after.Where(pair => before[pair.Key] != pair.Value).Select(pair => pair.Key).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, hint => Assert.StartsWith("pets", hint, StringComparison.Ordinal));
    }

    [Fact]
    public void An_edit_to_a_file_a_spec_refers_to_re_runs_that_spec_and_reuses_the_others()
    {
        var run = MultiFileRun();
        var dog = run.Texts.Single(t => t.Path.EndsWith("dog.yaml", StringComparison.Ordinal));

        var edited = dog.GetText()!.ToString().Replace("A dog.", "A dog, edited.", StringComparison.Ordinal);
        var result = run.Driver.ReplaceAdditionalText(dog, new InMemoryAdditionalText(dog.Path, edited))
            .RunGenerators(run.Compilation).GetRunResult().Results.Single();

        AssertReused(result, "vercel");
        var model = result.TrackedSteps[TrackingNames.Model].SelectMany(s => s.Outputs).Single(o => BelongsTo(o.Value, ["multifile"]));
        Assert.Equal(IncrementalStepRunReason.Modified, model.Reason);
        Assert.Contains("A dog, edited.", result.GeneratedSources.Single(s => s.HintName == "api.Dog.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_to_a_yaml_file_no_spec_refers_to_reuses_every_step()
    {
        var run = MultiFileRun();
        var unrelated = run.Texts.Single(t => t.Path.EndsWith("unrelated.yaml", StringComparison.Ordinal));

        var result = run.Driver.ReplaceAdditionalText(unrelated, new InMemoryAdditionalText(unrelated.Path, "title: second"))
            .RunGenerators(run.Compilation).GetRunResult().Results.Single();

        AssertReused(result, "vercel", "multifile");
        AssertNoSourceReAdded(result);
    }

    /// <summary>The Vercel spec, the multi-file spec with its parts, and a YAML file neither refers to, run once.</summary>
    private static Run MultiFileRun()
    {
        var multifile = new[] { "api.yaml", "common.yaml", "schemas/pet.yaml", "schemas/cat.yaml", "schemas/dog.yaml", "paths/pet-by-id.yaml" }
            .Select(name => new SpecFile("Specs/multifile/" + name, File.ReadAllText(Path.Combine(Repository.TestsDirectory, "Specs", "multifile", name)), "Fixture", ClientName: null, IsMarked: name == "api.yaml"))
            .ToList();
        var specs = multifile.Prepend(Vercel).ToList();
        var texts = specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text))
            .Append(new InMemoryAdditionalText("Specs/multifile/unrelated.yaml", "title: first"))
            .ToImmutableArray();
        var compilation = GeneratorHarness.CreateCompilation("class Placeholder { }");
        var driver = GeneratorHarness.CreateDriver(specs, texts).RunGenerators(compilation);
        return new Run(driver, compilation, texts);
    }

    [Fact]
    public void Cached_step_outputs_hold_no_compiler_or_openapi_objects()
    {
        var run = FirstRun();

        foreach (var (name, steps) in run.Driver.GetRunResult().Results.Single().TrackedSteps)
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertPlainData(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private sealed record Run(GeneratorDriver Driver, Compilation Compilation, ImmutableArray<AdditionalText> Texts);

    /// <summary>The Vercel spec, a fixture spec and an unrelated additional file, run once.</summary>
    private static Run FirstRun()
    {
        var texts = ImmutableArray.Create<AdditionalText>(
            new InMemoryAdditionalText(Vercel.Path, Vercel.Text),
            new InMemoryAdditionalText(Pets.Path, Pets.Text),
            new InMemoryAdditionalText("notes.txt", "first"));
        var compilation = GeneratorHarness.CreateCompilation("class Placeholder { }");
        var driver = GeneratorHarness.CreateDriver(new[] { Vercel, Pets }, texts).RunGenerators(compilation);
        return new Run(driver, compilation, texts);
    }

    /// <summary>Every tracked output of the steps that belong to the specs whose hint prefixes are given was Cached or Unchanged.</summary>
    private static void AssertReused(GeneratorRunResult result, params string[] specs)
    {
        foreach (var name in SpecSteps)
        {
            // A step that produced nothing (Diagnostics, for specs without problems) is not in the list at all.
            var steps = result.TrackedSteps.TryGetValue(name, out var tracked) ? tracked : ImmutableArray<IncrementalGeneratorRunStep>.Empty;
            var outputs = steps.SelectMany(s => s.Outputs).Where(o => BelongsTo(o.Value, specs)).ToList();
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
            if (name != TrackingNames.Diagnostics)
            {
                Assert.Equal(specs.Length, outputs.Count);
            }
        }
    }

    /// <summary>Whether a step's output is about one of the specs (by its options or model), or not about any spec in particular.</summary>
    private static bool BelongsTo(object value, string[] specs)
    {
        var text = value switch
        {
            Specgen.Generator.Configuration.SpecInput input => input.Options.FilePath,
            ValueTuple<Specgen.Generator.Configuration.SpecInput, Specgen.Generator.Common.EquatableArray<string>> named => named.Item1.Options.FilePath,
            Specgen.Generator.Model.Result<Specgen.Generator.Model.SpecModel> model => model.Value?.FilePath,
            Specgen.Generator.Model.SpecModel model => model.FilePath,
            Specgen.Generator.Diagnostics.DiagnosticInfo diagnostic => diagnostic.Location?.FilePath,
            _ => null,
        };

        return text is not null && specs.Any(spec => text.Contains(spec, StringComparison.OrdinalIgnoreCase));
    }

    private static void AssertNoSourceReAdded(GeneratorRunResult result) =>
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason == IncrementalStepRunReason.Cached, $"an output step ran again: {o.Reason}"));

    /// <summary>Fails if <paramref name="value"/> or anything it holds is a symbol, compilation, syntax node, location or OpenAPI object.</summary>
    private static void AssertPlainData(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(
            value is ISymbol or Compilation or SyntaxNode or Location or SemanticModel || (type.Namespace ?? string.Empty).StartsWith("Microsoft.OpenApi", StringComparison.Ordinal),
            $"The step {step} caches a {type.FullName}.");

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertPlainData(item, step, seen);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertPlainData(field.GetValue(value), step, seen);
        }
    }
}
