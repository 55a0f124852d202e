using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Modelling;

/// <summary>
/// Which operations are paged, and how: a <c>Link: rel="next"</c> header (GitHub), a cursor in the body sent
/// back in a query parameter (Vercel's <c>pagination.next</c> → <c>until</c>, a <c>next_cursor</c> →
/// <c>cursor</c>), <c>offset</c>/<c>limit</c>, or <c>page</c>/<c>per_page</c>; each needs one list of items in
/// the body (or the body to be the list). <c>x-specgen-pagination</c> on an operation declares or corrects the
/// pattern, or (<c>false</c>) turns it off. An operation that fits none for certain stays a plain method.
/// </summary>
internal static class Pagination
{
    /// <summary>The operation extension: <c>false</c>, or <c>{kind, items, next, parameter, size, first}</c>.</summary>
    public const string PaginationExtension = NamingOverrides.Prefix + "pagination";

    private static readonly string[] CursorParameters = ["next", "until", "cursor", "after", "starting_after", "page_token", "pageToken", "next_token", "nextToken", "continuation_token", "continuationToken"];
    private static readonly string[] CursorMembers = ["next_cursor", "nextCursor", "next_page_token", "nextPageToken", "next_token", "nextToken", "continuation_token", "continuationToken", "cursor"];
    private static readonly string[] SizeParameters = ["limit", "per_page", "perPage", "page_size", "pageSize", "size", "take"];
    private static readonly string[] TokenTypes = ["string", "double", "long", "int"];

    public static List<OperationModel> Find(ModelContext context, List<OperationModel> operations, IEnumerable<TypeModel> types)
    {
        var byName = types.ToDictionary(t => t.Name, System.StringComparer.Ordinal);
        var names = new HashSet<(string?, string)>(operations.Select(o => (o.Group, o.MethodName)));
        var result = new List<OperationModel>(operations.Count);
        foreach (var operation in operations)
        {
            var declared = PartAt.In(context.Spec.Root, "/paths/" + Reading.JsonPointer.Escape(operation.Path) + "/" + operation.HttpMethod.ToLowerInvariant()).Child(PaginationExtension).Node;
            if (operation.AlternativeOf is null && Detect(operation, byName, declared) is { } paging)
            {
                var name = PagedName(operation.MethodName);
                for (var i = 2; !names.Add((operation.Group, name)); i++)
                {
                    name = PagedName(operation.MethodName).Replace("Async", i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "Async");
                }

                result.Add(operation with { Paging = paging with { MethodName = name } });
            }
            else
            {
                result.Add(operation);
            }
        }

        return result;
    }

    /// <summary>
    /// The paged method's name: <c>All</c> after a leading Get, List, Search, Find or Fetch (<c>GetTeamsAsync</c> →
    /// <c>GetAllTeamsAsync</c>, <c>ListForOrgAsync</c> → <c>ListAllForOrgAsync</c>), else before Async
    /// (<c>TeamsAsync</c> → <c>TeamsAllAsync</c>); <c>…PagedAsync</c> for a name that already says All.
    /// </summary>
    private static string PagedName(string method)
    {
        var stem = method.Substring(0, method.Length - "Async".Length);
        var words = Naming.IdentifierWords(stem);
        if (words.Contains("All"))
        {
            return stem + "PagedAsync";
        }

        return words.Count > 1 && words[0] is "Get" or "List" or "Search" or "Find" or "Fetch"
            ? words[0] + "All" + stem.Substring(words[0].Length) + "Async"
            : stem + "AllAsync";
    }

