using System.Collections.Generic;
using System.Linq;
using Specgen.Generator.Common;

namespace Specgen.Generator.Model;

/// <summary>A type Specgen generates. Sealed records with value equality, so the pipeline can cache them.</summary>
internal abstract record TypeModel(string Name, string? Description, bool IsDeprecated);

/// <summary>
/// An object schema: a record with one property per schema property. <see cref="Properties"/> are all
/// its members on the wire, those it inherits (<see cref="HierarchyModel"/>) first. Other properties are
/// kept in the extension data: as JSON, or as <see cref="AdditionalType"/> when the schema's
/// <c>additionalProperties</c> gives them a type.
/// </summary>
internal sealed record ObjectModel(
    string Name,
    string? Description,
    bool IsDeprecated,
    EquatableArray<PropertyModel> Properties,
    string ExtensionDataName,
    bool IsValidated = false,
    HierarchyModel? Hierarchy = null,
    TypeRef? AdditionalType = null) : TypeModel(Name, Description, IsDeprecated)
{
    /// <summary>Where each level of the hierarchy's own members start in <see cref="Properties"/>, the root's first: <c>[0]</c> for a record with no base.</summary>
    public EquatableArray<int> Levels => Hierarchy?.Levels ?? RootLevel;

    /// <summary>How many of <see cref="Properties"/> a base type declares.</summary>
    public int InheritedCount => Levels[Levels.Count - 1];

    /// <summary>It derives from another generated record.</summary>
    public bool IsDerived => Hierarchy?.BaseName is not null;

    /// <summary>It declares members of its own, beyond those it inherits.</summary>
    public bool HasOwnMembers => InheritedCount < Properties.Count;

    private static readonly EquatableArray<int> RootLevel = new[] { 0 }.ToEquatableArray();
}

/// <summary>
/// A record's place in an inheritance hierarchy: a base schema with a <c>discriminator</c> whose
/// subtypes <c>allOf</c> it. The base reads its subtypes by the discriminator; a value it does not
/// know reads as the base itself, extension data included, so nothing is lost.
/// </summary>
/// <param name="BaseName">The record it derives from; null for the root.</param>
/// <param name="Levels">Where each level's own members start in the record's properties, the root's first.</param>
/// <param name="Discriminator">The discriminator's JSON name.</param>
/// <param name="DiscriminatorIndex">The discriminator member's index in the record's properties; -1 when the root does not declare it.</param>
/// <param name="Values">The discriminator values that mean this type (the first is the one it sends).</param>
/// <param name="Subtypes">Every type deriving from this one, deepest first, so a type test never meets an ancestor first.</param>
internal sealed record HierarchyModel(
    string? BaseName,
    EquatableArray<int> Levels,
    string Discriminator,
    int DiscriminatorIndex,
    EquatableArray<string> Values,
    EquatableArray<SubtypeModel> Subtypes)
{
    /// <summary>No type derives from it: the record is sealed.</summary>
    public bool IsSealed => Subtypes.Count == 0;
}

/// <summary>A type deriving from a hierarchy's record, and the discriminator values that mean it.</summary>
internal sealed record SubtypeModel(string Name, EquatableArray<string> Values);

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
/// <paramref name="Fallbacks"/> are tried after them, for a value without the discriminator.
/// </summary>
internal sealed record UnionModel(
    string Name,
    string? Description,
    bool IsDeprecated,
    EquatableArray<UnionCaseModel> Cases,
    EquatableArray<int> ReadOrder,
    UnionStrategy Strategy,
    bool IsNullable,
    bool IsValidated = false,
    EquatableArray<FallbackTest> Fallbacks = default) : TypeModel(Name, Description, IsDeprecated)
{
    /// <summary>
    /// The C# values the union converts from implicitly, each with the one case it picks: a list case from an
    /// array and a <c>List&lt;T&gt;</c> of its items (C# allows no conversion from an interface), never from raw
    /// JSON, a map or the union itself; a value two cases would take converts to neither.
    /// </summary>
    public IEnumerable<UnionConversion> Conversions
    {
        get
        {
            var all = new List<UnionConversion>();
            foreach (var @case in Cases)
            {
                if (@case.Type.Kind == TypeKind.Array)
                {
                    all.Add(new UnionConversion(@case.Name, @case.Type, ConversionSource.Array));
                    all.Add(new UnionConversion(@case.Name, @case.Type, ConversionSource.List));
                }
                else if (@case.Type.Kind is not (TypeKind.Map or TypeKind.JsonNode or TypeKind.JsonObject or TypeKind.JsonElement) && @case.Type.Name != Name)
                {
                    all.Add(new UnionConversion(@case.Name, @case.Type, ConversionSource.Value));
                }
            }

            return all.GroupBy(c => (c.Type.Key, c.Source)).Where(g => g.Count() == 1).Select(g => g.First());
        }
    }

    /// <summary>
    /// What the cases' tests (and the fallbacks') ask of an object's properties, each once, for the converter's
    /// single scan of the object; null when there is nothing to ask or more than a scan's 64 bits.
    /// </summary>
    public List<ScanFact>? ScanFacts
    {
        get
        {
            var facts = Cases.Select(c => c.Test).Concat(Fallbacks.Select(f => f.Test)).SelectMany(t => t.Facts).Distinct().ToList();
            return facts.Count is > 0 and <= 64 ? facts : null;
        }
    }
}

