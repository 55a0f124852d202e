using Specgen.Generator.Common;

namespace Specgen.Generator.Modelling.Model;

/// <summary>One member of a generated record.</summary>
/// <param name="DefaultLiteral">The spec's default as a C# expression built by Specgen, never spec text.</param>
/// <param name="ConstantLiteral">
/// For a required member whose schema allows one value (a union's discriminator), that value as a C#
/// literal: the member is pre-set to it, so a caller building the shape does not repeat it.
/// </param>
internal sealed record PropertyModel(
    string Name,
    string JsonName,
    TypeRef Type,
    bool IsRequired,
    bool IsNullable,
    string? Description,
    string? DefaultLiteral,
    bool IsDeprecated,
    Constraints Constraints,
    string? ConstantLiteral = null);

/// <summary>Validation facts from the schema; documented now, enforced by request validation.</summary>
internal sealed record Constraints(
    int? MinLength,
    int? MaxLength,
    EquatableArray<string> Patterns,
    string? Minimum,
    string? Maximum)
{
    public static readonly Constraints None = new(null, null, EquatableArray<string>.Empty, null, null);

    public bool IsEmpty => this == None;
}
