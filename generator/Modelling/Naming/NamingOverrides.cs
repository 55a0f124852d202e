using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Specgen.Generator.Modelling;

/// <summary>
/// Names a spec gives explicitly with <c>x-specgen-name</c> on a schema. Identical inline shapes
/// become one type, so the name is kept by shape: annotating one occurrence names them all, and the
/// name does not depend on which occurrence the modeller reaches first.
/// </summary>
internal sealed class NamingOverrides
{
    /// <summary>Every Specgen extension starts with this; shapes ignore them.</summary>
    public const string Prefix = "x-specgen-";

    public const string NameExtension = Prefix + "name";

    private readonly Dictionary<string, string> _byShape = new(System.StringComparer.Ordinal);

    private NamingOverrides()
    {
    }

    public static NamingOverrides Collect(JsonNode? root)
    {
        var overrides = new NamingOverrides();
        var pending = new Stack<JsonNode?>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    if (obj.TryGetPropertyValue(NameExtension, out var value) && GivenName(value) is { } name)
                    {
                        var shape = ShapeKey.Of(obj);
                        if (!overrides._byShape.ContainsKey(shape))
                        {
                            overrides._byShape[shape] = name;
                        }
                    }

                    // Children in reverse, so the first occurrence in the document is met first.
                    var children = new List<KeyValuePair<string, JsonNode?>>(obj);
                    for (var i = children.Count - 1; i >= 0; i--)
                    {
                        pending.Push(children[i].Value);
                    }

                    break;
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--)
                    {
                        pending.Push(array[i]);
                    }

                    break;
            }
        }

        return overrides;
    }

    public bool IsEmpty => _byShape.Count == 0;

    /// <summary>The C# name the spec asks for, for a schema of this shape (see <see cref="ShapeKey"/>).</summary>
    public string? NameFor(string shape) =>
        _byShape.TryGetValue(shape, out var name) ? Naming.Pascal(name, "Type") : null;

    /// <summary>The name an <c>x-specgen-name</c> value gives, as written; null when it gives none.</summary>
    public static string? GivenName(JsonNode? value) =>
        value is JsonValue name && name.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
