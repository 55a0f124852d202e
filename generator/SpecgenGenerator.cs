using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Specgen.Generator.Common;
using Specgen.Generator.Configuration;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Emitting;
using Specgen.Generator.Modelling;
using Specgen.Generator.Modelling.Model;
using Specgen.Generator.Reading;

namespace Specgen.Generator;

/// <summary>
/// The pipeline, wiring only: spec files and their options → read and model (one step, cached on
/// the file's text and options) → diagnostics and generated sources.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SpecgenGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SpecOptions.Read(pair.Left, pair.Right) is { } options
                ? new SpecInput(options, pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty)
                : null)
            .WithTrackingName(TrackingNames.SpecInput)
            .Where(static input => input is not null)
            .Select(static (input, _) => input!);

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

        context.RegisterSourceOutput(models, static (output, model) =>
        {
            foreach (var file in SpecEmitter.Emit(model))
            {
                output.AddSource(file.HintName, SourceText.From(file.Text, Encoding.UTF8));
            }
        });

        // The DI registration, only where the project can use it: a bool, so C# edits do not re-emit.
        var hasHttpClientFactory = context.CompilationProvider
            .Select(static (compilation, _) => HasHttpClientFactory(compilation))
            .WithTrackingName(TrackingNames.HasHttpClientFactory);

        context.RegisterSourceOutput(models.Combine(hasHttpClientFactory).Where(static pair => pair.Right), static (output, pair) =>
        {
            var file = DependencyInjectionEmitter.Emit(pair.Left);
            output.AddSource(file.HintName, SourceText.From(file.Text, Encoding.UTF8));
        });
    }

    private static bool HasHttpClientFactory(Compilation compilation)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (assembly.Name == "Microsoft.Extensions.Http")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads and models one spec. Never throws: a failure becomes a diagnostic.</summary>
    internal static Result<SpecModel> Build(SpecInput input, System.Threading.CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var spec = SpecReader.Read(input.Options.FilePath, input.Text, diagnostics);
            var model = spec is null ? null : SpecModeller.Build(spec, input.Options, diagnostics, cancellationToken);
            return new Result<SpecModel>(model, diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.InternalError, LocationInfo.StartOf(input.Options.FilePath), input.Options.FilePath, e.GetType().Name, e.Message));
            return new Result<SpecModel>(null, diagnostics.ToEquatableArray());
        }
    }
}
