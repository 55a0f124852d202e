using System.Collections.Generic;
using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Model;

namespace Specgen.Generator.Modelling;

/// <summary>
/// Replaces the names of components that refer to themselves but are not types of their own
/// (<c>Tree: {type: array, items: {$ref: Tree}}</c>, a single <c>allOf</c>) with what they stand for.
/// One that stands only for itself has no C# form and becomes raw JSON, with a warning.
/// </summary>
internal static class Aliases
{
    public static (List<TypeModel> Types, List<OperationModel> Operations) Resolve(ModelContext context, List<OperationModel> operations)
    {
        if (context.Aliases.Count == 0)
        {
            return (context.Types.ToList(), operations);
        }

        var final = new Dictionary<string, TypeRef>(System.StringComparer.Ordinal);
        foreach (var pair in context.Aliases)
        {
            var expanded = Expand(pair.Value.Type, context.Aliases, new HashSet<string>(System.StringComparer.Ordinal) { pair.Key });
            if (expanded is null)
            {
                context.Report(Descriptors.ReferenceCycle, pair.Value.Pointer, pair.Key, "it is a list, map or single allOf/oneOf of itself");
            }

            final[pair.Key] = expanded ?? TypeRef.JsonNode;
        }

        TypeRef Fix(TypeRef type) => type.Kind == TypeKind.Named && final.TryGetValue(type.Name!, out var to) ? to
            : type.Item is { } item ? type with { Item = Fix(item) }
            : type;

        var types = context.Types.Select(type => type switch
        {
            ObjectModel o => o with { Properties = o.Properties.Select(p => p with { Type = Fix(p.Type) }).ToEquatableArray() },
            UnionModel u => u with { Cases = u.Cases.Select(c => c with { Type = Fix(c.Type) }).ToEquatableArray() },
            ResultUnionModel r => r with { Cases = r.Cases.Select(c => c with { Type = c.Type is { } t ? Fix(t) : null }).ToEquatableArray() },
            FormModel f => f with { Parts = f.Parts.Select(p => p with { Type = Fix(p.Type) }).ToEquatableArray() },
            _ => type,
        }).ToList();
        var fixedOperations = operations.Select(o => o with
        {
            Parameters = o.Parameters.Select(p => p with { Type = Fix(p.Type) }).ToEquatableArray(),
            Body = o.Body is { } body ? body with { Type = Fix(body.Type) } : null,
            Result = o.Result.Type is { } result ? o.Result with { Type = Fix(result) } : o.Result,
            Errors = o.Errors.Select(e => e with { Type = Fix(e.Type) }).ToEquatableArray(),
        }).ToList();
        return (types, fixedOperations);
    }

    /// <summary>The alias's type with every alias inside it replaced; null when it contains itself.</summary>
    private static TypeRef? Expand(TypeRef type, Dictionary<string, (TypeRef Type, string Pointer)> aliases, HashSet<string> expanding)
    {
        if (type.Kind == TypeKind.Named && aliases.TryGetValue(type.Name!, out var alias))
        {
            if (!expanding.Add(type.Name!))
            {
                return null;
            }

            var inner = Expand(alias.Type, aliases, expanding);
            expanding.Remove(type.Name!);
            return inner;
        }

        if (type.Item is { } item)
        {
            return Expand(item, aliases, expanding) is { } expandedItem ? type with { Item = expandedItem } : null;
        }

        return type;
    }
}
