using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.OpenApi;
using Specgen.Generator.Common;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Model;
using static Specgen.Generator.Reading.JsonPointer;

namespace Specgen.Generator.Modelling;

/// <summary>Path operations → client methods with their parameters, body and result type.</summary>
internal sealed partial class OperationModeller(ModelContext context, SchemaModeller schemas, SecurityModeller security)
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

        var modelled = new List<(OperationModel Operation, List<BodyModel> OtherBodies, ResultModel? Stream)>();
        _matched.Clear();
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            foreach (var method in Methods)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (path.Value?.Operations is { } byMethod && byMethod.TryGetValue(method, out var operation) && operation is not null)
                {
                    if (Kept(path.Key, method, operation) && Model(path.Key, path.Value, method.Method.ToUpperInvariant(), operation) is { } model)
                    {
                        modelled.Add(model);
                    }
                }
            }
        }

        ReportUnmatchedFilters();

        // An operation's other kinds of body are methods of their own, next to its first, named once every
        // operation has its name: UpdatePetAsync (JSON) and UpdatePetFormAsync; never renaming another.
        var operations = new List<OperationModel>();
        foreach (var (operation, otherBodies, stream) in modelled)
        {
            operations.Add(operation);
            var stem = operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length);
            if (stream is not null)
            {
                // JSON and a stream of the same values: GetDeploymentEventsAsync reads the array, GetDeploymentEventsStreamAsync each value as it arrives.
                var name = _methodNames.Claim(stem + "Stream") + "Async";
                operations.Add(operation with { MethodName = name, Result = stream, Accept = stream.MediaType, AlternativeOf = operation.MethodName });
            }

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

                var at = PartAt.In(context.Spec.Root, "/webhooks/" + Escape(webhook.Key) + "/" + method.Method.ToLowerInvariant());
                var name = Naming.Pascal(operation.OperationId is { Length: > 0 } id ? id : webhook.Key, "Webhook");
                var payload = operation.RequestBody?.Content is { Count: > 0 } content && JsonMediaType(content) is { Key: not null } json
                    ? schemas.Resolve(at.Child("requestBody").Child("content").Child(json.Key).Schema(json.Value.Schema), new NameHint(name + "Payload", null)).Type
                    : null;
                var what = payload?.Name is { } typeName ? $"; its payload is the type '{typeName}'" : string.Empty;
                if (payload?.Name is { } payloadName)
                {
                    context.Describe(payloadName, $"The payload of the webhook '{webhook.Key}': a {method.Method.ToUpperInvariant()} request the server sends, not one the client makes.");
                }

                context.Report(Descriptors.NotForTheClient, at.Pointer, $"The webhook '{webhook.Key}' ({method.Method.ToUpperInvariant()}) is a request the server sends, so the client has no method for it{what}.");
            }
        }
    }

    /// <summary>The groups of every operation of the document, those a filter leaves out included: whether the client is grouped does not depend on the filter.</summary>
    public HashSet<string> DocumentGroups { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The filter values that matched an operation, by metadata and value.</summary>
    private readonly HashSet<(string, string)> _matched = new();

    /// <summary>Whether the item's filter keeps the operation (all are kept without one); notes its group and which filter values matched it.</summary>
    private bool Kept(string path, System.Net.Http.HttpMethod method, OpenApiOperation operation)
    {
        var at = PartAt.In(context.Spec.Root, "/paths/" + Escape(path) + "/" + method.Method.ToLowerInvariant());
        if (OperationGroups.Of(at) is { } group)
        {
            DocumentGroups.Add(group);
        }

        if (context.Filter is not { Filters: true } filter)
        {
            return true;
        }

        var tags = (at.Child("tags").Node as System.Text.Json.Nodes.JsonArray ?? new System.Text.Json.Nodes.JsonArray())
            .OfType<System.Text.Json.Nodes.JsonValue>().Select(v => v.TryGetValue(out string? tag) ? tag : null).Where(t => t is not null).Select(t => t!).ToList();
        var id = operation.OperationId is { Length: > 0 } operationId ? operationId : null;
        foreach (var (metadata, value) in filter.Values())
        {
            if (Configuration.OperationFilter.Matches(metadata, value, tags, path, id))
            {
                _matched.Add((metadata, value));
            }
        }

        return filter.Keeps(tags, path, id);
    }

    /// <summary>SPECGEN017 for each filter value no operation of the spec matches: a misspelt tag or a path that moved.</summary>
    private void ReportUnmatchedFilters()
    {
        foreach (var (metadata, value) in context.Filter?.Values() ?? Enumerable.Empty<(string, string)>())
        {
            if (!_matched.Contains((metadata, value)))
            {
                context.Report(Descriptors.FilterMatchesNothing, context.Spec.Root["paths"] is null ? string.Empty : "/paths", metadata, value);
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

    private (OperationModel Operation, List<BodyModel> OtherBodies, ResultModel? Stream)? Model(string path, IOpenApiPathItem pathItem, string method, OpenApiOperation operation)
    {
        // A path item may be a $ref (components/pathItems): its operations live there.
        var at = PartAt.In(context.Spec.Root, "/paths/" + Escape(path) + "/" + method.ToLowerInvariant());
        var baseName = operation.OperationId is { Length: > 0 } id ? Naming.Pascal(context.OperationNames.TryGetValue(id, out var shortName) ? shortName : id, "Call") : DerivedName(method, path);
        var methodName = MethodName(operation.OperationId, method + " " + path, baseName, at) + "Async";
        if (operation.OperationId is not { Length: > 0 })
        {
            context.Report(Descriptors.MissingOperationId, at.Pointer, method, path, methodName);
        }

        // The generated method's own names: a parameter never takes them.
        var locals = new NameScope(new[] { "cancellationToken", "requestOptions", "apiRequest", "form" });
        var securityIndex = security.For(at, method + " " + path);
        if (_parameters.Model(pathItem, operation, at, baseName, locals, hasSchemes: securityIndex is not null) is not { } parameters)
        {
            return null;
        }

        var bodies = Bodies(operation, at, baseName, locals);
        var body = bodies.Count > 0 ? bodies[0] : null;
        var (result, responses, errors, accept) = Responses(operation, at, baseName);
        var headers = ResponseHeaders(operation, at, baseName);
        var model = new OperationModel(
            methodName,
            OperationGroups.Of(at),
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
        return (model, bodies.Skip(1).ToList(), result.Kind == ResultKind.Json ? StreamAlternative(operation, at, baseName) : null);
    }

    private string MethodName(string? operationId, string operation, string preferred, PartAt at)
    {
        if (operationId is not { Length: > 0 })
        {
            return context.ClaimFor(_methodNames, "The operations", operation, preferred, at.Pointer);
        }

        if (_operationIds.TryGetValue(operationId, out var first))
        {
            var numbered = _methodNames.Claim(preferred);
            context.Report(Descriptors.DuplicateOperationId, at.Child("operationId").Pointer, operationId, first, numbered + "Async");
            return numbered;
        }

        _operationIds[operationId] = operation;
        return context.ClaimFor(_methodNames, "The operationIds", operationId, preferred, at.Child("operationId").Pointer);
    }

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
