using Specgen.Generator.Common;

namespace Specgen.Generator.Modelling.Model;

/// <summary>One member of a generated record.</summary>
/// <param name="DefaultLiteral">The spec's default as a C# expression built by Specgen, never spec text.</param>
internal sealed record PropertyModel(
    string Name,
    string JsonName,
    TypeRef Type,
    bool IsRequired,
    bool IsNullable,
    string? Description,
    string? DefaultLiteral,
    bool IsDeprecated,
    Constraints Constraints);

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
