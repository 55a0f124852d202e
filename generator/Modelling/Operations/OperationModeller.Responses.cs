using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Modelling;

internal sealed partial class OperationModeller
{
    /// <summary>
    /// What the operation's responses become: the result, the documented statuses, the typed error bodies,
    /// and the <c>Accept</c> header that asks for the media types the result reads (null when none). A
    /// success returns one body for every success status (null when some success is empty), or, when the
    /// statuses' bodies differ, a result union with a case per status. With no 2xx documented,
    /// <c>default</c> is the success.
    /// </summary>
    private (ResultModel Result, List<ResponseModel> Responses, List<ErrorBodyModel> Errors, string? Accept) Responses(OpenApiOperation operation, PartAt operationAt, string baseName)
    {
        var documented = new List<ResponseModel>();
        var accepted = new List<string>();
        var successes = new List<Success>();
        var errors = new List<ErrorBodyModel>();
        var responses = operation.Responses ?? new OpenApiResponses();
        var hasSuccess = responses.Keys.Any(IsSuccess);
        foreach (var response in responses)
        {
            documented.Add(new ResponseModel(response.Key, response.Value?.Description));
            var at = operationAt.Child("responses").Child(response.Key).Child("content");
            if (!IsSuccess(response.Key) && (hasSuccess || response.Key != "default"))
            {
                if (ErrorBody(response.Key, response.Value?.Content, at, baseName) is { } error)
                {
                    errors.Add(error);
                }

                continue;
            }

            var caseName = StatusName(response.Key);
            var hint = new NameHint(baseName + (successes.Count == 0 ? string.Empty : caseName) + "Response", null);
            // A 204 or 205 never has a body (RFC 9110 15.3.5, 15.3.6), whatever content the spec gives it.
            var (kind, type, read) = response.Key is "204" or "205"
                ? (ResultKind.None, null, Enumerable.Empty<string>())
                : ResponseBody(response.Value?.Content, at, hint);
            successes.Add(new Success(response.Key, caseName, kind, type, response.Value?.Description));
            accepted.AddRange(read.Where(IsMediaType).Except(accepted, System.StringComparer.OrdinalIgnoreCase));
        }

        return (Combine(successes, baseName), documented, errors, accepted.Count > 0 ? string.Join(", ", accepted) : null);
    }

    /// <summary>
    /// For an operation whose one success is offered as JSON and as a stream of values (Vercel's getDeploymentEvents:
    /// <c>application/json</c> and <c>application/stream+json</c>), the stream's result, read as the values arrive; else null.
    /// </summary>
    private ResultModel? StreamAlternative(OpenApiOperation operation, PartAt operationAt, string baseName)
    {
        var successes = (operation.Responses ?? new OpenApiResponses()).Where(r => IsSuccess(r.Key) && r.Key is not ("204" or "205")).ToList();
        if (successes.Count != 1 || successes[0].Value?.Content is not { } content
            || content.FirstOrDefault(c => c.Value is not null && MediaKind(c.Key) is ResultKind.JsonLines or ResultKind.Events) is not { Key: { } media } stream)
        {
            return null;
        }

        var at = operationAt.Child("responses").Child(successes[0].Key).Child("content");
        var only = new Dictionary<string, IOpenApiMediaType> { [media] = stream.Value };
        var (kind, type, _) = ResponseBody(only, at, new NameHint(baseName + "StreamItem", null));
        return kind is ResultKind.JsonLines or ResultKind.Events ? new ResultModel(kind, type) { MediaType = media } : null;
    }

    /// <summary>An error response's JSON body, typed: <c>BadRequestError</c>, shared by every operation with the same shape.</summary>
    private ErrorBodyModel? ErrorBody(string status, IDictionary<string, IOpenApiMediaType>? content, PartAt at, string baseName)
    {
        var json = content is null ? default : JsonMediaType(content, static media => media.Schema is not null);
        if (json.Key is null)
        {
            return null;
        }

        var type = schemas.Resolve(at.Child(json.Key).Schema(json.Value.Schema), new NameHint(ErrorName(status) + "Error", baseName)).Type;
        return new ErrorBodyModel(status, type);
    }

