using System.ComponentModel;

namespace Specgen.Runtime;

/// <summary>
/// The base of every record Specgen generates: it keeps the record's members (absent, <c>null</c>, a value or the JSON
/// as sent) for the properties to get and set, and gives the records their equality, their hash and their copies for
/// <c>with</c>.
/// </summary>
/// <remarks>
/// Two records are equal when they are of the same type and write JSON that says the same: the same members on the
/// wire with equal values (lists item by item, maps and objects in any order, numbers by value). A copy made with
/// <c>with</c> has members of its own: changing one leaves the other as it was.
/// </remarks>
public abstract record ApiRecord
{
    /// <summary>The record's members, by their place in its member table. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
#pragma warning disable CA1051, SA1306, IDE1006 // a field, named so no member a spec names (Pascal case) can hide it
    protected readonly MemberValues _m;
#pragma warning restore CA1051, SA1306, IDE1006

    /// <summary>A record holding <paramref name="members"/>. For generated code.</summary>
    /// <param name="members">The members, made from the record's member table or read.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected ApiRecord(MemberValues members)
    {
        ArgumentNullException.ThrowIfNull(members);
        _m = members;
    }

    /// <summary>A copy, for <c>with</c>: changing one leaves the other as it was.</summary>
    /// <param name="original">The record copied.</param>
    protected ApiRecord(ApiRecord original)
    {
        ArgumentNullException.ThrowIfNull(original);
        _m = original._m.Clone();
    }

    /// <summary>
    /// Equal when of the same type and writing the same JSON: the same members on the wire with equal values (lists
    /// item by item, maps and objects in any order, numbers by value).
    /// </summary>
    /// <param name="other">The other record.</param>
    public virtual bool Equals(ApiRecord? other) => ValueEquality.Record(_m, other?._m);

    /// <summary>A hash of the JSON the record writes, agreeing with <see cref="Equals(ApiRecord)"/>.</summary>
    public override int GetHashCode() => ValueEquality.RecordHash(_m);
}
