using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Specgen.Generator.Common;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Modelling.Model;
using static Specgen.Generator.Reading.JsonPointer;

namespace Specgen.Generator.Modelling;

/// <summary>Path operations → client methods with their parameters, body and result type.</summary>
internal sealed class OperationModeller(ModelContext context, SchemaModeller schemas, SecurityModeller security)
{
    private readonly ParameterModeller _parameters = new(context, schemas);
    private readonly FormModeller _forms = new(context, schemas);

    private static readonly HttpMethod[] Methods =
    {
        HttpMethod.Get, HttpMethod.Put, HttpMethod.Post, HttpMethod.Delete, HttpMethod.Options, HttpMethod.Head, new("PATCH"), HttpMethod.Trace,
    };

    // Method names are claimed without their Async suffix, so a second GetThing is GetThing2Async.
    private readonly NameScope _methodNames = new();
    private readonly Dictionary<string, string> _operationIds = new(System.StringComparer.Ordinal);

    /// <summary>Each path's methods, for names made from paths (a collection is a path another path adds <c>/{id}</c> to).</summary>
    private readonly Dictionary<string, HashSet<string>> _methodsByPath = new(System.StringComparer.Ordinal);

    public List<OperationModel> ModelAll(OpenApiDocument document)
    {
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            _methodsByPath[path.Key] = new HashSet<string>((path.Value?.Operations?.Keys ?? Enumerable.Empty<System.Net.Http.HttpMethod>()).Select(m => m.Method.ToUpperInvariant()), System.StringComparer.Ordinal);
        }