/// <summary>An implicit conversion of a union: from a case's value (or, for a list case, an array or a list of its items) to that case.</summary>
internal sealed record UnionConversion(string Case, TypeRef Type, ConversionSource Source);

/// <summary>What a union converts from: the case's own type, or for a list case an array or a <c>List&lt;T&gt;</c> of its items.</summary>
internal enum ConversionSource
{
    Value,
    Array,
    List,
}

/// <summary>A question a union's converter asks of an object: whether it has <paramref name="Property"/> (with the string <paramref name="Value"/>, when given).</summary>
internal sealed record ScanFact(string Property, string? Value);

/// <summary>
/// A second test for a case of a discriminated union, for a value that lacks the discriminator (GitHub's
/// examples of <c>/user</c> leave out <c>user_view_type</c>): its required properties tell it apart.
/// </summary>
/// <param name="Case">The index of the case in the union's cases.</param>
internal sealed record FallbackTest(int Case, CaseTest Test);

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
    CaseTest? Items)
{
    /// <summary>The required properties that are not also constants (a constant already requires its property).</summary>
    public IEnumerable<string> RequiredOnly => RequiredProperties.Where(r => Constants.All(c => c.Property != r));

    /// <summary>What this test asks of an object's own properties: its constants, then presences, then absences.</summary>
    public IEnumerable<ScanFact> Facts => Required.Concat(Forbidden);

    /// <summary>The facts that must hold: each constant, and each other required property.</summary>
    public IEnumerable<ScanFact> Required => Constants.Select(c => new ScanFact(c.Property, c.Value)).Concat(RequiredOnly.Select(r => new ScanFact(r, null)));

    /// <summary>The facts that must not hold: each forbidden property.</summary>
    public IEnumerable<ScanFact> Forbidden => ForbiddenProperties.Select(f => new ScanFact(f, null));
}

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

/// <summary>
/// A <c>multipart/form-data</c> or <c>application/x-www-form-urlencoded</c> request body: a record with one
/// member per schema property, which the client writes as parts (or pairs), never as JSON.
/// </summary>
/// <param name="IsValidated">It checks itself before it is sent: a part is required or constrained.</param>
internal sealed record FormModel(string Name, string? Description, bool IsDeprecated, EquatableArray<FormPartModel> Parts, bool IsMultipart, bool IsValidated = false)
    : TypeModel(Name, Description, IsDeprecated);

/// <summary>One property of a form body and how it is written.</summary>
/// <param name="ContentType">The part's media type from the spec's <c>encoding</c>; null for the default (none for text, <c>application/json</c> for JSON, the file's own for files).</param>
/// <param name="Style">For a form-urlencoded list or object, the runtime's <c>ParameterStyle</c>; null for the default (form).</param>
/// <param name="Explode">The spec's <c>explode</c> for a form-urlencoded list or object.</param>
/// <param name="Members">For an <see cref="FormPartKind.Object"/> part, the record members it sends.</param>
/// <param name="Constraints">For a text part, the lengths, patterns and ranges its schema gives; null for none.</param>
internal sealed record FormPartModel(
    string Name,
    string WireName,
    TypeRef Type,
    FormPartKind Kind,
    bool IsRequired,
    bool IsNullable,
    string? Description,
    bool IsDeprecated,
    string? ContentType = null,
    string? Style = null,
    bool Explode = true,
    EquatableArray<ParameterMemberModel> Members = default,
    Constraints? Constraints = null)
{
    /// <summary>Request validation has something to check: it is required (and could be left null) or constrained.</summary>
    public bool IsChecked => (IsRequired && !Type.IsValueType) || Constraints is { IsEmpty: false };
}

/// <summary>How a form body's property is written.</summary>
internal enum FormPartKind
{
    /// <summary>A scalar or enum as text, or a list of them (a part per value, or pairs in the property's style).</summary>
    Text,

    /// <summary>A file (<c>format: binary</c>, or a 3.1 <c>contentMediaType</c>), or a list of files: a part each.</summary>
    File,

    /// <summary>Any other value in a multipart body: a part holding its JSON.</summary>
    Json,

    /// <summary>A record in a form-urlencoded body: its members as pairs in the property's style (<c>meta[key]=value</c>).</summary>
    Object,

    /// <summary>A dictionary of scalars in a form-urlencoded body: its entries as pairs, like an object's.</summary>
    Map,
}
