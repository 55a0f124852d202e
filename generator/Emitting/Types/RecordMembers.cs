using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// How a record keeps its members, for its properties and its <c>ReadValue</c>/<c>WriteValue</c> alike: as data. The record holds one
/// <c>Specgen.Runtime.Infrastructure.MemberValues</c>, made from the member table it declares
/// (<c>RecordShape</c>), and each property gets and sets its member there by index (its place in the table, a
/// subtype's members after its base's), so absent, null, a value and the JSON as sent are kept by the runtime.
/// </summary>
internal static class RecordMembers
{
    /// <summary>Every record's base, which keeps its members (<see cref="Values"/>) and gives it equality, a hash and copies.</summary>
    public const string Base = "global::Specgen.Runtime.ApiRecord";

    /// <summary>The record's members (a protected field of <see cref="Base"/>). Member names are Pascal identifiers (a capital or an underscore first), so this never meets one.</summary>
    public const string Values = "_m";

    /// <summary>The member table, a private static field of the record (a lower-case name, so no member meets it).</summary>
    public const string ShapeField = "s_shape";

    /// <summary>An expression of a member's value on this record, typed as <paramref name="type"/>, that never throws (for validation).</summary>
    public static string Peek(int index, string type) => $"{Values}.Peek<{type}>({Index(index)})";

    /// <summary>
    /// A property's getter: its member cast from the runtime's indexer (a cast binds in less compile time than a generic
    /// call), or for a value type that cannot be null through <c>Get&lt;T&gt;</c>, whose <c>default</c> is not <c>null</c>.
    /// </summary>
    public static string Get(PropertyModel property, string type, string at) =>
        property.Type.IsValueType && !property.IsNullable ? $"{Values}.Get<{type}>({at})"
        : property.IsNullable ? $"({type}){Values}[{at}]"
        : $"({type}){Values}[{at}]!";

    public static string Index(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// What member <paramref name="index"/> holds before anything sets it, as a C# expression of its type (a constant,
    /// the type's discriminator value, or a default), and whether it is the discriminator's preset, which a read that
    /// lacks the member does not hold.
    /// </summary>
    public static (string? Value, bool Preset) Initial(ObjectModel model, int index, string ns)
    {
        var property = model.Properties[index];
        if (property.ConstantLiteral is { } constant)
        {
            return (Typed(property.Type, constant, ns), false);
        }

        if (model.Hierarchy is { DiscriminatorIndex: var discriminator, Values.Count: > 0 } hierarchy && discriminator == index)
        {
            var literal = StringLiteral.Of(hierarchy.Values[0]);
            return (property.Type.Kind == TypeKind.Named ? $"new {CSharp.TypeName(property.Type, ns)}({literal})" : literal, true);
        }

        if (property.DefaultLiteral is not { } value || property.MustBeSet)
        {
            return (null, false);
        }

        return (property.Type.Kind switch
        {
            TypeKind.Named => $"new {CSharp.TypeName(property.Type, ns)}({value})",
            TypeKind.Array => $"global::System.Array.Empty<{CSharp.TypeName(property.Type.Item!, ns)}>()",
            TypeKind.Map => $"new global::System.Collections.Generic.Dictionary<string, {CSharp.TypeName(property.Type.Item!, ns)}>(global::System.StringComparer.Ordinal)",
            _ => Typed(property.Type, value, ns),
        }, false);
    }

    /// <summary>A scalar literal boxed as the member's type (<c>(long)20</c>), so the property's typed read finds it.</summary>
    private static string Typed(TypeRef type, string literal, string ns) =>
        type.Kind is TypeKind.Named or TypeKind.Array or TypeKind.Map || type.Scalar is null ? literal : $"({CSharp.TypeName(type, ns)})({literal})";
}
