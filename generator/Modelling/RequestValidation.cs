using System.Collections.Generic;
using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Modelling;

/// <summary>
/// Marks the types a request body can reach: they validate themselves before the client sends them
/// (required members, lengths, patterns, ranges, closed enums). Response-only types stay lean.
/// </summary>
internal static class RequestValidation
{
    public static IEnumerable<TypeModel> Mark(IReadOnlyList<TypeModel> types, IEnumerable<OperationModel> operations)
    {
        var byName = types.ToDictionary(t => t.Name, System.StringComparer.Ordinal);
        var validated = new HashSet<string>(System.StringComparer.Ordinal);
        var pending = new Stack<TypeRef>(operations.Where(o => o.Body is { Kind: BodyKind.Json }).Select(o => o.Body!.Type));
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.Item is { } item)
            {
                pending.Push(item);
                continue;
            }

            if (type.Name is null || !byName.TryGetValue(type.Name, out var model) || model is EnumModel || !validated.Add(type.Name))
            {
                continue;
            }

            var reached = model switch
            {
                ObjectModel record => record.Properties.Select(p => p.Type),
                UnionModel union => union.Cases.Select(c => c.Type),
                _ => Enumerable.Empty<TypeRef>(),
            };
            foreach (var next in reached)
            {
                pending.Push(next);
            }
        }

        PropertyChecks ChecksOf(TypeRef type)
        {
            var inner = type.Item ?? type;
            if (inner.Name is null || !byName.TryGetValue(inner.Name, out var model))
            {
                return PropertyChecks.None;
            }

            return model switch
            {
                EnumModel { IsClosed: true } when type.Item is null => PropertyChecks.ClosedEnum,
                ObjectModel or UnionModel when validated.Contains(inner.Name) => PropertyChecks.Nested,
                _ => PropertyChecks.None,
            };
        }

        return types.Select(t => t switch
        {
            ObjectModel record when validated.Contains(record.Name) => record with
            {
                IsValidated = true,
                Properties = record.Properties.Select(p => p with { Checks = ChecksOf(p.Type) }).ToEquatableArray(),
            },
            UnionModel union when validated.Contains(union.Name) => union with { IsValidated = true },
            _ => t,
        });
    }
}