    private static PaginationModel? Detect(OperationModel operation, Dictionary<string, TypeModel> types, JsonNode? declared)
    {
        if (declared is JsonValue off && (off.TryGetValue(out bool on) && !on || off.TryGetValue(out string? none) && none == "none"))
        {
            return null;
        }

        var declaration = declared as JsonObject;
        if (operation.Result is not { Kind: ResultKind.Json, AllowsEmpty: false, Type: { } body }
            || (declaration is null && operation.HttpMethod != "GET"))
        {
            return null;
        }

        var query = operation.Parameters.Where(p => p.Location == ParameterLocation.Query && p.IsOptional && p.Kind == ParameterKind.Value).ToList();
        ParameterModel? Parameter(string? wireName) => wireName is null ? null : query.FirstOrDefault(p => p.WireName == wireName);
        ParameterModel? FirstOf(IEnumerable<string> wireNames) => wireNames.Select(Parameter).FirstOrDefault(p => p is not null);
        var record = body.Kind == TypeKind.Named && types.TryGetValue(body.Name!, out var named) ? named as ObjectModel : null;
        var kind = Text(declaration, "kind");
        var size = Parameter(Text(declaration, "size")) ?? FirstOf(SizeParameters);
        var sizeName = size is { Type.Scalar.CSharpType: "int" or "long" or "double" } ? size.Name : null;

        // The cursor: a member of the body (pagination.next, next_cursor) and a parameter that takes it.
        var next = Text(declaration, "next") is { } path ? Path(record, path.Split('.'), types)?.Steps : CursorMember(record, types);
        var cursorParameter = Parameter(Text(declaration, "parameter")) ?? FirstOf(CursorParameters);
        var offset = Parameter(Text(declaration, "parameter")) ?? Parameter("offset");
        var page = Parameter(Text(declaration, "parameter")) ?? Parameter("page");
        var link = operation.Headers is { } headers && types.TryGetValue(headers.Name!, out var headerModel)
            && headerModel is HeadersModel { Headers: var documented } && documented.Any(h => string.Equals(h.WireName, "link", System.StringComparison.OrdinalIgnoreCase));
        kind ??= link ? "link"
            : next is not null && cursorParameter is not null ? "cursor"
            : offset is not null && size is not null ? "offset"
            : page is not null && size is not null ? "page"
            : null;

        var items = Items(body, record, Text(declaration, "items"), types, next);
        if (items is null)
        {
            return null;
        }

        var (steps, itemType) = items.Value;
        PaginationModel? With(PagingKind paging, ParameterModel? parameter, EquatableArray<MemberStep> cursor) =>
            parameter is null && paging != PagingKind.Link ? null
            : parameter is not null && !TokenTypes.Contains(parameter.Type.Scalar?.CSharpType) ? null
            : paging is PagingKind.Offset or PagingKind.Page && parameter!.Type.Scalar?.CSharpType == "string" ? null
            : new PaginationModel(paging, string.Empty, itemType, steps, cursor, parameter?.Name, parameter?.Type.Scalar?.CSharpType, sizeName, First(declaration));
        return kind switch
        {
            "link" => With(PagingKind.Link, null, EquatableArray<MemberStep>.Empty),
            "cursor" when next is not null => With(PagingKind.Cursor, cursorParameter, next.Value),
            "offset" => With(PagingKind.Offset, offset, EquatableArray<MemberStep>.Empty),
            "page" => With(PagingKind.Page, page, EquatableArray<MemberStep>.Empty),
            _ => null,
        };
    }

    /// <summary>The body's list of items: the body itself, the member the declaration names, or its one list member besides the cursor's.</summary>
    private static (EquatableArray<MemberStep> Steps, TypeRef Item)? Items(TypeRef body, ObjectModel? record, string? declared, Dictionary<string, TypeModel> types, EquatableArray<MemberStep>? next)
    {
        if (body.Kind == TypeKind.Array)
        {
            return (EquatableArray<MemberStep>.Empty, body.Item!);
        }

        if (declared is not null)
        {
            return Path(record, declared.Split('.'), types) is ({ } steps, { Kind: TypeKind.Array } list) ? (steps, list.Item!) : null;
        }

        var cursorOwner = next is { Count: > 1 } path ? path[0].Property : null;
        var lists = record?.Properties.Where(p => p.Type.Kind == TypeKind.Array && p.Name != cursorOwner).ToList();
        return lists is { Count: 1 } ? (new[] { new MemberStep(lists[0].Name, lists[0].IsNullable) }.ToEquatableArray(), lists[0].Type.Item!) : null;
    }

    /// <summary>A cursor member: <c>pagination.next</c>, or a top-level <c>next_cursor</c> and the like, a string or a number.</summary>
    private static EquatableArray<MemberStep>? CursorMember(ObjectModel? record, Dictionary<string, TypeModel> types) =>
        (Path(record, ["pagination", "next"], types) ?? CursorMembers.Select(m => Path(record, [m], types)).FirstOrDefault(p => p is not null))?.Steps;

    /// <summary>The members from <paramref name="record"/> along the wire names <paramref name="path"/>, ending at a scalar or a list, and the last one's type; null when there is no such path.</summary>
    private static (EquatableArray<MemberStep> Steps, TypeRef Last)? Path(ObjectModel? record, string[] path, Dictionary<string, TypeModel> types)
    {
        var steps = new List<MemberStep>();
        var current = record;
        for (var i = 0; i < path.Length; i++)
        {
            var member = current?.Properties.FirstOrDefault(p => p.JsonName == path[i]);
            if (member is null)
            {
                return null;
            }

            steps.Add(new MemberStep(member.Name, member.IsNullable));
            if (i == path.Length - 1)
            {
                return member.Type.Kind == TypeKind.Array || TokenTypes.Contains(member.Type.Scalar?.CSharpType) ? (steps.ToEquatableArray(), member.Type) : null;
            }

            current = member.Type.Kind == TypeKind.Named && types.TryGetValue(member.Type.Name!, out var next) ? next as ObjectModel : null;
        }

        return null;
    }

    private static string? Text(JsonObject? declaration, string key) =>
        declaration?[key] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static long First(JsonObject? declaration) =>
        declaration?["first"] is JsonValue value && value.TryGetValue(out long first) ? first : 1;
}
