using Specgen.Generator.Common;

namespace Specgen.Generator.Modelling.Model;

/// <summary>A type Specgen generates. Sealed records with value equality, so the pipeline can cache them.</summary>
internal abstract record TypeModel(string Name, string? Description, bool IsDeprecated);

/// <summary>An object schema: a record with one property per schema property.</summary>
internal sealed record ObjectModel(
    string Name,
    string? Description,
    bool IsDeprecated,
    EquatableArray<PropertyModel> Properties,
    string ExtensionDataName,
    bool IsValidated = false) : TypeModel(Name, Description, IsDeprecated);

/// <summary>
/// A string or integer enum, emitted as an extensible struct: the known values are named, and a value
/// the spec does not list survives a round trip instead of failing.
/// </summary>
internal sealed record EnumModel(
    string Name,
    string? Description,
    bool IsDeprecated,
    EquatableArray<EnumMemberModel> Members,
    bool IsClosed,
    bool IsInteger = false) : TypeModel(Name, Description, IsDeprecated);

/// <summary>One known value: its C# name, its wire value (for an integer enum, the number's invariant text) and what the spec says of it.</summary>
internal sealed record EnumMemberModel(string Name, string Value, string? Description = null);

/// <summary>
/// A oneOf/anyOf: a closed hierarchy with one case per variant (in the spec's order) and an Unknown
/// case. <paramref name="ReadOrder"/> is the order the converter tries the cases' tests in.
/// </summary>
internal sealed record UnionModel(
    string Name,
    string? Description,
    bool IsDeprecated,
    EquatableArray<UnionCaseModel> Cases,
    EquatableArray<int> ReadOrder,
    UnionStrategy Strategy,
    bool IsNullable,
    bool IsValidated = false) : TypeModel(Name, Description, IsDeprecated);

/// <summary>How a union's converter picks the case; decided once, at generation time.</summary>
internal enum UnionStrategy
{
    /// <summary>An explicit or inferred discriminator: constant values of required properties.</summary>
    Discriminator,
    /// <summary>The JSON value kind (string, number, boolean, object, array).</summary>
    ValueKind,
    /// <summary>The set of required properties, unique per variant.</summary>
    RequiredProperties,
    /// <summary>Nothing tells the variants apart: the union keeps the raw JSON.</summary>
    Ambiguous,
}

/// <summary>One case of a union and the test that selects it.</summary>
internal sealed record UnionCaseModel(string Name, TypeRef Type, string? Description, CaseTest Test);

/// <summary>
/// What a JSON value must look like to be this case. The emitted converter checks the cases'
/// tests in the order the modeller chose, so the decision is made here, not by trial at run time.
/// </summary>
/// <param name="Kinds">The JSON value kinds the case accepts.</param>
/// <param name="Constants">Required properties with a fixed value (an explicit or inferred discriminator).</param>
/// <param name="RequiredProperties">Properties that must be present.</param>
/// <param name="ForbiddenProperties">Properties that must be absent (the discriminator, for the one case that has none).</param>
/// <param name="StringValues">For a string enum case, the values it accepts.</param>
/// <param name="Items">For an array case, the test its first element must pass (an empty array takes the first array case).</param>
internal sealed record CaseTest(
    JsonValueKindSet Kinds,
    EquatableArray<PropertyConstant> Constants,
    EquatableArray<string> RequiredProperties,
    EquatableArray<string> ForbiddenProperties,
    EquatableArray<string> StringValues,
    CaseTest? Items);

/// <summary>A required property with a fixed value that identifies a union case.</summary>
internal sealed record PropertyConstant(string Property, string Value);

/// <summary>The JSON value kinds a case accepts, as flags.</summary>
[System.Flags]
internal enum JsonValueKindSet
{
    None = 0,
    Object = 1,
    Array = 2,
    String = 4,
    Number = 8,
    Boolean = 16,
    Any = Object | Array | String | Number | Boolean,
}
