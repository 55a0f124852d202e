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
internal sealed class OperationModeller(ModelContext context, SchemaModeller schemas)
{
    private readonly ParameterModeller _parameters = new(context, schemas);

    private static readonly HttpMethod[] Methods =
    {
        HttpMethod.Get, HttpMethod.Put, HttpMethod.Post, HttpMethod.Delete, HttpMethod.Options, HttpMethod.Head, new("PATCH"), HttpMethod.Trace,
    };

    // Method names are claimed without their Async suffix, so a second GetThing is GetThing2Async.
    private readonly NameScope _methodNames = new();
    private readonly Dictionary<string, string> _operationIds = new(System.StringComparer.Ordinal);

    public List<OperationModel> ModelAll(OpenApiDocument document)
    {
        var operations = new List<OperationModel>();
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            foreach (var method in Methods)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (path.Value?.Operations is { } byMethod && byMethod.TryGetValue(method, out var operation) && operation is not null)
                {
                    if (Model(path.Key, path.Value, method.Method.ToUpperInvariant(), operation) is { } model)
                    {
                        operations.Add(model);
                    }
                }
            }
        }

        return operations;
    }

    private OperationModel? Model(string path, IOpenApiPathItem pathItem, string method, OpenApiOperation operation)
    {
        // A path item may be a $ref (components/pathItems): its operations live there.
        var pointer = context.Canonical("/paths/" + Escape(path) + "/" + method.ToLowerInvariant());
        var baseName = operation.OperationId is { Length: > 0 } id ? Naming.Pascal(id, "Call") : DerivedName(method, path);
        var methodName = MethodName(operation.OperationId, method + " " + path, baseName, pointer) + "Async";
        if (operation.OperationId is not { Length: > 0 })
        {
            context.Report(Descriptors.MissingOperationId, pointer, method, path, methodName);
        }

        var locals = new NameScope(new[] { "cancellationToken" });
        if (_parameters.Model(pathItem, operation, pointer, baseName, locals) is not { } parameters)
        {
            return null;
        }

        var body = Body(operation, pointer, baseName, locals);
        var (responseType, responses) = Responses(operation, pointer, baseName);
        return new OperationModel(
            methodName,
            Group(pointer),
            method,
            path,
            operation.Summary,
            operation.Description,
            operation.Deprecated,
            parameters.ToEquatableArray(),
            body,
            responseType,
            responses.ToEquatableArray());
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

    private BodyModel? Body(OpenApiOperation operation, string pointer, string baseName, NameScope locals)
    {
        if (operation.RequestBody is not { Content: { Count: > 0 } content } body)
        {
            return null;
        }

        var json = JsonMediaType(content);
        if (json.Key is null)
        {
            context.Report(Descriptors.Unsupported, pointer + "/requestBody", $"The request content type '{content.Keys.First()}'", "the method is generated without a body");
            return null;
        }

        var at = context.Canonical(pointer + "/requestBody/content/" + Escape(json.Key) + "/schema");
        var type = schemas.Resolve(json.Value.Schema, new NameHint(baseName + "Request", null), at).Type;
        // A body whose schema has required members cannot be left out, whatever requestBody.required says.
        var required = body.Required || (json.Value.Schema is { } schema && (schema.Required?.Count ?? 0) > 0);
        return new BodyModel(locals.Claim("request"), type, required, json.Key, body.Description);
    }

    private (TypeRef? Type, List<ResponseModel> Responses) Responses(OpenApiOperation operation, string pointer, string baseName)
    {
        TypeRef? result = null;
        var documented = new List<ResponseModel>();
        foreach (var response in operation.Responses ?? new OpenApiResponses())
        {
            documented.Add(new ResponseModel(response.Key, response.Value?.Description));
            if (result is not null || !response.Key.StartsWith("2", System.StringComparison.Ordinal))
            {
                continue;
            }

            var content = response.Value?.Content ?? new Dictionary<string, IOpenApiMediaType>();
            var json = JsonMediaType(content);
            var at = context.Canonical(pointer + "/responses/" + Escape(response.Key)) + "/content";
            if (json.Key is not null && json.Value.Schema is not null)
            {
                result = schemas.Resolve(json.Value.Schema, new NameHint(baseName + "Response", null), at + "/" + Escape(json.Key) + "/schema").Type;
            }
            else if (json.Key is null && content.Count > 0)
            {
                context.Report(Descriptors.Unsupported, at, $"The response content type '{content.Keys.First()}'", "the method returns no value; the raw response is still checked for errors");
            }
        }

        return (result, documented);
    }

    /// <summary>The first JSON media type that Microsoft.OpenApi could read (a broken one is null), or a default pair.</summary>
    private static KeyValuePair<string, IOpenApiMediaType> JsonMediaType(IDictionary<string, IOpenApiMediaType> content) =>
        content.FirstOrDefault(c => IsJson(c.Key) && c.Value is not null);

    private static bool IsJson(string contentType) =>
        contentType.StartsWith("application/json", System.StringComparison.OrdinalIgnoreCase)
        || (contentType.Contains("+json") && contentType.StartsWith("application/", System.StringComparison.OrdinalIgnoreCase))
        || contentType == "*/*";

    /// <summary>
    /// A method name for an operation without an operationId: the HTTP method and the path's last two
    /// named segments, with a trailing parameter (<c>PATCH /v1/…/experimentation/items/{itemId}</c> →
    /// <c>PatchExperimentationItemsByItemId</c>); every segment when that name is taken.
    /// </summary>
    private string DerivedName(string method, string path)
    {
        var segments = path.Split('/').Where(s => s.Length > 0 && !IsVersion(s)).ToList();
        var named = Enumerable.Range(0, segments.Count).Where(i => !IsParameter(segments[i])).ToList();
        var from = named.Count >= 2 ? named[named.Count - 2] : 0;
        var lastNamed = named.Count > 0 ? named[named.Count - 1] : -1;
        var picked = Enumerable.Range(from, segments.Count - from).Where(i => !IsParameter(segments[i]) || i > lastNamed).Select(i => segments[i]);
        var verb = Naming.Pascal(method.ToLowerInvariant(), "Call");
        var shortName = verb + Words(picked);
        return _methodNames.IsTaken(shortName) ? verb + Words(path.Split('/').Where(s => s.Length > 0)) : shortName;
    }

    private static string Words(IEnumerable<string> segments) =>
        string.Concat(segments.Select(s => IsParameter(s) ? "By" + Naming.Pascal(s, "Id") : Naming.Pascal(s, string.Empty)));

    private static bool IsParameter(string segment) => segment.StartsWith("{", System.StringComparison.Ordinal);

    private static bool IsVersion(string segment) =>
        segment.Length > 1 && (segment[0] == 'v' || segment[0] == 'V') && segment.Skip(1).All(char.IsDigit);
}
