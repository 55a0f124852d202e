using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Specgen.Generator.Common;
using Specgen.Generator.Configuration;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Emitting;
using Specgen.Generator.Model;
using Specgen.Generator.Modelling;
using Specgen.Generator.Reading;

namespace Specgen.Generator;

/// <summary>
/// The pipeline, wiring only: spec files and their options → read and model (one step, cached on
/// the file's text and options) → diagnostics and generated sources.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SpecgenGenerator : IIncrementalGenerator
{
    /// <summary>Wires the steps: options and spec texts → read → model → emit, each cached on equatable data.</summary>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SpecOptions.Read(pair.Left, pair.Right) is { } options
                ? new SpecInput(options, pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty)
                : null)
            .WithTrackingName(TrackingNames.SpecFile)
            .Where(static input => input is not null)
            .Select(static (input, _) => input!);

        // The YAML and JSON files a spec may refer to; each spec takes the texts of those it does.
        var candidates = context.AdditionalTextsProvider
            .Where(static file => SpecParts.IsCandidate(file))
            .Collect();

        // The files a spec's text names: a scan of the whole text, cached on it. The compiler hands the generator new
        // file objects each build, so the step after it runs again every build, and must not scan a big spec again.
        var named = specs
            .Select(static (input, _) => (Input: input, Named: SpecParts.Named(input.Options.FilePath, input.Text)))
            .WithTrackingName(TrackingNames.SpecNames);

        var inputs = named
            .Combine(candidates)
            .Select(static (pair, cancellationToken) => pair.Left.Input with { Parts = SpecParts.Find(pair.Left.Input.Options.FilePath, pair.Left.Named, pair.Right, cancellationToken) })
            .WithTrackingName(TrackingNames.SpecInput);

        var results = inputs
            .Select(static (input, cancellationToken) => Build(input, cancellationToken))
            .WithTrackingName(TrackingNames.Model);

        context.RegisterSourceOutput(
            results.SelectMany(static (result, _) => result.Diagnostics).WithTrackingName(TrackingNames.Diagnostics),
            static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));

        var models = results
            .Where(static result => result.Value is not null)
            .Select(static (result, _) => result.Value!)
            .WithTrackingName(TrackingNames.SpecModel);

        context.RegisterSourceOutput(models, static (output, model) => AddSources(output, model, SpecEmitter.Emit));

        // The DI registration, only where the project can use it: a version number, so C# edits do not re-emit.
        var httpClientFactory = context.CompilationProvider
            .Select(static (compilation, _) => HttpClientFactoryVersion(compilation))
            .WithTrackingName(TrackingNames.HttpClientFactoryVersion);

        context.RegisterSourceOutput(
            models.Combine(httpClientFactory).Where(static pair => pair.Right > 0),
            static (output, pair) => AddSources(output, pair.Left, model => new[] { DependencyInjectionEmitter.Emit(model, pair.Right) }));
    }

    /// <summary>
    /// Emits a model's files, all or none: the text of every file is made before any is added, and a
    /// failure becomes a diagnostic instead of an exception in the user's build.
    /// </summary>
    private static void AddSources(SourceProductionContext output, SpecModel model, Func<SpecModel, IEnumerable<GeneratedFile>> emit)
    {
        try
        {
            foreach (var file in emit(model).ToList())
            {
                output.AddSource(file.HintName, SourceText.From(file.Text, Encoding.UTF8));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Thrown out of here, it would drop the output of every spec in the project.
            output.ReportDiagnostic(DiagnosticInfo.InternalError(model.FilePath, e).ToDiagnostic());
        }
    }

    /// <summary>The major version of the Microsoft.Extensions.Http the project references; 0 when none.</summary>
    private static int HttpClientFactoryVersion(Compilation compilation)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (assembly.Name == "Microsoft.Extensions.Http")
            {
                return Math.Max(1, assembly.Version.Major);
            }
        }

        return 0;
    }

    /// <summary>Reads and models one spec. Never throws: a failure becomes a diagnostic.</summary>
    internal static Result<SpecModel> Build(SpecInput input, CancellationToken cancellationToken) =>
        Guard(input, cancellationToken, ReadAndModel);

    /// <summary>Reads and models one spec, unguarded: what <see cref="Build"/> runs inside <see cref="Guard"/>.</summary>
    internal static SpecModel? ReadAndModel(SpecInput input, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var options = input.Options.Checked(diagnostics);
        var parts = input.Parts.ToDictionary(static part => part.Path, static part => part.Text, StringComparer.Ordinal);
        var spec = SpecReader.Read(options.FilePath, input.Text, parts, diagnostics);
        return spec is null ? null : SpecModeller.Build(spec, options, diagnostics, cancellationToken);
    }

    /// <summary>
    /// The top-level guard: whatever <paramref name="build"/> throws (other than cancellation) becomes
    /// SPECGEN000 at the spec, with the exception's type and message, and the diagnostics so far are kept.
    /// </summary>
    internal static Result<SpecModel> Guard(SpecInput input, CancellationToken cancellationToken, Func<SpecInput, List<DiagnosticInfo>, CancellationToken, SpecModel?> build)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var model = build(input, diagnostics, cancellationToken);
            return new Result<SpecModel>(model, diagnostics.ToEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            diagnostics.Add(DiagnosticInfo.InternalError(input.Options.FilePath, e));
            return new Result<SpecModel>(null, diagnostics.ToEquatableArray());
        }
    }
}
