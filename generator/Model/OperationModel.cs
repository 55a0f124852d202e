using System.Collections.Generic;
using System.Linq;
using Specgen.Generator.Common;

namespace Specgen.Generator.Model;

/// <summary>One HTTP operation: a client method.</summary>
/// <param name="Group">
/// The <see cref="GroupModel.Name"/> of the sub-client the method is on (its first tag, or <c>x-specgen-group</c>); null for the
/// root client, and for every operation of a spec with fewer than two groups.
/// </param>
/// <param name="AlternativeOf">
/// For an operation that offers several kinds of request body: null for its first method (JSON when it
/// has it), else the name of that method; this one sends the same operation with another kind of body.
/// </param>
/// <param name="Security">
/// Which of <see cref="SecurityModel.Requirements"/> the operation authenticates by; null when the spec
/// declares no security (the client sends its bearer token, if it has one).
/// </param>
/// <param name="Accept">The <c>Accept</c> header: the media types of the responses the method reads; null when it reads none.</param>
/// <param name="Paging">For an operation recognised as paged: its paged method; null for any other.</param>
internal sealed record OperationModel(
    string MethodName,
    string? Group,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    ResultModel Result,
    EquatableArray<ResponseModel> Responses,
    EquatableArray<ErrorBodyModel> Errors,
    TypeRef? Headers = null,
    string? AlternativeOf = null,
    int? Security = null,
    string? OperationId = null,
    string? Accept = null,
    PaginationModel? Paging = null)
{
    /// <summary>
    /// The generated method's parameters, in order, before <c>requestOptions</c> and the token: path parameters,
    /// the body, the other parameters; those with a default (an optional body or parameter, <c>= null</c>) after
    /// all those without, each group in that order.
    /// </summary>
    public IEnumerable<MethodParameter> Signature
    {
        get
        {
            var all = new List<MethodParameter>();
            all.AddRange(Parameters.Where(p => p.Location == ParameterLocation.Path).Select(p => new MethodParameter(p.Name, p.Type, false, p.Description)));
            if (Body is { } body)
            {
                all.Add(new MethodParameter(body.Name, body.Type, !body.IsRequired, body.Description ?? "The request body."));
            }

            all.AddRange(Parameters.Where(p => p.Location != ParameterLocation.Path).Select(p => new MethodParameter(p.Name, p.Type, p.IsOptional, p.Description)));
            return all.Where(p => !p.IsOptional).Concat(all.Where(p => p.IsOptional));
        }
    }
}

/// <summary>A parameter of a generated method: an optional one is nullable and defaults to null.</summary>
internal sealed record MethodParameter(string Name, TypeRef Type, bool IsOptional, string? Description);

/// <summary>
/// The response headers an operation's successes document, as a record with one typed member each and
/// <c>From(ApiHeaders)</c>: <c>var limits = GetItemsHeaders.From(response.Headers)</c>.
/// </summary>
internal sealed record HeadersModel(string Name, string? Description, EquatableArray<HeaderModel> Headers)
    : TypeModel(Name, Description, IsDeprecated: false);

/// <summary>One documented response header; <paramref name="Type"/> is a scalar, a string enum or a list of strings.</summary>
internal sealed record HeaderModel(string Name, string WireName, TypeRef Type, string? Description);

/// <summary>An error response whose JSON body the spec describes: read into <paramref name="Type"/> and kept on the exception.</summary>
/// <param name="Status">As the spec writes it: <c>404</c>, <c>4XX</c> or <c>default</c>.</param>
internal sealed record ErrorBodyModel(string Status, TypeRef Type);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <param name="Delimiter">
/// For an array query parameter: what joins its values (<c>,</c>, a space or <c>|</c>), or null to send
/// it once per value. Path, header and cookie arrays are comma-joined by the runtime.
/// </param>
/// <param name="Style">
/// The runtime's <c>Specgen.Runtime.Infrastructure.ParameterStyle</c> it is written in, where that is not the location's
/// plain default: a <c>label</c> or <c>matrix</c> path parameter, and every object parameter.
/// </param>
/// <param name="Explode">The spec's <c>explode</c>: how a styled array or an object is written.</param>
/// <param name="Members">For an <see cref="ParameterKind.Object"/> parameter, the record members it sends, in order.</param>
/// <param name="AllowReserved">A query value whose reserved characters (<c>:/?#[]@!$&amp;'()*+,;=</c>) are sent as they are.</param>
internal sealed record ParameterModel(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    string? Delimiter = null,
    string? Style = null,
    bool Explode = false,
    ParameterKind Kind = ParameterKind.Value,
    EquatableArray<ParameterMemberModel> Members = default,
    bool AllowReserved = false)
{
    /// <summary>Whether the caller may leave it out (a path parameter never: the path needs it).</summary>
    public bool IsOptional => !IsRequired && Location != ParameterLocation.Path;
}

/// <summary>What a parameter's value is, and so how it becomes text.</summary>
internal enum ParameterKind
{
    /// <summary>A scalar or enum, or an array of them.</summary>
    Value,

    /// <summary>A record: its members are the pairs, written in the parameter's style (<c>filter[name]=x</c>, <c>name=x&amp;age=3</c>).</summary>
    Object,

    /// <summary>A dictionary of scalars: its entries are the pairs, written like an object's.</summary>
    Map,

