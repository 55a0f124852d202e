using System.Text;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// What a generated record's <c>ToString</c> prints: <c>Name = value</c> for each member, from its fields (a
/// required member the JSON lacked prints empty; touching it would throw). One call a record, however many
/// members it has. Public for generated code.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public static class RecordText
{
    /// <summary>
    /// Appends the members: <paramref name="names"/> (C# member names, comma-separated, in order) with
    /// <paramref name="values"/>; after a base's members when <paramref name="printed"/> says it printed some.
    /// </summary>
    /// <returns>Always <c>true</c>: there are members (what a record's <c>PrintMembers</c> returns).</returns>
    public static bool PrintMembers(StringBuilder builder, bool printed, string names, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        var split = names.Split(',');
        for (var i = 0; i < split.Length && i < values.Length; i++)
        {
            Member(builder, ref printed, split[i], values[i]);
        }

        return true;
    }

    /// <summary>Appends one member, <c>Name = value</c>, after a separator when something was printed before it.</summary>
    internal static void Member(StringBuilder builder, ref bool printed, string name, object? value)
    {
        if (printed)
        {
            builder.Append(", ");
        }

        builder.Append(name).Append(" = ").Append(value);
        printed = true;
    }
}
