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
    EquatableArray<string> RequestIdHeaders,
    EquatableArray<TypeModel> Types,
    EquatableArray<OperationModel> Operations,
    JsonContextModel JsonContext,
    SecurityModel Security);

/// <summary>A value and the diagnostics produced while making it.</summary>
internal sealed record Result<T>(T? Value, EquatableArray<DiagnosticInfo> Diagnostics)
    where T : class;

/// <summary>
/// The JSON context generated for a spec (a <c>JsonSerializerContext</c> built without reflection): its
/// name and one type-info property for each generated type and each other type an operation sends or
/// returns.
/// </summary>
internal sealed record JsonContextModel(string Name, EquatableArray<JsonTypeInfoModel> Types);

/// <summary>A property of the JSON context: the type info for <paramref name="Type"/>.</summary>
internal sealed record JsonTypeInfoModel(string PropertyName, TypeRef Type);
