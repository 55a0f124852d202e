using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Specgen.Generator.Common;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Modelling.Model;
using static Specgen.Generator.Reading.SourceMap;

namespace Specgen.Generator.Modelling;

/// <summary>Path operations → client methods with their parameters, body and result type.</summary>
internal sealed class OperationModeller(ModelContext context, SchemaModeller schemas)
{
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
        var pointer = "/paths/" + Escape(path) + "/" + method.ToLowerInvariant();
        var baseName = operation.OperationId is { Length: > 0 } id ? Naming.Pascal(id, "Call") : DerivedName(method, path);
        var methodName = MethodName(operation.OperationId, method + " " + path, baseName, pointer) + "Async";
        if (operation.OperationId is not { Length: > 0 })
        {
            context.Report(Descriptors.MissingOperationId, pointer, method, path, methodName);
        }

        var locals = new NameScope(new[] { "cancellationToken" });
        if (Parameters(pathItem, operation, pointer, baseName, locals) is not { } parameters)
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
        Reading.JsonPointer.Find(context.Spec.Root, pointer + "/tags/0") is JsonValue tag && tag.TryGetValue(out string? name)
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

    private static string Where(Microsoft.OpenApi.ParameterLocation? location) =>
        location switch
        {
            Microsoft.OpenApi.ParameterLocation.Query => "query",
            Microsoft.OpenApi.ParameterLocation.Header => "header",
            Microsoft.OpenApi.ParameterLocation.Path => "path",
            _ => "cookie",
        };

    /// <summary>
    /// For a parameter that is one of several scalars (<c>string | boolean</c>, <c>number | string</c>),
    /// <c>string</c>; for one that is also an array of them (<c>string[] | string</c>), a string array.
    /// On the wire they are all text, so the caller writes the text.
    /// </summary>
    private static TypeRef? ScalarUnion(IOpenApiSchema? schema)
    {
        // Microsoft.OpenApi reads oneOf: [{type: string}, {type: boolean}] as type: [string, boolean]:
        // more than one scalar kind (but not integer-or-number, which stays a number) is text.
        if (schema is not null && IsScalar(schema) && Kind(schema) is { } kinds && ((int)kinds & ((int)kinds - 1)) != 0
            && kinds != (JsonSchemaType.Integer | JsonSchemaType.Number))
        {
            return TypeRef.String;
        }

        var alternatives = schema is null ? new List<IOpenApiSchema>() : SchemaModeller.Alternatives(schema);
        if (alternatives.Count < 2 || !alternatives.All(a => IsScalar(a) || (Kind(a) == JsonSchemaType.Array && a.Items is { } items && IsScalar(items))))
        {
            return null;
        }

        return alternatives.Any(a => Kind(a) == JsonSchemaType.Array) ? TypeRef.ArrayOf(TypeRef.String) : TypeRef.String;
    }

    private const JsonSchemaType Scalars = JsonSchemaType.String | JsonSchemaType.Number | JsonSchemaType.Integer | JsonSchemaType.Boolean;

    /// <summary>A string, number, integer or boolean, or several of them.</summary>
    private static bool IsScalar(IOpenApiSchema schema) => Kind(schema) is { } kinds && kinds != 0 && (kinds & ~Scalars) == 0;

    private static JsonSchemaType? Kind(IOpenApiSchema schema) => schema.Type & ~JsonSchemaType.Null;

    /// <summary>A value a parameter can carry as text: a string, number, boolean or enum.</summary>
    private static bool IsText(TypeRef type) =>
        type.Kind is TypeKind.String or TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Number
        || (type.Kind == TypeKind.Named && type.IsValueType);

    /// <summary>How an array parameter joins its values, by its style; null for a query parameter sent once per value.</summary>
    private string? Delimiter(IOpenApiParameter parameter, Modelling.Model.ParameterLocation location, string pointer)
    {
        var style = parameter.Style;
        if (location == Modelling.Model.ParameterLocation.Query)
        {
            return style switch
            {
                ParameterStyle.SpaceDelimited => " ",
                ParameterStyle.PipeDelimited => "|",
                _ => parameter.Explode ? null : ",",
            };
        }

        if (style is ParameterStyle.Label or ParameterStyle.Matrix)
        {
            context.Report(Descriptors.Unsupported, pointer + "/style", $"The {(style == ParameterStyle.Label ? "label" : "matrix")} style of '{parameter.Name}'", "it is sent in the simple style (a,b,c)");
        }

        return ",";
    }

