using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Modelling.Model;
using Location = Specgen.Generator.Modelling.Model.ParameterLocation;
using OpenApiLocation = Microsoft.OpenApi.ParameterLocation;

namespace Specgen.Generator.Modelling;

/// <summary>An operation's path, query and header parameters → method parameters, with how each is sent.</summary>
internal sealed class ParameterModeller(ModelContext context, SchemaModeller schemas)
{
    /// <summary>The operation's parameters; null when one it cannot do without (a path parameter) cannot be sent.</summary>
    public List<ParameterModel>? Model(IOpenApiPathItem pathItem, OpenApiOperation operation, string pointer, string baseName, NameScope locals)
    {
        var all = new List<(IOpenApiParameter Parameter, string Pointer)>();
        var operationLevel = operation.Parameters ?? new List<IOpenApiParameter>();
        for (var i = 0; i < operationLevel.Count; i++)
        {
            if (operationLevel[i] is { } parameter)
            {
                all.Add((parameter, context.Canonical(pointer + "/parameters/" + i)));
            }
        }

        var pathLevel = pathItem.Parameters ?? new List<IOpenApiParameter>();
        for (var i = 0; i < pathLevel.Count; i++)
        {
            if (pathLevel[i] is not null && !all.Any(p => p.Parameter.Name == pathLevel[i].Name && p.Parameter.In == pathLevel[i].In))
            {
                all.Add((pathLevel[i], context.Canonical(Reading.JsonPointer.Parent(pointer) + "/parameters/" + i)));
            }
        }

        var models = new List<(ParameterModel Model, int Order)>();
        foreach (var (parameter, at) in all)
        {
            if (parameter.Name is not { Length: > 0 } wireName || parameter.In is null)
            {
                continue;
            }

            var (location, where) = parameter.In switch
            {
                OpenApiLocation.Path => (Location.Path, "path"),
                OpenApiLocation.Query => (Location.Query, "query"),
                OpenApiLocation.Header => (Location.Header, "header"),
                OpenApiLocation.Cookie => (Location.Cookie, "cookie"),
                _ => ((Location?)null, "unknown"),
            };

            if (location is null)
            {
                context.Report(Descriptors.Unsupported, at, $"The {where} parameter '{wireName}'", "the method is generated without it");
                continue;
            }

            var required = parameter.Required || location == Location.Path;
            var type = ScalarUnion(parameter.Schema)
                ?? schemas.Resolve(schemas.At(parameter.Schema, at + "/schema"), new NameHint(Naming.Pascal(wireName, "Parameter"), baseName)).Type;
            if (!IsText(type) && !(type.Kind == TypeKind.Array && IsText(type.Item!)))
            {
                // Objects in parameters (form-exploded, deepObject) are not written yet.
                var what = $"The {where} parameter '{wireName}', an object,";
                if (location == Location.Path)
                {
                    context.Report(Descriptors.Unsupported, at, what, "the operation is not generated");
                    return null;
                }

                context.Report(Descriptors.Unsupported, at, what, "the method is generated without it");
                continue;
            }

            var delimiter = type.Kind == TypeKind.Array ? Delimiter(parameter, location.Value) : null;
            var style = location == Location.Path && parameter.Style is ParameterStyle.Label or ParameterStyle.Matrix ? parameter.Style.ToString() : null;
            var order = location == Location.Path ? 0 : required ? 2 : 3;
            models.Add((new ParameterModel(Naming.Camel(wireName, "parameter"), wireName, location.Value, type, required, parameter.Description, delimiter, style, parameter.Explode), order));
        }

        // Path parameters first, then required ones, then optional ones; names claimed in that order.
        return models.OrderBy(m => m.Order)
            .Select(m => m.Model with { Name = locals.Claim(m.Model.Name) })
            .ToList();
    }

    /// <summary>
    /// For a parameter that is one of several scalars (<c>string | boolean</c>, <c>number | string</c>),
    /// <c>string</c>; for one that is also an array of them (<c>string[] | string</c>), a string array.
    /// On the wire they are all text, so the caller writes the text.
    /// </summary>
    private static TypeRef? ScalarUnion(IOpenApiSchema? schema)
    {
        // Microsoft.OpenApi reads oneOf: [{type: string}, {type: boolean}] as type: [string, boolean]:
        // more than one scalar kind (but not integer-or-number, which stays a number) is text.
        var kinds = schema is null ? 0 : SchemaModeller.KindOf(schema);
        if (IsScalar(kinds) && ((int)kinds & ((int)kinds - 1)) != 0 && kinds != (JsonSchemaType.Integer | JsonSchemaType.Number))
        {
            return TypeRef.String;
        }

        var alternatives = schema is null ? new List<IOpenApiSchema>() : SchemaModeller.Alternatives(schema);
        if (alternatives.Count < 2 || !alternatives.All(a => IsScalar(SchemaModeller.KindOf(a)) || (SchemaModeller.KindOf(a) == JsonSchemaType.Array && a.Items is { } items && IsScalar(SchemaModeller.KindOf(items)))))
        {
            return null;
        }

        return alternatives.Any(a => SchemaModeller.KindOf(a) == JsonSchemaType.Array) ? TypeRef.ArrayOf(TypeRef.String) : TypeRef.String;
    }

    private const JsonSchemaType Scalars = JsonSchemaType.String | JsonSchemaType.Number | JsonSchemaType.Integer | JsonSchemaType.Boolean;

    /// <summary>A string, number, integer or boolean, or several of them.</summary>
    private static bool IsScalar(JsonSchemaType kinds) => kinds != 0 && (kinds & ~Scalars) == 0;

    /// <summary>A value a parameter can carry as text: a string, number, boolean or enum.</summary>
    private static bool IsText(TypeRef type) =>
        type.Scalar is not null || (type.Kind == TypeKind.Named && type.IsValueType);

    /// <summary>
    /// How an array query parameter joins its values, by its style; null when it is sent once per value.
    /// Path (by its style), header and cookie arrays are comma-joined by the runtime (null here).
    /// </summary>
    private static string? Delimiter(IOpenApiParameter parameter, Location location) =>
        location != Location.Query ? null
        : parameter.Style switch
        {
            ParameterStyle.SpaceDelimited => " ",
            ParameterStyle.PipeDelimited => "|",
            _ => parameter.Explode ? null : ",",
        };
}
