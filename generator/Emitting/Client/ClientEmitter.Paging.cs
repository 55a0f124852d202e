using System.Collections.Generic;
using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>A paged operation's second method: its items, page by page, each page a call of the operation's own method.</summary>
internal static partial class ClientEmitter
{
    private const string Paging = CSharp.Infrastructure + ".Paging";

    private static string PagedSignature(OperationModel operation, PaginationModel paging, string ns)
    {
        return $"{CSharp.Runtime}.ApiPageable<{CSharp.TypeName(paging.ItemType, ns)}> {paging.MethodName}({string.Join(", ", Parameters(operation, ns))})";
    }

    private static void WritePagedDocs(SourceWriter writer, OperationModel operation, PaginationModel paging)
    {
        DocComments.Summary(writer, operation.Summary ?? operation.Description, $"{operation.HttpMethod} {operation.Path}");
        var how = paging.Kind switch
        {
            PagingKind.Link => "the next page is the address in the <c>Link</c> header's <c>rel=\"next\"</c>",
            PagingKind.Cursor => $"the next page is the cursor of each page sent as <c>{paging.Parameter?.TrimStart('@')}</c>",
            PagingKind.Offset => $"the next page starts at <c>{paging.Parameter?.TrimStart('@')}</c> plus the items read",
            _ => $"the next page is <c>{paging.Parameter?.TrimStart('@')}</c> plus one",
        };
        DocComments.Remarks(writer, new List<string>
        {
            $"Every item of <see cref=\"{operation.MethodName}\"/>, page by page: a page is fetched when the caller has used the items before it, and {how}.",
            "<c>AsPages()</c> gives the pages, with their responses and continuation tokens.",
        });
        WriteParameterDocs(writer, operation);

        writer.Line("/// <param name=\"requestOptions\">Headers, a timeout and a retry policy for each page's call; null for the client's.</param>");
        writer.Line("/// <returns>The items, read as they are enumerated; the enumerator's token cancels it.</returns>");
    }

    private static void WritePagedBody(SourceWriter writer, OperationModel operation, PaginationModel paging, string ns)
    {
        // The lambda's own names never hide one of the method's parameters.
        var taken = new HashSet<string>(operation.Signature.Select(p => p.Name.TrimStart('@')), System.StringComparer.Ordinal);
        string Free(string name) => taken.Contains(name) ? Free(name + "_") : name;
        var (token, response, page) = (Free("token"), Free("response"), Free("page"));
        var parameter = paging.Parameter;
        string Start() => $"{token} is null ? {parameter} : {FromToken(paging.ParameterType!)}({token})";
        string Argument(MethodParameter p) => p.Name == parameter ? $"{p.Name}: {Start()}" : $"{p.Name}: {p.Name}";
        var arguments = operation.Signature.Select(Argument)
            .Append(paging.Kind == PagingKind.Link ? $"requestOptions: {Paging}.At(requestOptions, {token})" : "requestOptions: requestOptions")
            .Append("cancellationToken: cancellationToken");
        var items = Member(response + ".Value", paging.Items);
        var next = paging.Kind switch
        {
            PagingKind.Link => $"{Paging}.NextLink({response})",
            PagingKind.Cursor => $"{Paging}.Token({Member(response + ".Value", paging.Next)})",
            PagingKind.Offset => $"{Paging}.NextOffset({Start()}, {page}.Count, {paging.Size ?? "null"})",
            _ => $"{Paging}.NextPage({Start()}, {page}.Count, {paging.Size ?? "null"}, {paging.First.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
        };
        var item = CSharp.TypeName(paging.ItemType, ns);
        writer.Lines($$"""
            return new {{CSharp.Runtime}}.ApiPageable<{{item}}>(async ({{token}}, cancellationToken) =>
            {
                var {{response}} = await {{operation.MethodName}}({{string.Join(", ", arguments)}}).WithResponseAsync().ConfigureAwait(false);
            """);
        if (paging.Kind is PagingKind.Offset or PagingKind.Page)
        {
            writer.Line($"    var {page} = {items} ?? global::System.Array.Empty<{item}>();");
            writer.Line($"    return {Paging}.Page({response}, {page}, {next});");
        }
        else
        {
            writer.Line($"    return {Paging}.Page({response}, {items}, {next});");
        }

        writer.Line("});");
    }

    /// <summary>The expression reading <paramref name="steps"/> from <paramref name="start"/>, null-conditional after a member that may be null.</summary>
    private static string Member(string start, EquatableArray<MemberStep> steps)
    {
        var expression = start;
        var nullable = false;
        foreach (var step in steps)
        {
            expression += (nullable ? "?." : ".") + step.Property;
            nullable |= step.IsNullable;
        }

        return expression;
    }

    private static string FromToken(string type) => type switch
    {
        "double" => Paging + ".Double",
        "long" => Paging + ".Int64",
        "int" => Paging + ".Int32",
        _ => string.Empty,
    };
}
