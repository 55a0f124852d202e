using Specgen.Generator.Common;
using Specgen.Generator.Diagnostics;

namespace Specgen.Generator.Model;

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
    SecurityModel Security,
    EquatableArray<GroupModel> Groups = default);

/// <summary>
/// A sub-client: the operations of one group (<see cref="OperationModel.Group"/>), reached from the root client as
/// <paramref name="Name"/> (<c>client.Projects</c>), a class <paramref name="ClassName"/> with its interface <c>I{ClassName}</c>.
/// </summary>
/// <param name="Description">The tag's description in the spec, if it has one.</param>
internal sealed record GroupModel(string Name, string ClassName, string? Description);

/// <summary>A value and the diagnostics produced while making it.</summary>
internal sealed record Result<T>(T? Value, EquatableArray<DiagnosticInfo> Diagnostics)
    where T : class;

/// <summary>
/// The JSON context generated for a spec (a <c>JsonSerializerContext</c> built without reflection): its
/// name and one type-info property for each generated type and each other type an operation sends or
/// returns.
/// </summary>
internal sealed record JsonContextModel(string Name, EquatableArray<JsonTypeInfoModel> Types)
{
    /// <summary>Each type's property, by <see cref="TypeRef.Key"/>: what the client's calls name to read and write a type.</summary>
    public System.Collections.Generic.Dictionary<string, string> PropertiesByType()
    {
        var properties = new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var info in Types)
        {
            properties[info.Type.Key] = info.PropertyName;
        }

        return properties;
    }
}

/// <summary>A property of the JSON context: the type info for <paramref name="Type"/>.</summary>
internal sealed record JsonTypeInfoModel(string PropertyName, TypeRef Type);
