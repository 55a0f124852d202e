using System.Collections.Generic;
using System.Globalization;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// Value equality for unions, by content (a record's is its base's, the runtime's <c>ApiRecord</c>): each case value
/// is compared with the runtime's <c>ValueEquality</c> (lists item by item, maps in any order, JSON by what it says, a
/// record or union inside by its own <c>Equals</c>), so the generated code holds one call per case, not a loop.
/// </summary>
internal static class EqualityEmitter
{
    private const string Values = CSharp.Infrastructure + ".ValueEquality";

    /// <summary>An expression that is true when <paramref name="a"/> and <paramref name="b"/>, of <paramref name="type"/>, are equal by content.</summary>
    public static string Equal(TypeRef type, string ns, string a, string b) => type.Kind switch
    {
        TypeKind.Array => $"{Values}.ListEqual({a}, {b}{Items(type.Item!, ns)})",
        TypeKind.Map => $"{Values}.MapEqual({a}, {b}{Items(type.Item!, ns)})",
        _ => $"{Values}.Equal({a}, {b})",
    };

    /// <summary>A hash of <paramref name="value"/>, of <paramref name="type"/>, that agrees with <see cref="Equal"/>.</summary>
    public static string Hash(TypeRef type, string ns, string value) => type.Kind switch
    {
        TypeKind.Array => $"{Values}.ListHash({value}{Items(type.Item!, ns)})",
        TypeKind.Map => $"{Values}.MapHash({value}{Items(type.Item!, ns)})",
        _ => $"{Values}.Hash({value})",
    };

    /// <summary>
    /// A union's <c>Equals</c>, <c>GetHashCode</c> and <c>==</c>/<c>!=</c>, from one (equality, hash) pair per case:
    /// expressions on <c>a</c> and <c>b</c>, this and the other value as that case.
    /// </summary>
    public static void WriteUnion(SourceWriter writer, string name, IReadOnlyList<(string Case, string Equal, string Hash)> cases)
    {
        writer.Line("/// <summary>Compares case by case: the same case with equal values (lists item by item, maps in any order, JSON by its content).</summary>");
        writer.Line($"public bool Equals({name}? other) => ReferenceEquals(this, other) || (this, other) switch");
        writer.Line("{");
        foreach (var @case in cases)
        {
            writer.Line($"    ({@case.Case} a, {@case.Case} b) => {@case.Equal},");
        }

        writer.Line("    _ => false,");
        writer.Line("};");
        writer.Line();
        writer.Line($"public override bool Equals(object? obj) => Equals(obj as {name});");
        writer.Line();
        writer.Line("public override int GetHashCode() => this switch");
        writer.Line("{");
        for (var i = 0; i < cases.Count; i++)
        {
            writer.Line($"    {cases[i].Case} a => global::System.HashCode.Combine({i.ToString(CultureInfo.InvariantCulture)}, {cases[i].Hash}),");
        }

        writer.Line("    _ => 0,");
        writer.Line("};");
        writer.Line();
        WriteOperators(writer, name);
    }

    /// <summary><c>==</c> and <c>!=</c> for a class, as its <c>Equals</c> says.</summary>
    public static void WriteOperators(SourceWriter writer, string name)
    {
        writer.Line("/// <summary>Compares by content, as <c>Equals</c> does.</summary>");
        writer.Line($"public static bool operator ==({name}? left, {name}? right) => left is null ? right is null : left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Compares by content, as <c>Equals</c> does.</summary>");
        writer.Line($"public static bool operator !=({name}? left, {name}? right) => !(left == right);");
        writer.Line();
    }

    /// <summary>The comparer argument for a collection's items: only a list or map inside needs one.</summary>
    private static string Items(TypeRef item, string ns) => Comparer(item, ns) is { } comparer ? ", " + comparer : string.Empty;

    private static string? Comparer(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.Array => $"{Values}.ListOf<{CSharp.TypeName(type.Item!, ns)}>({Comparer(type.Item!, ns)})",
        TypeKind.Map => $"{Values}.MapOf<{CSharp.TypeName(type.Item!, ns)}>({Comparer(type.Item!, ns)})",
        _ => null,
    };
}
