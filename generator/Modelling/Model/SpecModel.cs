using Specgen.Generator.Common;
using Specgen.Generator.Diagnostics;

namespace Specgen.Generator.Modelling.Model;

/// <summary>Everything the emitters need for one spec file. Compares by value.</summary>
internal sealed record SpecModel(
    string FilePath,
    string HintPrefix,
    string Namespace,
    string ClientName,
    string Accessibility,
    string? Title,
    string? Description,
    string? DefaultBaseAddress,
    EquatableArray<TypeModel> Types,
    EquatableArray<OperationModel> Operations);

/// <summary>A value and the diagnostics produced while making it.</summary>
internal sealed record Result<T>(T? Value, EquatableArray<DiagnosticInfo> Diagnostics)
    where T : class;