        var modelled = new List<(OperationModel Operation, List<BodyModel> OtherBodies)>();
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            foreach (var method in Methods)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (path.Value?.Operations is { } byMethod && byMethod.TryGetValue(method, out var operation) && operation is not null)
                {
                    if (Model(path.Key, path.Value, method.Method.ToUpperInvariant(), operation) is { } model)
                    {
                        modelled.Add(model);
                    }
                }
            }
        }

        // An operation's other kinds of body are methods of their own, next to its first, named once every
        // operation has its name: UpdatePetAsync (JSON) and UpdatePetFormAsync; never renaming another.
        var operations = new List<OperationModel>();
        foreach (var (operation, otherBodies) in modelled)
        {
            operations.Add(operation);
            var stem = operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length);
            foreach (var body in otherBodies)
            {
                var name = _methodNames.Claim(stem + AlternativeSuffix(body.Kind, body.ContentType)) + "Async";
                operations.Add(operation with { MethodName = name, Body = body, AlternativeOf = operation.MethodName });
            }
        }

        return operations;
    }

    /// <summary>
    /// OpenAPI 3.1 webhooks: requests the server sends, so no client method; the JSON payload of each is a
    /// type (<c>{Webhook}Payload</c> when it is inline), for the code that receives it, and SPECGEN016 says so
    /// at the webhook. Modelled after every operation, so operations keep their names.
    /// </summary>
    public void ModelWebhooks(OpenApiDocument document)
    {
        foreach (var webhook in document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>())
        {
            foreach (var method in Methods)
            {
                if (webhook.Value?.Operations is not { } byMethod || !byMethod.TryGetValue(method, out var operation) || operation is null)
                {
                    continue;
                }

                var pointer = context.Canonical("/webhooks/" + Escape(webhook.Key) + "/" + method.Method.ToLowerInvariant());
                var name = Naming.Pascal(operation.OperationId is { Length: > 0 } id ? id : webhook.Key, "Webhook");
                var payload = operation.RequestBody?.Content is { Count: > 0 } content && JsonMediaType(content) is { Key: not null } json
                    ? schemas.Resolve(schemas.At(json.Value.Schema, pointer + "/requestBody/content/" + Escape(json.Key) + "/schema"), new NameHint(name + "Payload", null)).Type
                    : null;
                var what = payload?.Name is { } typeName ? $"; its payload is the type '{typeName}'" : string.Empty;
                if (payload?.Name is { } payloadName)
                {
                    context.Describe(payloadName, $"The payload of the webhook '{webhook.Key}': a {method.Method.ToUpperInvariant()} request the server sends, not one the client makes.");
                }

                context.Report(Descriptors.NotForTheClient, pointer, $"The webhook '{webhook.Key}' ({method.Method.ToUpperInvariant()}) is a request the server sends, so the client has no method for it{what}.");
            }
        }
    }

    /// <summary>What an alternative method's name adds for its body: Form, Multipart, Stream, Xml or Text.</summary>
    private static string AlternativeSuffix(BodyKind kind, string contentType) => kind switch
    {
        BodyKind.Form => "Form",
        BodyKind.Multipart => "Multipart",
        BodyKind.Binary => "Stream",
        BodyKind.Text when contentType.IndexOf("xml", System.StringComparison.OrdinalIgnoreCase) >= 0 => "Xml",
        BodyKind.Text => "Text",
        _ => "Json",
    };

    private (OperationModel Operation, List<BodyModel> OtherBodies)? Model(string path, IOpenApiPathItem pathItem, string method, OpenApiOperation operation)
    {
        // A path item may be a $ref (components/pathItems): its operations live there.
        var pointer = context.Canonical("/paths/" + Escape(path) + "/" + method.ToLowerInvariant());
        var baseName = operation.OperationId is { Length: > 0 } id ? Naming.Pascal(context.OperationNames.TryGetValue(id, out var shortName) ? shortName : id, "Call") : DerivedName(method, path);
        var methodName = MethodName(operation.OperationId, method + " " + path, baseName, pointer) + "Async";
        if (operation.OperationId is not { Length: > 0 })
        {
            context.Report(Descriptors.MissingOperationId, pointer, method, path, methodName);
        }

        // The generated method's own names: a parameter never takes them.
        var locals = new NameScope(new[] { "cancellationToken", "requestOptions", "apiRequest", "form" });
        var securityIndex = security.For(pointer, method + " " + path);
        if (_parameters.Model(pathItem, operation, pointer, baseName, locals, hasSchemes: securityIndex is not null) is not { } parameters)
        {
            return null;
        }

        var bodies = Bodies(operation, pointer, baseName, locals);
        var body = bodies.Count > 0 ? bodies[0] : null;
        var (result, responses, errors, accept) = Responses(operation, pointer, baseName);
        var headers = ResponseHeaders(operation, pointer, baseName);
        var model = new OperationModel(
            methodName,
            Group(pointer),
            method,
            path,
            operation.Summary,
            operation.Description,
            operation.Deprecated,
            parameters.ToEquatableArray(),
            body,
            result,
            responses.ToEquatableArray(),
            errors.ToEquatableArray(),
            headers,
            Security: securityIndex,
            OperationId: operation.OperationId is { Length: > 0 } operationId ? operationId : null,
            Accept: accept);
        return (model, bodies.Skip(1).ToList());
    }

    /// <summary>The first tag in the spec's own order (Microsoft.OpenApi keeps tags in a set).</summary>
    private string? Group(string pointer) =>
        Find(context.Spec.Root, pointer + "/tags/0") is JsonValue tag && tag.TryGetValue(out string? name)
            ? Naming.Pascal(name, "Other")
            : null;

    private string MethodName(string? operationId, string operation, string preferred, string pointer)
    {
        if (operationId is not { Length: > 0 })
        {
            return context.ClaimFor(_methodNames, "The operations", operation, preferred, pointer);
        }

        if (_operationIds.TryGetValue(operationId, out var first))
        {
            var numbered = _methodNames.Claim(preferred);
            context.Report(Descriptors.DuplicateOperationId, pointer + "/operationId", operationId, first, numbered + "Async");
            return numbered;
        }

        _operationIds[operationId] = operation;
        return context.ClaimFor(_methodNames, "The operationIds", operationId, preferred, pointer + "/operationId");
    }

    /// <summary>
    /// The request bodies an operation can send, a method each: its first (JSON when it offers JSON, else
    /// the spec's first media type that can be sent), then one for each other kind it offers (a form, a
    /// multipart form, bytes; text when there is no JSON), in the spec's order. A second media type of a kind
    /// already had is the same C# shape; the call's headers can name it (<c>requestOptions.Headers["Content-Type"]</c>).
    /// </summary>
    private List<BodyModel> Bodies(OpenApiOperation operation, string pointer, string baseName, NameScope locals)
    {
        var bodies = new List<BodyModel>();
        if (operation.RequestBody is not { Content: { Count: > 0 } content } body)
        {
            return bodies;
        }

        var json = JsonMediaType(content);
        if (json.Key is not null)
        {
            var at = schemas.At(json.Value.Schema, pointer + "/requestBody/content/" + Escape(json.Key) + "/schema");
            var type = schemas.Resolve(at, new NameHint(baseName + "Request", null)).Type;
            // A body whose schema has required members cannot be left out, whatever requestBody.required says.
            bodies.Add(new BodyModel(locals.Copy().Claim("request"), type, body.Required || HasRequired(json.Value.Schema), json.Key, body.Description));
        }

        var unsupported = new List<(string MediaType, string Pointer)>();
        foreach (var media in content)
        {
            var mediaPointer = pointer + "/requestBody/content/" + Escape(media.Key);
            if (!IsMediaType(media.Key))
            {
                // Seen in real specs: 'examples' or 'form-data' where a media type belongs.
                context.Report(Descriptors.OpenApiError, mediaPointer, $"The request content type '{media.Key}' is not a media type (type/subtype); it is not sent.");
                continue;
            }

            var kind = KindOf(media.Key);
            // Text beside JSON (XML, HTML) is the same value in a form the client does not model: the JSON method sends it typed.
            if (kind == BodyKind.Json || bodies.Any(b => b.Kind == kind) || (kind == BodyKind.Text && json.Key is not null))
            {
                continue;
            }

            if (kind is null)
            {
                // multipart/mixed, multipart/related: parts without names.
                unsupported.Add((media.Key, mediaPointer));
                continue;
            }

            // The first body is named for the operation (UpdatePetRequest), another for its method (UpdatePetFormRequest).
            var name = bodies.Count == 0 ? baseName : baseName + AlternativeSuffix(kind.Value, media.Key);
            if (Body(kind.Value, media, body, mediaPointer, name, locals.Copy()) is { } model)
            {
                bodies.Add(model);
            }
        }

        var fallback = bodies.Count > 0 ? "only the operation's other media types are sent" : "the method is generated without a body";
        foreach (var (mediaType, at) in unsupported)
        {
            context.Report(Descriptors.Unsupported, at, $"The request content type '{mediaType}'", fallback);
        }

        return bodies;
    }

    /// <summary>A body of one media type that is not JSON; null for a form whose schema cannot be one (reported).</summary>
    private BodyModel? Body(BodyKind kind, KeyValuePair<string, IOpenApiMediaType> media, IOpenApiRequestBody body, string pointer, string baseName, NameScope locals)
    {
        switch (kind)
        {
            case BodyKind.Form or BodyKind.Multipart:
                return media.Value is not null && _forms.Model(media.Key, media.Value, pointer, baseName) is { } form
                    ? new BodyModel(locals.Claim("request"), form, body.Required || HasRequired(media.Value.Schema), media.Key, body.Description, kind)
                    : null;
            case BodyKind.Text:
                return new BodyModel(locals.Claim("text"), TypeRef.String, body.Required, media.Key, body.Description, BodyKind.Text);
            default:
                return new BodyModel(locals.Claim("content"), TypeRef.Stream, body.Required, media.Key == "*/*" ? "application/octet-stream" : media.Key, body.Description ?? "The bytes to send, read as they are sent.", BodyKind.Binary);
        }
    }

    /// <summary>Whether a content key is a media type or range: <c>type/subtype</c>, with parameters after a <c>;</c>.</summary>
    private static bool IsMediaType(string key)
    {
        var type = key.Split(';')[0].Trim();
        var slash = type.IndexOf('/');
        return slash > 0 && slash < type.Length - 1 && type.IndexOf('/', slash + 1) < 0 && key.All(static c => c is >= ' ' and <= '~');
    }

    /// <summary>How a media type's body is written; null for a multipart type other than a form.</summary>
    private static BodyKind? KindOf(string mediaType)
    {
        if (MediaTypes.IsJsonOrAny(mediaType))
        {
            return BodyKind.Json;
        }

        if (IsForm(mediaType))
        {
            return mediaType.StartsWith("multipart/", System.StringComparison.OrdinalIgnoreCase) ? BodyKind.Multipart : BodyKind.Form;
        }

        if (mediaType.StartsWith("multipart/", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return MediaKind(mediaType) == ResultKind.Text ? BodyKind.Text : BodyKind.Binary;
    }

    private static bool HasRequired(IOpenApiSchema? schema) => (schema?.Required?.Count ?? 0) > 0;

    /// <summary>A body written as a form: <c>multipart/form-data</c> or <c>application/x-www-form-urlencoded</c>.</summary>
    private static bool IsForm(string mediaType) =>
        mediaType.StartsWith("multipart/form-data", System.StringComparison.OrdinalIgnoreCase)
        || mediaType.StartsWith("application/x-www-form-urlencoded", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The documented responses, and what a success returns: one body for every success status (null
    /// when some success is empty), or, when the statuses' bodies differ, a result union with a case per
    /// status. With no 2xx documented, <c>default</c> is the success.
    /// </summary>
    /// <summary>
    /// What the operation's responses become: the result, the documented statuses, the typed error bodies,
    /// and the <c>Accept</c> header that asks for the media types the result reads (null when none).
    /// </summary>
    private (ResultModel Result, List<ResponseModel> Responses, List<ErrorBodyModel> Errors, string? Accept) Responses(OpenApiOperation operation, string pointer, string baseName)
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
            var at = context.Canonical(pointer + "/responses/" + Escape(response.Key)) + "/content";
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

    /// <summary>An error response's JSON body, typed: <c>BadRequestError</c>, shared by every operation with the same shape.</summary>
    private ErrorBodyModel? ErrorBody(string status, IDictionary<string, IOpenApiMediaType>? content, string at, string baseName)
    {
        var json = content is null ? default : JsonMediaType(content, static media => media.Schema is not null);
        if (json.Key is null)
        {
            return null;
        }

        var type = schemas.Resolve(schemas.At(json.Value.Schema, at + "/" + Escape(json.Key) + "/schema"), new NameHint(ErrorName(status) + "Error", baseName)).Type;
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
    private TypeRef? ResponseHeaders(OpenApiOperation operation, string pointer, string baseName)
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

            var at = context.Canonical(pointer + "/responses/" + Escape(response.Key)) + "/headers";
            foreach (var header in documented)
            {
                if (header.Value is null || headers.Any(h => string.Equals(h.WireName, header.Key, System.StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                // A header is text: only scalars, string enums and lists are typed (an object header would make a record no one reads).
                var schema = header.Value.Schema;
                var scalar = schema is not null && SchemaModeller.KindOf(schema) is not (0 or JsonSchemaType.Object) && schema.Properties is not { Count: > 0 };
                var type = scalar ? schemas.Resolve(schemas.At(schema, at + "/" + Escape(header.Key) + "/schema"), new NameHint(Naming.Pascal(header.Key, "Header"), name)).Type : TypeRef.String;
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
    private (ResultKind Kind, TypeRef? Type, IEnumerable<string> MediaTypes) ResponseBody(IDictionary<string, IOpenApiMediaType>? content, string at, NameHint hint)
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

            var site = schemas.At(schema, at + "/" + Escape(media.Key) + "/schema");

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

    /// <summary>
    /// A method name for an operation without an operationId: the HTTP method and the path's last two
    /// named segments, with a trailing parameter (<c>PATCH /v1/…/experimentation/items/{itemId}</c> →
    /// <c>PatchExperimentationItemsByItemId</c>); every segment when that name is taken.
    /// </summary>
    private string DerivedName(string method, string path)
    {
        if (ResourceName(method, path) is { } resource && !_methodNames.IsTaken(resource))
        {
            return resource;
        }

        var segments = path.Split('/').Where(s => s.Length > 0 && !IsVersion(s)).ToList();
        var named = Enumerable.Range(0, segments.Count).Where(i => !IsParameter(segments[i])).ToList();
        var from = named.Count >= 2 ? named[named.Count - 2] : 0;
        var lastNamed = named.Count > 0 ? named[named.Count - 1] : -1;
        var picked = Enumerable.Range(from, segments.Count - from).Where(i => !IsParameter(segments[i]) || i > lastNamed).Select(i => segments[i]);
        var verb = Naming.Pascal(method.ToLowerInvariant(), "Call");
        var shortName = verb + Words(picked);
        return _methodNames.IsTaken(shortName) ? verb + Words(path.Split('/').Where(s => s.Length > 0)) : shortName;
    }

    /// <summary>
    /// The name of an operation without an operationId on a top-level resource (as ASP.NET Core minimal APIs
    /// and controllers write them; <c>/api</c> and a version may come first): <c>GET /products</c> → <c>ListProducts</c> and <c>POST /products</c> → <c>CreateProduct</c>
    /// when <c>/products/{id}</c> exists too; <c>GET</c>, <c>PUT</c>, <c>PATCH</c> and <c>DELETE /products/{id}</c> →
    /// <c>GetProduct</c>, <c>UpdateProduct</c> (<c>PatchProduct</c> beside a <c>PUT</c>), <c>DeleteProduct</c>. Null
    /// for anything else (a singular name, an action path), which is named after its method and path.
    /// </summary>
    private string? ResourceName(string method, string path)
    {
        var segments = path.Split('/').Where(s => s.Length > 0).ToList();
        if (segments.Count == 0)
        {
            return null;
        }

        // A top-level resource only (after "api" and a version): deeper paths keep the context their segments give.
        var isItem = IsParameter(segments[segments.Count - 1]);
        var nounIndex = isItem ? segments.Count - 2 : segments.Count - 1;
        if (nounIndex < 0 || IsParameter(segments[nounIndex]) || IsVersion(segments[nounIndex])
            || !segments.Take(nounIndex).All(s => IsVersion(s) || string.Equals(s, "api", System.StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var plural = Naming.Pascal(segments[nounIndex], string.Empty);
        var single = Naming.Singular(plural);
        // Only a plain English plural names a collection: not status, analysis or address.
        if (single == plural || single.Length == 0 || plural.EndsWith("us", System.StringComparison.Ordinal) || plural.EndsWith("is", System.StringComparison.Ordinal))
        {
            return null;
        }

        if (isItem)
        {
            var hasPut = _methodsByPath.TryGetValue(path, out var methods) && methods.Contains("PUT");
            return method switch
            {
                "GET" => "Get" + single,
                "PUT" => "Update" + single,
                "PATCH" => (hasPut ? "Patch" : "Update") + single,
                "DELETE" => "Delete" + single,
                _ => null,
            };
        }

        var hasItems = _methodsByPath.Keys.Any(p => p.Length > path.Length + 1 && p.StartsWith(path.TrimEnd('/') + "/{", System.StringComparison.Ordinal)
            && p.IndexOf('/', path.TrimEnd('/').Length + 1) < 0);
        return !hasItems ? null : method switch
        {
            "GET" => "List" + plural,
            "POST" => "Create" + single,
            _ => null,
        };
    }

    private static string Words(IEnumerable<string> segments) =>
        string.Concat(segments.Select(s => IsParameter(s) ? "By" + Naming.Pascal(s, "Id") : Naming.Pascal(s, string.Empty)));

    private static bool IsParameter(string segment) => segment.StartsWith("{", System.StringComparison.Ordinal);

    private static bool IsVersion(string segment) =>
        segment.Length > 1 && (segment[0] == 'v' || segment[0] == 'V') && segment.Skip(1).All(char.IsDigit);
}