    private static string ErrorName(string status) => status.ToUpperInvariant() switch
    {
        "400" => "BadRequest",
        "401" => "Unauthorized",
        "402" => "PaymentRequired",
        "403" => "Forbidden",
        "404" => "NotFound",
        "405" => "MethodNotAllowed",
        "409" => "Conflict",
        "410" => "Gone",
        "412" => "PreconditionFailed",
        "422" => "UnprocessableEntity",
        "429" => "TooManyRequests",
        "500" => "ServerError",
        "503" => "ServiceUnavailable",
        "4XX" => "ClientError",
        "5XX" => "ServerError",
        "DEFAULT" => "Default",
        _ => "Status" + Naming.Pascal(status, "Other"),
    };

    /// <summary>The headers the operation's successes document (the first description of each name wins), as a record type; null for none.</summary>
    private TypeRef? ResponseHeaders(OpenApiOperation operation, PartAt operationAt, string baseName)
    {
        var name = baseName + "Headers";
        var members = new NameScope(ReservedNames.Headers.Append(name));
        var headers = new List<HeaderModel>();
        foreach (var response in operation.Responses ?? new OpenApiResponses())
        {
            if (!IsSuccess(response.Key) || response.Value?.Headers is not { Count: > 0 } documented)
            {
                continue;
            }

            var at = operationAt.Child("responses").Child(response.Key).Child("headers");
            foreach (var header in documented)
            {
                if (header.Value is null || headers.Any(h => string.Equals(h.WireName, header.Key, System.StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                // A header is text: only scalars, string enums and lists are typed (an object header would make a record no one reads).
                var schema = header.Value.Schema;
                var scalar = schema is not null && SchemaModeller.KindOf(schema) is not (0 or JsonSchemaType.Object) && schema.Properties is not { Count: > 0 };
                var type = scalar ? schemas.Resolve(at.Child(header.Key).Schema(schema), new NameHint(Naming.Pascal(header.Key, "Header"), name)).Type : TypeRef.String;
                var text = type.Scalar is not null
                    || (type.Kind == TypeKind.Named && type.IsValueType)
                    || (type.Kind == TypeKind.Array && type.Item!.Kind == TypeKind.String);
                headers.Add(new HeaderModel(members.Claim(Naming.Pascal(header.Key, "Header")), header.Key, text ? type : TypeRef.String, header.Value.Description));
            }
        }

        if (headers.Count == 0)
        {
            return null;
        }

        var claimed = context.ClaimTypeName(new NameHint(name, null));
        context.Add(new HeadersModel(claimed, null, headers.ToEquatableArray()));
        return TypeRef.Named(claimed);
    }

    private sealed record Success(string Status, string CaseName, ResultKind Kind, TypeRef? Type, string? Description);

    private static bool IsSuccess(string status) => status.StartsWith("2", System.StringComparison.Ordinal);

    private ResultModel Combine(List<Success> successes, string baseName)
    {
        var bodies = successes.Where(s => s.Kind != ResultKind.None).ToList();
        if (bodies.Count == 0)
        {
            return ResultModel.None;
        }

        if (bodies.Select(b => (b.Kind, b.Type)).Distinct().Count() == 1)
        {
            return new ResultModel(bodies[0].Kind, bodies[0].Type, AllowsEmpty: bodies.Count < successes.Count);
        }

        var name = context.ClaimTypeName(new NameHint(baseName + "Result", null));
        var caseNames = new NameScope(ReservedNames.ResultUnion.Append(name));
        var cases = successes
            .Select(s => new ResultCaseModel(
                caseNames.Claim(s.CaseName),
                s.Status,
                // Inside a union every body is read whole: a stream of lines is its text.
                s.Kind is ResultKind.JsonLines or ResultKind.Events ? ResultKind.Text : s.Kind,
                s.Kind is ResultKind.Json ? s.Type : null,
                s.Description))
            .ToEquatableArray();
        context.Add(new ResultUnionModel(name, null, cases));
        return new ResultModel(ResultKind.ByStatus, TypeRef.Named(name));
    }

    /// <summary>A case name for a status: <c>201</c> → <c>Created</c>, <c>2XX</c> → <c>Success</c>.</summary>
    private static string StatusName(string status) => status switch
    {
        "200" => "Ok",
        "201" => "Created",
        "202" => "Accepted",
        "203" => "NonAuthoritative",
        "204" => "NoContent",
        "205" => "ResetContent",
        "206" => "PartialContent",
        "207" => "MultiStatus",
        "208" => "AlreadyReported",
        "226" => "ImUsed",
        "default" => "Default",
        _ when status.Equals("2XX", System.StringComparison.OrdinalIgnoreCase) => "Success",
        _ => "Status" + Naming.Pascal(status, "Other"),
    };

    /// <summary>
    /// How one response's content is read, by the first media type that says: JSON (a vendor type or
    /// <c>*/*</c> with a schema included), line-delimited JSON, server-sent events, text, else bytes.
    /// </summary>
    /// <summary>How a success's body is read, into what, and the media types of it that are read that way.</summary>
    private (ResultKind Kind, TypeRef? Type, IEnumerable<string> MediaTypes) ResponseBody(IDictionary<string, IOpenApiMediaType>? content, PartAt at, NameHint hint)
    {
        if (content is not { Count: > 0 })
        {
            return (ResultKind.None, null, Enumerable.Empty<string>());
        }

        TypeRef TypeOf(KeyValuePair<string, IOpenApiMediaType> media, bool items)
        {
            var schema = media.Value?.Schema;
            if (schema is null)
            {
                return TypeRef.JsonNode;
            }

            var site = at.Child(media.Key).Schema(schema);

            // A stream's schema describes one value; one that is written as an array describes its items.
            if (items && SchemaModeller.KindOf(schema) == JsonSchemaType.Array && schema.Items is { } item)
            {
                return schemas.Resolve(site.Child(item, "items"), hint).Type;
            }

            return schemas.Resolve(site, hint).Type;
        }

        var json = JsonMediaType(content, static (key, media) => (key != "*/*" || media.Schema is not null) && MediaKind(key) is not (ResultKind.JsonLines or ResultKind.Events));
        if (json.Key is not null)
        {
            return (ResultKind.Json, TypeOf(json, items: false), new[] { json.Key });
        }

        foreach (var media in content)
        {
            switch (MediaKind(media.Key))
            {
                case ResultKind.JsonLines:
                    return (ResultKind.JsonLines, TypeOf(media, items: true), new[] { media.Key });
                case ResultKind.Events:
                    return (ResultKind.Events, TypeOf(media, items: true), new[] { media.Key });
            }
        }

        var text = content.Keys.Where(k => MediaKind(k) == ResultKind.Text).ToList();
        return text.Count > 0 ? (ResultKind.Text, TypeRef.String, text) : (ResultKind.File, null, content.Keys);
    }

    private static ResultKind MediaKind(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines"
                or "application/stream+json" or "application/json-seq" => ResultKind.JsonLines,
            "text/event-stream" => ResultKind.Events,
            _ when type.StartsWith("text/", System.StringComparison.Ordinal) || type.EndsWith("+xml", System.StringComparison.Ordinal)
                || type is "application/xml" or "application/javascript" or "application/yaml" or "application/x-yaml" => ResultKind.Text,
            _ => ResultKind.File,
        };
    }

    /// <summary>The first JSON media type that Microsoft.OpenApi could read (a broken one is null), or a default pair.</summary>
    private static KeyValuePair<string, IOpenApiMediaType> JsonMediaType(IDictionary<string, IOpenApiMediaType> content) =>
        JsonMediaType(content, static (_, _) => true);

    /// <summary>The first JSON media type Microsoft.OpenApi could read that also passes <paramref name="also"/>, or a default pair.</summary>
    private static KeyValuePair<string, IOpenApiMediaType> JsonMediaType(IDictionary<string, IOpenApiMediaType> content, System.Func<string, IOpenApiMediaType, bool> also) =>
        content.FirstOrDefault(c => MediaTypes.IsJsonOrAny(c.Key) && c.Value is not null && also(c.Key, c.Value));

    private static KeyValuePair<string, IOpenApiMediaType> JsonMediaType(IDictionary<string, IOpenApiMediaType> content, System.Func<IOpenApiMediaType, bool> also) =>
        JsonMediaType(content, (_, media) => also(media));
}
