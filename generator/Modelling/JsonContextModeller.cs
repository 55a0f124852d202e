using System.Collections.Generic;
using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Modelling;

/// <summary>
/// Decides the JSON context's name and its properties: one per generated type, named as the type, and
/// one per other type an operation sends or returns (<c>StoreList</c>, <c>String</c>).
/// </summary>
internal static class JsonContextModeller
{
    /// <summary><c>VercelClient</c> → <c>VercelJson</c>; a client name without the suffix gains <c>Json</c>.</summary>
    public static string NameFor(string clientName)
    {
        const string Suffix = "Client";
        return clientName.Length > Suffix.Length && clientName.EndsWith(Suffix, System.StringComparison.Ordinal)
            ? clientName.Substring(0, clientName.Length - Suffix.Length) + "Json"
            : clientName + "Json";
    }

    public static JsonContextModel Model(string name, IEnumerable<TypeModel> types, IEnumerable<OperationModel> operations)
    {
        var members = new NameScope(ReservedNames.JsonContext.Append(name));
        var properties = types
            .Where(t => t is not (ResultUnionModel or HeadersModel or FormModel))
            .Select(t => new JsonTypeInfoModel(members.Claim(t.Name), TypeRef.Named(t.Name, isValueType: t is EnumModel)))
            .ToList();
        var results = types.OfType<ResultUnionModel>().SelectMany(r => r.Cases).Select(c => c.Type);
        var others = operations
            .SelectMany(o => new[] { o.Body is { Kind: BodyKind.Json } body ? body.Type : null, o.Result.Kind is ResultKind.Json or ResultKind.JsonLines or ResultKind.Events ? o.Result.Type : null })
            .Concat(results)
            .Concat(operations.SelectMany(o => o.Parameters).Where(p => p.Kind == ParameterKind.Json).Select(p => p.Type))
            .Concat(types.OfType<FormModel>().SelectMany(f => f.Parts).Where(p => p.Kind == FormPartKind.Json).Select(p => p.Type))
            .Concat(operations.SelectMany(o => o.Errors).Select(e => e.Type))
            .Where(t => t is not null && t.Kind != TypeKind.Named)
            .Distinct();
        properties.AddRange(others.Select(t => new JsonTypeInfoModel(members.Claim(NameOf(t!)), t!)));
        return new JsonContextModel(name, properties.ToEquatableArray());
    }

    private static string NameOf(TypeRef type) => type.Kind switch
    {
        TypeKind.Named => type.Name!,
        TypeKind.Array => NameOf(type.Item!) + "List",
        TypeKind.Map => NameOf(type.Item!) + "Map",
        _ when type.Scalar is { } scalar => scalar.ContextName,
        _ => type.Kind.ToString(),
    };
}