    /// <summary>A parameter with <c>content: application/json</c>: its value written as JSON text.</summary>
    Json,
}

/// <summary>A record member an object parameter sends: its name on the wire, its C# property, its type (a scalar, enum or array of them).</summary>
internal sealed record ParameterMemberModel(string WireName, string Property, TypeRef Type, bool IsNullable);

internal sealed record BodyModel(string Name, TypeRef Type, bool IsRequired, string ContentType, string? Description, BodyKind Kind = BodyKind.Json);

/// <summary>How a request body is written: as JSON of its type, as the bytes of a stream, as UTF-8 text, or as a form's parts.</summary>
internal enum BodyKind
{
    Json,
    Binary,
    Text,

    /// <summary><c>multipart/form-data</c>: a <see cref="FormModel"/> written as parts.</summary>
    Multipart,

    /// <summary><c>application/x-www-form-urlencoded</c>: a <see cref="FormModel"/> written as pairs.</summary>
    Form,
}

/// <summary>A documented response status, for the method's docs.</summary>
internal sealed record ResponseModel(string Status, string? Description);

/// <summary>How a success response's body is read, and what it becomes.</summary>
internal enum ResultKind
{
    /// <summary>No body: the method returns no value.</summary>
    None,
    /// <summary>JSON, read into <see cref="ResultModel.Type"/>.</summary>
    Json,
    /// <summary>Text (<c>text/*</c>, XML): a string.</summary>
    Text,
    /// <summary>Bytes (<c>application/octet-stream</c>, <c>image/*</c>, …): a file the caller reads as it arrives.</summary>
    File,
    /// <summary>Line-delimited JSON, each line a <see cref="ResultModel.Type"/>, read as it arrives.</summary>
    JsonLines,
    /// <summary>Server-sent events, each event's data a <see cref="ResultModel.Type"/>, read as it arrives.</summary>
    Events,
    /// <summary>Different bodies for different statuses: a <see cref="ResultUnionModel"/> with a case per status.</summary>
    ByStatus,
}

/// <summary>
/// What a method returns. <paramref name="AllowsEmpty"/>: some documented success has no body (a 204), so
/// the value may be null. For <see cref="ResultKind.ByStatus"/>, <paramref name="Type"/> is the result union.
/// </summary>
internal sealed record ResultModel(ResultKind Kind, TypeRef? Type, bool AllowsEmpty = false)
{
    /// <summary>For a stream offered beside JSON: the media type it asks for (its method's <c>Accept</c>).</summary>
    public string? MediaType { get; init; }

    public static readonly ResultModel None = new(ResultKind.None, null);
}

/// <summary>
/// The result of an operation whose successes have different bodies: a closed hierarchy with one
/// case per documented status and an Unknown case for a status the spec does not document.
/// </summary>
internal sealed record ResultUnionModel(string Name, string? Description, EquatableArray<ResultCaseModel> Cases)
    : TypeModel(Name, Description, IsDeprecated: false);

/// <summary>One documented success status of a <see cref="ResultUnionModel"/>: <c>201</c> → <c>Created</c> with its value.</summary>
/// <param name="Status">The status as the spec writes it: <c>201</c>, or <c>2XX</c>.</param>
internal sealed record ResultCaseModel(string Name, string Status, ResultKind Kind, TypeRef? Type, string? Description);

/// <summary>How a paged operation names its next page.</summary>
internal enum PagingKind
{
    /// <summary>A cursor in the body (Vercel's <c>pagination.next</c>) sent back in a query parameter (<c>until</c>, <c>next</c>).</summary>
    Cursor,

    /// <summary>The <c>Link</c> header's <c>rel="next"</c> address (GitHub).</summary>
    Link,

    /// <summary><c>offset</c> and <c>limit</c>: the next offset is this one plus the items read.</summary>
    Offset,

    /// <summary><c>page</c> and <c>per_page</c>: the next page number is this one plus one.</summary>
    Page,
}

/// <summary>A member read on the way from a response body to its items or its cursor: its C# name, and whether it may be null.</summary>
internal sealed record MemberStep(string Property, bool IsNullable);

/// <summary>
/// A paged operation's second method: every item, page by page (<c>ApiPageable&lt;T&gt;</c>). It calls the
/// operation's own method for each page, with the continuation token in <paramref name="Parameter"/>.
/// </summary>
/// <param name="MethodName">The paged method's name (<c>GetAllTeamsAsync</c>).</param>
/// <param name="Items">From the body to its list of items; empty when the body is the list.</param>
/// <param name="Next">For <see cref="PagingKind.Cursor"/>: from the body to the cursor.</param>
/// <param name="Parameter">The method parameter the token goes in: the cursor, offset or page; null for a link.</param>
/// <param name="ParameterType">That parameter's C# scalar (<c>string</c>, <c>double</c>, <c>long</c>, <c>int</c>).</param>
/// <param name="Size">The parameter holding the page size (<c>limit</c>, <c>per_page</c>): a shorter page is the last.</param>
/// <param name="First">For <see cref="PagingKind.Page"/>: the first page's number.</param>
internal sealed record PaginationModel(
    PagingKind Kind,
    string MethodName,
    TypeRef ItemType,
    EquatableArray<MemberStep> Items,
    EquatableArray<MemberStep> Next,
    string? Parameter,
    string? ParameterType,
    string? Size,
    long First = 1);
