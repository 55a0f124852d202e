using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using JsonPointer = Specgen.Generator.Reading.JsonPointer;

namespace Specgen.Generator.Modelling;

/// <summary>
/// A part of an operation as modelling reads it (the operation, its request body, a response, a parameter, a
/// media type, a header): its place in the document's JSON, the node and the canonical pointer together, as
/// <see cref="SchemaAt"/> is for schemas. Moving to a child follows a local <c>$ref</c> on the way (a response
/// or parameter from <c>components</c>), so no pointer is built by hand and the JSON is read where it is.
/// </summary>
/// <param name="Root">The document.</param>
/// <param name="Node">The part's JSON; null where the document has none.</param>
/// <param name="Pointer">Where it is, every <c>$ref</c> on the way followed.</param>
internal readonly record struct PartAt(JsonNode Root, JsonNode? Node, string Pointer)
{
    /// <summary>The part at <paramref name="pointer"/>, an entry point of the document (a path item's operation, a webhook).</summary>
    public static PartAt In(JsonNode root, string pointer)
    {
        var canonical = JsonPointer.Canonical(root, pointer);
        return new PartAt(root, JsonPointer.Find(root, canonical), canonical);
    }

    /// <summary>The part under <paramref name="key"/> (<c>requestBody</c>, <c>content</c>, a media type, a status).</summary>
    public PartAt Child(string key) => Step((Node as JsonObject)?[key], JsonPointer.Child(Pointer, key));

    /// <summary>The entry at <paramref name="index"/> of the list this part is (<c>parameters</c>, <c>tags</c>).</summary>
    public PartAt Item(int index) =>
        Step(Node is JsonArray list && index < list.Count ? list[index] : null, Pointer + "/" + index.ToString(CultureInfo.InvariantCulture));

    /// <summary>One step down from this part: the node as it is, or, when it is a local <c>$ref</c>, where that leads.</summary>
    private PartAt Step(JsonNode? node, string pointer) =>
        node is JsonObject obj && obj["$ref"] is JsonValue reference && reference.TryGetValue(out string? target) && target.StartsWith("#", System.StringComparison.Ordinal)
            ? In(Root, pointer)
            : new PartAt(Root, node, node is null ? JsonPointer.Canonical(Root, pointer) : pointer);

    /// <summary>The part that holds this one (the path item of an operation).</summary>
    public PartAt Parent => In(Root, JsonPointer.Parent(Pointer));

    /// <summary>The <c>schema</c> of this part (a media type, a parameter, a header), as a schema handle.</summary>
    public SchemaAt Schema(IOpenApiSchema? schema) => SchemaAt.In(Root, schema, JsonPointer.Child(Pointer, "schema"));

    /// <summary>This part's text, when it is a string.</summary>
    public string? Text => Node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
