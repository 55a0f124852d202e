namespace Specgen.Generator.Modelling.Model;

/// <summary>What C# type a schema maps to.</summary>
internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Number,
    /// <summary>A free-form JSON object: <c>JsonObject</c>.</summary>
    JsonObject,
    /// <summary>Any JSON value: <c>JsonNode</c>.</summary>
    JsonNode,
    /// <summary>Opaque JSON kept as read (TypeScript brand markers): <c>JsonElement</c>.</summary>
    JsonElement,
    /// <summary>A type Specgen generates (record, enum or union), by name.</summary>
    Named,
    Array,
    Map,
}

/// <summary>A reference to a C# type; <see cref="Item"/> is the element type of arrays and maps.</summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Item = null, bool IsValueType = false)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Boolean = new(TypeKind.Boolean, IsValueType: true);
    public static readonly TypeRef Int32 = new(TypeKind.Int32, IsValueType: true);
    public static readonly TypeRef Int64 = new(TypeKind.Int64, IsValueType: true);
    public static readonly TypeRef Number = new(TypeKind.Number, IsValueType: true);
    public static readonly TypeRef JsonObject = new(TypeKind.JsonObject);
    public static readonly TypeRef JsonNode = new(TypeKind.JsonNode);
    public static readonly TypeRef JsonElement = new(TypeKind.JsonElement, IsValueType: true);

    public static TypeRef Named(string name, bool isValueType = false) => new(TypeKind.Named, name, IsValueType: isValueType);

    public static TypeRef ArrayOf(TypeRef item) => new(TypeKind.Array, Item: item);

    public static TypeRef MapOf(TypeRef item) => new(TypeKind.Map, Item: item);
}
