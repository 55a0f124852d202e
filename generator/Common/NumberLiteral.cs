using System.Globalization;

namespace Specgen.Generator.Common;

/// <summary>Numbers from a spec as C# and as text: invariant and round-trippable, the same on every machine.</summary>
internal static class NumberLiteral
{
    /// <summary>A C# double literal: <c>0.5d</c>.</summary>
    public static string Of(double value) => Text(value) + "d";

    /// <summary>The number as people write it, for docs: <c>0.5</c>.</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
