using System.Collections.Generic;
using System.Globalization;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// How a record keeps its members, for the record and its converter alike: each member in a field of
/// its own, and a bit per member (64 to a field) that says whether the member is on the wire, so absent,
/// null and a value are three states. Each level of a hierarchy declares the fields of its own members:
/// the root's are <c>_set0</c>, <c>_set1</c>, …; a level below's <c>_set1_0</c>, <c>_set2_0</c>, ….
/// </summary>
internal static class RecordMembers
{
    // Member names are Pascal identifiers (a capital or an underscore first), so "_" + name never
    // meets "_set0" or another member's field.
    public static string Field(PropertyModel property) => "_" + property.Name;

    /// <summary>
    /// For a member whose value can fail its format (<see cref="TypeRef.CanBeMalformed"/>), the field that
    /// keeps the JSON as sent when the value does not read, or would be written differently; lower case
    /// after the underscore, so it never meets a member's field.
    /// </summary>
    public static string RawField(PropertyModel property) => "_raw_" + property.Name;

    /// <summary>The presence field that holds member <paramref name="index"/>'s bit.</summary>
    public static string SetField(ObjectModel model, int index)
    {
        var (level, offset) = Locate(model, index);
        return FieldName(level, offset / 64);
    }

    public static string Bit(ObjectModel model, int index) =>
        "1UL << " + (Locate(model, index).Offset % 64).ToString(CultureInfo.InvariantCulture);

    /// <summary>An expression that is true when the member is on the wire, on <paramref name="target"/> (<c>value.</c>, or empty for this).</summary>
    public static string IsSet(ObjectModel model, int index, string target = "") =>
        $"(({target}{SetField(model, index)} & ({Bit(model, index)})) != 0)";

    /// <summary>The presence fields the record itself declares (not its base's): each name and the members whose bits it holds.</summary>
    public static IEnumerable<(string Name, int First, int Count)> OwnSetFields(ObjectModel model)
    {
        var level = model.Levels.Count - 1;
        var first = model.InheritedCount;
        var own = model.Properties.Count - first;
        for (var field = 0; field * 64 < own; field++)
        {
            yield return (FieldName(level, field), first + (field * 64), System.Math.Min(64, own - (field * 64)));
        }
    }

    /// <summary>The type of a member's field: nullable, so a required member the JSON lacked is null.</summary>
    public static string FieldType(PropertyModel property, string ns) => CSharp.TypeName(property.Type, ns) + "?";

    /// <summary>The level that declares member <paramref name="index"/>, and its place among that level's own members.</summary>
    private static (int Level, int Offset) Locate(ObjectModel model, int index)
    {
        var levels = model.Levels;
        var level = levels.Count - 1;
        while (level > 0 && levels[level] > index)
        {
            level--;
        }

        return (level, index - levels[level]);
    }

    private static string FieldName(int level, int field) =>
        level == 0 ? "_set" + field.ToString(CultureInfo.InvariantCulture) : $"_set{level.ToString(CultureInfo.InvariantCulture)}_{field.ToString(CultureInfo.InvariantCulture)}";
}
