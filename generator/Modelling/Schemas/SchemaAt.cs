using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using JsonPointer = Specgen.Generator.Reading.JsonPointer;

namespace Specgen.Generator.Modelling;

/// <summary>
/// One schema as modelling reads it: Microsoft.OpenApi's object for what it means, and its place in the
/// document's JSON (the node and the pointer to it) for its shape, its line and the names the spec gives
/// it. Moving to a part of it moves both together, so no pointer is rebuilt by hand and a schema's shape
/// is never looked up again by a pointer that may miss.
/// </summary>
/// <param name="Node">The schema's JSON; null only for a schema Specgen made itself (a 3.1 type list's alternatives).</param>
internal readonly record struct SchemaAt(IOpenApiSchema? Schema, JsonNode? Node, string Pointer)
{
    /// <summary>The schema at a place in the document (a media type's <c>schema</c>, a component), <c>$ref</c>s on the way followed.</summary>
    public static SchemaAt In(JsonNode root, IOpenApiSchema? schema, string pointer)
    {
        var canonical = JsonPointer.Canonical(root, pointer);
        return new SchemaAt(schema, JsonPointer.Find(root, canonical), canonical);
    }

    /// <summary>The schema under <paramref name="key"/> (<c>items</c>, <c>additionalProperties</c>).</summary>
    public SchemaAt Child(IOpenApiSchema? schema, string key) =>
        new(schema, (Node as JsonObject)?[key], JsonPointer.Child(Pointer, key));

    /// <summary>The schema at <paramref name="index"/> of the list under <paramref name="key"/> (<c>allOf</c>, <c>oneOf</c>, <c>anyOf</c>).</summary>
    public SchemaAt Item(IOpenApiSchema? schema, string key, int index) =>
        new(schema, (Node as JsonObject)?[key] is JsonArray list && index < list.Count ? list[index] : null, Pointer + "/" + key + "/" + index.ToString(CultureInfo.InvariantCulture));

    /// <summary>The schema of the property <paramref name="name"/>.</summary>
    public SchemaAt Property(IOpenApiSchema? schema, string name) =>
        new(schema, ((Node as JsonObject)?["properties"] as JsonObject)?[name], JsonPointer.Child(Pointer + "/properties", name));

    /// <summary>A schema Specgen made for a part of this one (an alternative of a type list): it has no JSON of its own.</summary>
    public SchemaAt Made(IOpenApiSchema schema, string key, int index) =>
        new(schema, null, Pointer + "/" + key + "/" + index.ToString(CultureInfo.InvariantCulture));

    public SchemaAt With(IOpenApiSchema? schema) => this with { Schema = schema };
}
