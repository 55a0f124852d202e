
namespace Specgen.Generator.Model;

/// <summary>How a scalar becomes parameter text (path, query, header).</summary>
internal enum ScalarText
{
    /// <summary>It is text already.</summary>
    AsIs,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>ToString</c> in the invariant culture.</summary>
    Invariant,

    /// <summary>The format's own rule: the <c>Specgen.Runtime.Infrastructure.ApiText</c> method named by the entry's step.</summary>
    Format,
}

/// <summary>How a scalar's default or constant is written as a C# literal.</summary>
internal enum ScalarLiteral
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Single,
    Decimal,

    /// <summary>A default is not written (a date, a UUID): the member starts out unset.</summary>
    None,
}

/// <summary>Which of a schema's constraints apply to a scalar.</summary>
[System.Flags]
internal enum ScalarChecks
{
    None = 0,

    /// <summary><c>minLength</c>, <c>maxLength</c> and <c>pattern</c>: on a formatted string, on the text it is sent as.</summary>
    Text = 1,

    /// <summary><c>minimum</c> and <c>maximum</c>.</summary>
    Range = 2,
}

/// <summary>The schema <c>type</c>s a scalar is of (the model's own, not a reader's).</summary>
internal enum ScalarSchemaType
{
    String,
    Boolean,
    Integer,
    Number,
}

/// <summary>
/// One scalar C# type and everything the pipeline does with it: which schema <c>type</c> and
/// <c>format</c>s give it, its C# name and whether it is a value type, the step that reads and writes it
/// (<c>Specgen.Runtime.Infrastructure.JsonRead</c>/<c>JsonWrite</c>, and for <see cref="ScalarText.Format"/> the
/// <c>ApiText</c> method; for a header, the <c>ApiHeaders</c> method <paramref name="HeaderRead"/>, none
/// meaning the header's text), its name in the JSON context, how a default is written, which constraints
/// are checked, and whether a value of the right JSON kind can still fail to be one
/// (<paramref name="CanBeMalformed"/>): such a value is kept as sent instead of failing the read.
/// </summary>
internal sealed record Scalar(
    TypeKind Kind,
    ScalarSchemaType SchemaType,
    string? Format,
    string CSharpType,
    bool IsValueType,
    string JsonStep,
    string ContextName,
    ScalarText Text,
    string? HeaderRead,
    ScalarLiteral Literal,
    ScalarChecks Checks,
    bool CanBeMalformed,
    string? OtherFormat = null)
{
    /// <summary>What the value must be, in a message: its format, else its schema type.</summary>
    public string Expected => Format ?? SchemaType.ToString().ToLowerInvariant();
}

/// <summary>
/// The scalar table: adding a scalar type or a format is one entry here (and, when it needs one, the
/// runtime step the entry names). A format not listed (<c>email</c>, <c>hostname</c>, <c>ipv4</c>,
/// <c>duration</c>, <c>binary</c> inside JSON) is the schema type's plain entry.
/// </summary>
internal static class Scalars
{
    /// <summary>The format a <c>TimeSpan</c> is known by (Swashbuckle's; the reader gives .NET's pattern it too).</summary>
    public const string DateSpanFormat = "date-span";

    public static readonly Scalar String = new(TypeKind.String, ScalarSchemaType.String, null, "string", false, "String", "String", ScalarText.AsIs, null, ScalarLiteral.String, ScalarChecks.Text, false);
    public static readonly Scalar Boolean = new(TypeKind.Boolean, ScalarSchemaType.Boolean, null, "bool", true, "Boolean", "Boolean", ScalarText.Boolean, "Boolean", ScalarLiteral.Boolean, ScalarChecks.None, false);
    public static readonly Scalar Int32 = new(TypeKind.Int32, ScalarSchemaType.Integer, "int32", "int", true, "Int32", "Int32", ScalarText.Invariant, "Int32", ScalarLiteral.Int32, ScalarChecks.Range, true);
    public static readonly Scalar Int64 = new(TypeKind.Int64, ScalarSchemaType.Integer, null, "long", true, "Int64", "Int64", ScalarText.Invariant, "Int64", ScalarLiteral.Int64, ScalarChecks.Range, true, "int64");
    public static readonly Scalar Number = new(TypeKind.Number, ScalarSchemaType.Number, null, "double", true, "Number", "Double", ScalarText.Invariant, "Number", ScalarLiteral.Double, ScalarChecks.Range, false, "double");
    public static readonly Scalar Single = new(TypeKind.Single, ScalarSchemaType.Number, "float", "float", true, "Single", "Single", ScalarText.Format, "Single", ScalarLiteral.Single, ScalarChecks.Range, true);
    public static readonly Scalar Decimal = new(TypeKind.Decimal, ScalarSchemaType.Number, "decimal", "decimal", true, "Decimal", "Decimal", ScalarText.Format, "Decimal", ScalarLiteral.Decimal, ScalarChecks.Range, true);
    public static readonly Scalar DateTime = new(TypeKind.DateTime, ScalarSchemaType.String, "date-time", "global::System.DateTimeOffset", true, "DateTime", "DateTimeOffset", ScalarText.Format, "DateTime", ScalarLiteral.None, ScalarChecks.Text, true);
    public static readonly Scalar Date = new(TypeKind.Date, ScalarSchemaType.String, "date", "global::System.DateOnly", true, "Date", "DateOnly", ScalarText.Format, "Date", ScalarLiteral.None, ScalarChecks.Text, true);
    public static readonly Scalar Time = new(TypeKind.Time, ScalarSchemaType.String, "time", "global::System.TimeOnly", true, "Time", "TimeOnly", ScalarText.Format, "Time", ScalarLiteral.None, ScalarChecks.Text, true);
    public static readonly Scalar Duration = new(TypeKind.Duration, ScalarSchemaType.String, Scalars.DateSpanFormat, "global::System.TimeSpan", true, "Duration", "TimeSpan", ScalarText.Format, "Duration", ScalarLiteral.None, ScalarChecks.Text, true);
    public static readonly Scalar Uuid = new(TypeKind.Uuid, ScalarSchemaType.String, "uuid", "global::System.Guid", true, "Guid", "Guid", ScalarText.Format, "Guid", ScalarLiteral.None, ScalarChecks.Text, true);
    public static readonly Scalar Uri = new(TypeKind.Uri, ScalarSchemaType.String, "uri", "global::System.Uri", false, "Uri", "Uri", ScalarText.Format, "Uri", ScalarLiteral.None, ScalarChecks.Text, true, "uri-reference");
    public static readonly Scalar Bytes = new(TypeKind.Bytes, ScalarSchemaType.String, "byte", "byte[]", false, "Bytes", "Bytes", ScalarText.Format, "Bytes", ScalarLiteral.None, ScalarChecks.Text, true);

    /// <summary>Every entry; for a schema type, the plain entry (no format) is the one an unlisted format gets.</summary>
    public static readonly Scalar[] All = [String, Boolean, Int32, Int64, Number, Single, Decimal, DateTime, Date, Time, Duration, Uuid, Uri, Bytes];

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

    /// <summary>The entry for a schema's <c>type</c> and <c>format</c>: the one with that format, else the type's plain one; null when the type is not a scalar.</summary>
    public static Scalar? For(ScalarSchemaType type, string? format)
    {
        Scalar? plain = null;
        foreach (var scalar in All)
        {
            if (scalar.SchemaType != type)
            {
                continue;
            }

            if (format is not null && (scalar.Format == format || scalar.OtherFormat == format))
            {
                return scalar;
            }

            plain ??= scalar.Format is null ? scalar : null;
        }

        return plain;
    }
}