    /// <summary>The operation's parameters; null when one it cannot do without (a path parameter) cannot be sent.</summary>
    private List<ParameterModel>? Parameters(IOpenApiPathItem pathItem, OpenApiOperation operation, string pointer, string baseName, NameScope locals)
    {
        var all = new List<(IOpenApiParameter Parameter, string Pointer)>();
        var operationLevel = operation.Parameters ?? new List<IOpenApiParameter>();
        for (var i = 0; i < operationLevel.Count; i++)
        {
            if (operationLevel[i] is { } parameter)
            {
                all.Add((parameter, pointer + "/parameters/" + i));
            }
        }

        var pathLevel = pathItem.Parameters ?? new List<IOpenApiParameter>();
        for (var i = 0; i < pathLevel.Count; i++)
        {
            if (pathLevel[i] is not null && !all.Any(p => p.Parameter.Name == pathLevel[i].Name && p.Parameter.In == pathLevel[i].In))
            {
                all.Add((pathLevel[i], pointer.Substring(0, pointer.LastIndexOf('/')) + "/parameters/" + i));
            }
        }

        var models = new List<(ParameterModel Model, int Order)>();
        foreach (var (parameter, at) in all)
        {
            if (parameter.Name is not { Length: > 0 } wireName || parameter.In is null)
            {
                continue;
            }

            var location = parameter.In switch
            {
                Microsoft.OpenApi.ParameterLocation.Path => Modelling.Model.ParameterLocation.Path,
                Microsoft.OpenApi.ParameterLocation.Query => Modelling.Model.ParameterLocation.Query,
                Microsoft.OpenApi.ParameterLocation.Header => Modelling.Model.ParameterLocation.Header,
                _ => (Modelling.Model.ParameterLocation?)null,
            };

            if (location is null)
            {
                context.Report(Descriptors.Unsupported, at, $"The {Where(parameter.In)} parameter '{wireName}'", "the method is generated without it");
                continue;
            }

            var required = parameter.Required || location == Modelling.Model.ParameterLocation.Path;
            var type = ScalarUnion(parameter.Schema)
                ?? schemas.Resolve(parameter.Schema, new NameHint(Naming.Pascal(wireName, "Parameter"), baseName), at + "/schema").Type;
            if (!IsText(type) && !(type.Kind == TypeKind.Array && IsText(type.Item!)))
            {
                // Objects in parameters (form-exploded, deepObject) are not written yet.
                var what = $"The {Where(parameter.In)} parameter '{wireName}', an object,";
                if (location == Modelling.Model.ParameterLocation.Path)
                {
                    context.Report(Descriptors.Unsupported, at, what, "the operation is not generated");
                    return null;
                }

                context.Report(Descriptors.Unsupported, at, what, "the method is generated without it");
                continue;
            }

            var delimiter = type.Kind == TypeKind.Array ? Delimiter(parameter, location.Value, at) : null;
            var order = location == Modelling.Model.ParameterLocation.Path ? 0 : required ? 2 : 3;
            models.Add((new ParameterModel(Naming.Camel(wireName, "parameter"), wireName, location.Value, type, required, parameter.Description, delimiter), order));
        }

        // Path parameters first, then required ones, then optional ones; names claimed in that order.
        return models.OrderBy(m => m.Order)
            .Select(m => m.Model with { Name = locals.Claim(m.Model.Name) })
            .ToList();
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

        var type = schemas.Resolve(json.Value.Schema, new NameHint(baseName + "Request", null), pointer + "/requestBody/content/" + Escape(json.Key) + "/schema").Type;
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
            var at = pointer + "/responses/" + Escape(response.Key) + "/content";
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
