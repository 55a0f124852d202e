using Specgen.Generator.Common;

namespace Specgen.Generator.Model;

/// <summary>
/// One member of a generated record. On the wire a member is absent, null or a value: whether it may be
/// absent is <paramref name="IsRequired"/>, whether it may be null is <paramref name="AllowsNull"/>.
/// </summary>
/// <param name="DefaultLiteral">The spec's default as a C# expression built by Specgen, never spec text; for an empty list or map, <c>[]</c> or <c>{}</c>, which the emitter writes as an empty one of the member's type.</param>
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
    bool IsDiscriminator = false,
    MemberDirection Direction = MemberDirection.Both)
{
    /// <summary>
    /// The caller must set it (C# <c>required</c>): required by the spec, and neither a constant nor a
    /// hierarchy's discriminator, which each type's constructor sets for them, nor a member only the
    /// server sets (<c>readOnly</c>).
    /// </summary>
    public bool MustBeSet => IsRequired && ConstantLiteral is null && !IsDiscriminator && Direction != MemberDirection.ResponseOnly;

    /// <summary>The C# type is nullable: the member may be absent or null.</summary>
    public bool IsNullable => !IsRequired || AllowsNull;

    /// <summary>
    /// Reading it can find it missing, or null where the spec allows no null: the JSON is still read,
    /// and touching the member says what was wrong.
    /// </summary>
    public bool CanBeUnavailable => IsRequired;
}

/// <summary>Which way a member travels: <c>readOnly</c> members only in responses, <c>writeOnly</c> ones only in requests.</summary>
internal enum MemberDirection
{
    Both,

    /// <summary><c>readOnly</c>: the server sets it; it is never required of the caller and never sent in a request.</summary>
    ResponseOnly,

    /// <summary><c>writeOnly</c>: the caller sends it; a response that lacks it is not missing anything.</summary>
    RequestOnly,
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
