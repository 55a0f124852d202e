using Specgen.Generator.Common;

namespace Specgen.Generator.Modelling.Model;

/// <summary>
/// One member of a generated record. On the wire a member is absent, null or a value: whether it may be
/// absent is <paramref name="IsRequired"/>, whether it may be null is <paramref name="AllowsNull"/>.
/// </summary>
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
    bool AllowsNull,
    string? Description,
    string? DefaultLiteral,
    bool IsDeprecated,
    Constraints Constraints,
    string? ConstantLiteral = null,
    PropertyChecks Checks = PropertyChecks.None,
    bool IsDiscriminator = false)
{
    /// <summary>
    /// The caller must set it (C# <c>required</c>): required by the spec, and neither a constant nor a
    /// hierarchy's discriminator, which each type's constructor sets for them.
    /// </summary>
    public bool MustBeSet => IsRequired && ConstantLiteral is null && !IsDiscriminator;

    /// <summary>The C# type is nullable: the member may be absent or null.</summary>
    public bool IsNullable => !IsRequired || AllowsNull;

    /// <summary>
    /// Reading it can find it missing, or null where the spec allows no null: the JSON is still read,
    /// and touching the member says what was wrong.
    /// </summary>
    public bool CanBeUnavailable => IsRequired;
}

/// <summary>What request validation checks on a member beyond its <see cref="Constraints"/>.</summary>
[System.Flags]
internal enum PropertyChecks
{
    None = 0,
    /// <summary>The member is a closed enum: its value must be one the spec lists.</summary>
    ClosedEnum = 1,
    /// <summary>The member (or each item of it) validates itself.</summary>
    Nested = 2,
}

/// <summary>
/// Validation facts from the schema: documented on the member, and checked before a request is sent.
/// <paramref name="Patterns"/> must all match; of <paramref name="AnyOfPatterns"/> (a oneOf that only offers
/// patterns) one must.
/// </summary>
internal sealed record Constraints(
    int? MinLength,
    int? MaxLength,
    EquatableArray<string> Patterns,
    double? Minimum,
    double? Maximum,
    EquatableArray<string> AnyOfPatterns)
{
    public static readonly Constraints None = new(null, null, EquatableArray<string>.Empty, null, null, EquatableArray<string>.Empty);

    public bool IsEmpty => this == None;
}
