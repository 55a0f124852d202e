using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Modelling;

/// <summary>
/// Where a spec describes inheritance: a component with a <c>discriminator</c> (and no oneOf/anyOf,
/// which make it a union) that other components <c>allOf</c>, and the components that <c>allOf</c>
/// those in turn. Found once, before modelling; <see cref="Link"/> then gives each base the subtypes that
/// really became its subclasses.
/// </summary>
internal sealed class Inheritance
{
    private readonly Dictionary<string, Member> _members = new(System.StringComparer.Ordinal);

    /// <summary>Each component's base by allOf (its first reference to another component), discriminator or not.</summary>
    private readonly Dictionary<string, string> _parents = new(System.StringComparer.Ordinal);

    /// <summary>A component in a hierarchy: its base (null for the root), the discriminator, the values that mean it, and its direct subtypes.</summary>
    public sealed record Member(string? BaseId, string Discriminator, IReadOnlyList<string> Values, IReadOnlyList<string> Children);

    public static Inheritance Find(OpenApiDocument document)
    {
        var found = new Inheritance();
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var children = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
        foreach (var pair in schemas)
        {
            // The first component an allOf refers to is the base; a second one is merged, as C# has one base.
            var parent = pair.Value?.AllOf?.OfType<OpenApiSchemaReference>().Select(r => r.Reference?.Id).FirstOrDefault(id => id is not null && schemas.ContainsKey(id));
            if (parent is not null && parent != pair.Key)
            {
                found._parents[pair.Key] = parent;
                (children.TryGetValue(parent, out var list) ? list : children[parent] = new List<string>()).Add(pair.Key);
            }
        }

        foreach (var pair in schemas)
        {
            if (pair.Value is { Discriminator.PropertyName: { Length: > 0 } property } root
                && root.OneOf is not { Count: > 0 } && root.AnyOf is not { Count: > 0 } && children.ContainsKey(pair.Key))
            {
                found.Add(pair.Key, null, property, Mappings(schemas, pair.Key, children), children);
            }
        }

        return found;
    }

    /// <summary>The component at <paramref name="pointer"/> (<c>#/components/schemas/…</c>) in a hierarchy, if it is in one.</summary>
    public Member? At(string pointer) =>
        pointer.StartsWith(Prefix, System.StringComparison.Ordinal) && _members.TryGetValue(Reading.JsonPointer.Unescape(pointer.Substring(Prefix.Length)), out var member) ? member : null;

    /// <summary>
    /// The nearest component every one of <paramref name="ids"/> is or derives from: in one discriminated
    /// hierarchy; else, without a discriminator, one of <paramref name="ids"/> that every other one allOfs
    /// (<c>ProblemDetails</c> beside <c>HttpValidationProblemDetails</c>). Null when there is none.
    /// </summary>
    public string? CommonAncestor(IReadOnlyList<string> ids)
    {
        List<string>? common = null;
        foreach (var id in ids)
        {
            var line = Line(id, current => _members.TryGetValue(current, out var member) ? member.BaseId : null, _members.ContainsKey);
            common = common is null ? line : common.Where(line.Contains).ToList();
        }

        return common?.FirstOrDefault()
            ?? ids.FirstOrDefault(candidate => ids.All(id => Line(id, current => _parents.TryGetValue(current, out var parent) ? parent : null, _ => true).Contains(candidate)));
    }

    /// <summary>A component and its ancestors by <paramref name="parentOf"/>, nearest first, while <paramref name="belongs"/>.</summary>
    private static List<string> Line(string id, System.Func<string, string?> parentOf, System.Func<string, bool> belongs)
    {
        var line = new List<string>();
        for (string? current = id; current is not null && belongs(current) && line.Count < 64 && !line.Contains(current); current = parentOf(current))
        {
            line.Add(current);
        }

        return line;
    }

    /// <summary>
    /// Gives every record of a hierarchy the types that derive from it (deepest first); a subtype that
    /// could not become a subclass (its base was still being modelled) is an ordinary record and is not listed.
    /// </summary>
    public static List<TypeModel> Link(List<TypeModel> types)
    {
        var records = types.OfType<ObjectModel>().Where(t => t.Hierarchy is not null).ToDictionary(t => t.Name, System.StringComparer.Ordinal);
        if (records.Count == 0)
        {
            return types;
        }

        var children = records.Values.Where(r => r.Hierarchy!.BaseName is not null && records.ContainsKey(r.Hierarchy.BaseName))
            .GroupBy(r => r.Hierarchy!.BaseName!, System.StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Name, System.StringComparer.Ordinal).ToList(), System.StringComparer.Ordinal);
        return types.Select(t => t is ObjectModel { Hierarchy: { } hierarchy } record
            ? record with { Hierarchy = hierarchy with { Subtypes = Descendants(record.Name, children).ToEquatableArray() } }
            : t).ToList();
    }

    private const string Prefix = "/components/schemas/";

    private static IEnumerable<SubtypeModel> Descendants(string name, Dictionary<string, List<ObjectModel>> children)
    {
        foreach (var child in children.TryGetValue(name, out var list) ? list : new List<ObjectModel>())
        {
            foreach (var grandchild in Descendants(child.Name, children))
            {
                yield return grandchild;
            }

            yield return new SubtypeModel(child.Name, child.Hierarchy!.Values);
        }
    }

    private void Add(string id, string? baseId, string property, Dictionary<string, List<string>> mapping, Dictionary<string, List<string>> children)
    {
        if (_members.ContainsKey(id))
        {
            return;
        }

        var own = children.TryGetValue(id, out var list) ? list : new List<string>();
        _members[id] = new Member(baseId, property, mapping.TryGetValue(id, out var values) ? values : new List<string> { id }, own);
        foreach (var child in own)
        {
            Add(child, id, property, mapping, children);
        }
    }

    /// <summary>The discriminator values of every component under the root: from the mappings of the root and of the bases below it.</summary>
    private static Dictionary<string, List<string>> Mappings(IDictionary<string, IOpenApiSchema> schemas, string root, Dictionary<string, List<string>> children)
    {
        var values = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
        var pending = new Stack<string>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        pending.Push(root);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!seen.Add(id))
            {
                continue;
            }

            foreach (var pair in (schemas.TryGetValue(id, out var schema) ? schema?.Discriminator?.Mapping : null) ?? new Dictionary<string, OpenApiSchemaReference>())
            {
                if (pair.Value?.Reference?.Id is { } target && !values.Values.Any(v => v.Contains(pair.Key)))
                {
                    (values.TryGetValue(target, out var list) ? list : values[target] = new List<string>()).Add(pair.Key);
                }
            }

            foreach (var child in children.TryGetValue(id, out var list) ? list : new List<string>())
            {
                pending.Push(child);
            }
        }

        return values;
    }
}
