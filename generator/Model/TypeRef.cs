namespace Specgen.Generator.Model;

/// <summary>What C# type a schema maps to; what each scalar kind means is its entry in <see cref="Scalars"/>.</summary>
internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Number,
    Single,
    Decimal,
    DateTime,
    Date,
    Time,
    /// <summary>A .NET <c>TimeSpan</c> (<c>format: date-span</c>).</summary>
    Duration,
    Uuid,
    Uri,
    Bytes,
    /// <summary>A free-form JSON object: <c>JsonObject</c>.</summary>
    JsonObject,
    /// <summary>Any JSON value: <c>JsonNode</c>.</summary>
    JsonNode,
    /// <summary>Opaque JSON kept as read (TypeScript brand markers): <c>JsonElement</c>.</summary>
    JsonElement,
    /// <summary>A binary request body: a <c>Stream</c> the client sends as it reads it.</summary>
    Stream,
    /// <summary>A file in a form body: a <c>FilePart</c> (a stream or bytes, a file name and a media type).</summary>
    File,
    /// <summary>A type Specgen generates (record, enum or union), by name.</summary>
    Named,
    Array,
    Map,
}

/// <summary>A reference to a C# type; <see cref="Item"/> is the element type of arrays and maps.</summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Item = null, bool IsValueType = false)
{
    public static readonly TypeRef String = Of(Scalars.String);
    public static readonly TypeRef Boolean = Of(Scalars.Boolean);
    public static readonly TypeRef Int32 = Of(Scalars.Int32);
    public static readonly TypeRef Int64 = Of(Scalars.Int64);
    public static readonly TypeRef Number = Of(Scalars.Number);
    public static readonly TypeRef JsonObject = new(TypeKind.JsonObject);
    public static readonly TypeRef JsonNode = new(TypeKind.JsonNode);
    public static readonly TypeRef JsonElement = new(TypeKind.JsonElement, IsValueType: true);
    public static readonly TypeRef Stream = new(TypeKind.Stream);
    public static readonly TypeRef File = new(TypeKind.File);

    /// <summary>
    /// What the type is, as a key: two references to one C# type have the same key (however their value-type
    /// flag was found), so the JSON context's property for a type is found by it, not by the rendered C# name.
    /// </summary>
    public string Key => Kind switch
    {
        TypeKind.Named => "#" + Name,
        TypeKind.Array => "[" + Item!.Key + "]",
        TypeKind.Map => "{" + Item!.Key + "}",
        _ => Kind.ToString(),
    };

    /// <summary>The scalar's entry in <see cref="Scalars"/>; null when this is not a scalar.</summary>
    public Scalar? Scalar => Scalars.Of(Kind);

    /// <summary>
    /// A value of the right JSON kind can still fail to be one of this type (a date that is not a date):
    /// a record member of this type keeps such a value as sent. Lists and maps of such a type too.
    /// </summary>
    public bool CanBeMalformed => Scalar?.CanBeMalformed ?? (Kind is TypeKind.Array or TypeKind.Map && Item!.CanBeMalformed);

    public static TypeRef Of(Scalar scalar) => new(scalar.Kind, IsValueType: scalar.IsValueType);

    public static TypeRef Named(string name, bool isValueType = false) => new(TypeKind.Named, name, IsValueType: isValueType);

    public static TypeRef ArrayOf(TypeRef item) => new(TypeKind.Array, Item: item);

    public static TypeRef MapOf(TypeRef item) => new(TypeKind.Map, Item: item);
}
