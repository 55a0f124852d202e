using Microsoft.OpenApi;

namespace Specgen.Generator.Modelling.Model;

/// <summary>How a scalar becomes parameter text (path, query, header).</summary>
internal enum ScalarText
{
    /// <summary>It is text already.</summary>
    AsIs,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>ToString</c> in the invariant culture.</summary>
    Invariant,
}

/// <summary>How a scalar's default or constant is written as a C# literal.</summary>
internal enum ScalarLiteral
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
}

/// <summary>Which of a schema's constraints apply to a scalar.</summary>
[System.Flags]
internal enum ScalarChecks
{
    None = 0,

    /// <summary><c>minLength</c>, <c>maxLength</c> and <c>pattern</c>.</summary>
    Text = 1,

    /// <summary><c>minimum</c> and <c>maximum</c>.</summary>
    Range = 2,
}

/// <summary>
/// One scalar C# type and everything the pipeline does with it: which schema <c>type</c> and
/// <c>format</c> give it, its C# name and whether it is a value type, the <c>Specgen.Runtime.JsonRead</c>/<c>JsonWrite</c> step that
/// reads and writes it, its name in the JSON context, how it becomes parameter text, which
/// <c>ApiHeaders</c> method reads it from a header (none: the header's text), how a default is written,
/// and which constraints are checked.
/// </summary>
internal sealed record Scalar(
    TypeKind Kind,
    JsonSchemaType SchemaType,
    string? Format,
    string CSharpType,
    bool IsValueType,
    string JsonStep,
    string ContextName,
    ScalarText Text,
    string? HeaderRead,
    ScalarLiteral Literal,
    ScalarChecks Checks);

/// <summary>
/// The scalar table: adding a scalar type or a format is one entry here (and, when it needs one, the
/// runtime step the entry names).
/// </summary>
internal static class Scalars
{
    public static readonly Scalar String = new(TypeKind.String, JsonSchemaType.String, null, "string", false, "String", "String", ScalarText.AsIs, null, ScalarLiteral.String, ScalarChecks.Text);
    public static readonly Scalar Boolean = new(TypeKind.Boolean, JsonSchemaType.Boolean, null, "bool", true, "Boolean", "Boolean", ScalarText.Boolean, "Boolean", ScalarLiteral.Boolean, ScalarChecks.None);
    public static readonly Scalar Int32 = new(TypeKind.Int32, JsonSchemaType.Integer, "int32", "int", true, "Int32", "Int32", ScalarText.Invariant, "Int32", ScalarLiteral.Int32, ScalarChecks.Range);
    public static readonly Scalar Int64 = new(TypeKind.Int64, JsonSchemaType.Integer, null, "long", true, "Int64", "Int64", ScalarText.Invariant, "Int64", ScalarLiteral.Int64, ScalarChecks.Range);
    public static readonly Scalar Number = new(TypeKind.Number, JsonSchemaType.Number, null, "double", true, "Number", "Double", ScalarText.Invariant, "Number", ScalarLiteral.Double, ScalarChecks.Range);

    /// <summary>Every entry; for a schema type, an entry with a format comes before the one without.</summary>
    public static readonly Scalar[] All = [String, Boolean, Int32, Int64, Number];

    /// <summary>The entry for a scalar type kind; null for a kind that is not a scalar (a named type, a list, JSON).</summary>
    public static Scalar? Of(TypeKind kind)
    {
        foreach (var scalar in All)
        {
            if (scalar.Kind == kind)
            {
                return scalar;
            }
        }

        return null;
    }

    /// <summary>The entry for a schema's <c>type</c> and <c>format</c>: the one with that format, else the type's own; null when the type is not a scalar.</summary>
    public static Scalar? For(JsonSchemaType type, string? format)
    {
        Scalar? plain = null;
        foreach (var scalar in All)
        {
            if (scalar.SchemaType != type)
            {
                continue;
            }

            if (scalar.Format is not null && scalar.Format == format)
            {
                return scalar;
            }

            plain ??= scalar.Format is null ? scalar : null;
        }

        return plain;
    }
}
