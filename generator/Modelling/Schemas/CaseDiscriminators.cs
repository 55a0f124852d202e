using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Specgen.Generator.Modelling;

/// <summary>
/// The components that are cases of a discriminated union (a <c>oneOf</c>/<c>anyOf</c> with a
/// <c>discriminator</c>, as ASP.NET Core writes a <c>[JsonPolymorphic]</c> type and NestJS an
/// <c>@ApiExtraModels</c> one), each with the discriminator's name and the value that means it. Found
/// once, from the document's JSON, before modelling: a case's record then sets its discriminator itself
/// (the union requires it of every case, though the case's own schema may not list it), so a caller
/// never writes it and a value sent is always read back as the same case.
/// </summary>
internal sealed class CaseDiscriminators
{
    private const string ComponentPrefix = "#/components/schemas/";
    private const int MaxDepth = 256;

    private const string PointerPrefix = "/components/schemas/";

    private readonly Dictionary<string, Case> _cases = new(System.StringComparer.Ordinal);

    /// <summary>Components that are cases of two unions with different discriminators or values.</summary>
    private readonly HashSet<string> _conflicts = new(System.StringComparer.Ordinal);

    /// <summary>A case: the discriminator property, the value it sends, and the union component it belongs to (null for an inline union).</summary>
    public sealed record Case(string Property, string Value, string? UnionId);

    public static CaseDiscriminators Find(JsonNode root)
    {
        var found = new CaseDiscriminators();
        var components = (root["components"] as JsonObject)?["schemas"] as JsonObject;
        found.Walk(root, null, components, 0);

        // A component that is a case of two unions with different discriminators or values is left alone.
        foreach (var conflicted in found._conflicts)
        {
            found._cases.Remove(conflicted);
        }

        return found;
    }

    /// <summary>The discriminator the component <paramref name="id"/> sets, if it is a case.</summary>
    public Case? Of(string id) => _cases.TryGetValue(id, out var found) ? found : null;

    /// <summary>The case at <paramref name="pointer"/> (<c>/components/schemas/…</c>), if that component is one.</summary>
    public Case? At(string pointer) =>
        pointer.StartsWith(PointerPrefix, System.StringComparison.Ordinal) ? Of(Reading.JsonPointer.Unescape(pointer.Substring(PointerPrefix.Length))) : null;

    /// <summary>
    /// The name of a case component named after its union and its discriminator value, as ASP.NET Core
    /// names a derived type's schema (<c>ShapeCircle</c> for <c>"circle"</c>): without the union's name
    /// (<c>Circle</c>), since it is read as <c>Shape.Circle</c> anyway. Null for any other component, and
    /// for the base type's own case (<c>PetPet</c>), whose short name is the union's.
    /// </summary>
    public string? ShortName(string id)
    {
        if (Of(id) is not { UnionId: { } union } found || id.Length <= union.Length || !id.StartsWith(union, System.StringComparison.Ordinal))
        {
            return null;
        }

        var rest = id.Substring(union.Length);
        return string.Equals(rest, Naming.Pascal(found.Value, "Case"), System.StringComparison.OrdinalIgnoreCase) && rest != union ? rest : null;
    }

    private void Walk(JsonNode? node, string? componentId, JsonObject? components, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                if (obj["discriminator"] is JsonObject discriminator && discriminator["propertyName"] is JsonValue name && name.TryGetValue(out string? property))
                {
                    AddCases(obj, discriminator, property, components is not null && ReferenceEquals(obj.Parent, components) ? componentId : null);
                }

                foreach (var pair in obj)
                {
                    if (pair.Key is not ("example" or "examples" or "default" or "enum" or "const") && !pair.Key.StartsWith("x-", System.StringComparison.Ordinal))
                    {
                        Walk(pair.Value, ReferenceEquals(obj, components) ? pair.Key : componentId, components, depth + 1);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item, componentId, components, depth + 1);
                }

                break;
        }
    }

    private void AddCases(JsonObject union, JsonObject discriminator, string property, string? unionId)
    {
        var alternatives = (union["oneOf"] as JsonArray ?? union["anyOf"] as JsonArray)?.OfType<JsonObject>().Select(RefId).Where(id => id is not null).ToList();
        if (alternatives is not { Count: > 0 })
        {
            return;
        }

        var mapping = discriminator["mapping"] as JsonObject;
        foreach (var id in alternatives)
        {
            // The mapping's first value for the case, else (as OpenAPI says) the component's name.
            var value = mapping?.FirstOrDefault(pair => pair.Value is JsonValue target && target.TryGetValue(out string? text) && ComponentId(text) == id).Key ?? id!;
            var found = new Case(property, value, unionId);
            if (_cases.TryGetValue(id!, out var existing) && (existing.Property != property || existing.Value != value))
            {
                _conflicts.Add(id!);
            }

            _cases[id!] = existing ?? found;
        }
    }

    private static string? RefId(JsonObject schema) =>
        schema["$ref"] is JsonValue reference && reference.TryGetValue(out string? text) ? ComponentId(text) : null;

    private static string? ComponentId(string? reference) =>
        reference is not null && reference.StartsWith(ComponentPrefix, System.StringComparison.Ordinal) && reference.IndexOf('/', ComponentPrefix.Length) < 0
            ? Reading.JsonPointer.Unescape(reference.Substring(ComponentPrefix.Length))
            : null;
}
