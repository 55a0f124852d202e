using System.Globalization;
using Specgen.Generator.Modelling.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// How a record keeps its members, for the record and its converter alike: each member in a field of
/// its own, and a bit per member (in <c>_set0</c>, <c>_set1</c>, …, 64 to a field) that says whether the
/// member is on the wire, so absent, null and a value are three states.
/// </summary>
internal static class RecordMembers
{
    // Member names are Pascal identifiers (a capital or an underscore first), so "_" + name never
    // meets "_set0" or another member's field.
    public static string Field(PropertyModel property) => "_" + property.Name;

    /// <summary>
    /// For a member whose value can fail its format (<see cref="TypeRef.CanBeMalformed"/>), the field that
    /// keeps such a value as sent; lower case after the underscore, so it never meets a member's field.
    /// </summary>
    public static string RawField(PropertyModel property) => "_raw_" + property.Name;

    public static string SetField(int index) => "_set" + (index / 64).ToString(CultureInfo.InvariantCulture);

    public static int SetFieldCount(ObjectModel model) => (model.Properties.Count + 63) / 64;

    public static string Bit(int index) => "1UL << " + (index % 64).ToString(CultureInfo.InvariantCulture);

    /// <summary>An expression that is true when the member is on the wire, on <paramref name="target"/> (<c>value.</c>, or empty for this).</summary>
    public static string IsSet(int index, string target = "") => $"(({target}{SetField(index)} & ({Bit(index)})) != 0)";

    /// <summary>The type of a member's field: nullable, so a required member the JSON lacked is null.</summary>
    public static string FieldType(PropertyModel property, string ns) => CSharp.TypeName(property.Type, ns) + "?";
}
