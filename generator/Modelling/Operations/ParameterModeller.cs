using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Specgen.Generator.Common;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Model;
using Location = Specgen.Generator.Model.ParameterLocation;
using OpenApiLocation = Microsoft.OpenApi.ParameterLocation;

namespace Specgen.Generator.Modelling;

/// <summary>An operation's path, query and header parameters → method parameters, with how each is sent.</summary>
internal sealed class ParameterModeller(ModelContext context, SchemaModeller schemas)
{
    /// <summary>
    /// The operation's parameters; null when one it cannot do without (a path parameter) cannot be sent.
    /// Header parameters named <c>Accept</c> and <c>Content-Type</c> are left out, as OpenAPI says (the
    /// client sends the media types the spec's responses and body name), and so is <c>Authorization</c>
    /// when <paramref name="hasSchemes"/>: the security schemes send it. In a spec without schemes an
    /// <c>Authorization</c> parameter is the only way to authenticate, and stays.
    /// </summary>
    public List<ParameterModel>? Model(IOpenApiPathItem pathItem, OpenApiOperation operation, PartAt operationAt, string baseName, NameScope locals, bool hasSchemes)
    {
        var all = new List<(IOpenApiParameter Parameter, PartAt At)>();
        var operationLevel = operation.Parameters ?? new List<IOpenApiParameter>();
        for (var i = 0; i < operationLevel.Count; i++)
        {
            if (operationLevel[i] is { } parameter)
            {
                all.Add((parameter, operationAt.Child("parameters").Item(i)));
            }
        }

        var pathLevel = pathItem.Parameters ?? new List<IOpenApiParameter>();
        for (var i = 0; i < pathLevel.Count; i++)
        {
            if (pathLevel[i] is not null && !all.Any(p => p.Parameter.Name == pathLevel[i].Name && p.Parameter.In == pathLevel[i].In))
            {
                all.Add((pathLevel[i], operationAt.Parent.Child("parameters").Item(i)));
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

            if (location == Location.Header && IsIgnoredHeader(wireName, hasSchemes))
            {
                continue;
            }

            if (location is null)
            {
                context.Report(Descriptors.Unsupported, at.Pointer, $"The {where} parameter '{wireName}'", "the method is generated without it");
                continue;
            }

            var required = parameter.Required || location == Location.Path;
            if (Model(parameter, location.Value, where, at, baseName) is not { } model)
            {
                if (location == Location.Path)
                {
                    return null;
                }

                continue;
            }

            var order = location == Location.Path ? 0 : required ? 2 : 3;
            models.Add((model with { IsRequired = required, Description = parameter.Description }, order));
        }

        // Path parameters first, then required ones, then optional ones; names claimed in that order.
        return models.OrderBy(m => m.Order)
            .Select(m => m.Model with { Name = locals.Claim(m.Model.Name) })
            .ToList();
    }

    private static bool IsIgnoredHeader(string name, bool hasSchemes) =>
        string.Equals(name, "Accept", System.StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Content-Type", System.StringComparison.OrdinalIgnoreCase)
        || (hasSchemes && string.Equals(name, "Authorization", System.StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// One parameter: a scalar or array (text), an object or dictionary (pairs in its style), or a
    /// <c>content</c>-typed value (JSON text). Null, reported, when it cannot be sent.
    /// </summary>
    private ParameterModel? Model(IOpenApiParameter parameter, Location location, string where, PartAt at, string baseName)
    {
        var wireName = parameter.Name!;
        var name = Naming.Camel(wireName, "parameter");
        var hint = new NameHint(Naming.Pascal(wireName, "Parameter"), baseName);
        var unsent = location == Location.Path ? "the operation is not generated" : "the method is generated without it";
        if (parameter.Schema is null && parameter.Content is { Count: > 0 } content)
        {
            // content: a value serialized as its media type says: JSON text, or the text as given.
            var media = content.First();
            if (!MediaTypes.IsJson(media.Key))
            {
                return new ParameterModel(name, wireName, location, TypeRef.String, false, null);
            }

            var schema = at.Child("content").Child(media.Key).Schema(media.Value?.Schema);
            return new ParameterModel(name, wireName, location, schemas.Resolve(schema, hint).Type, false, null, Kind: ParameterKind.Json, AllowReserved: parameter.AllowReserved);
        }

        var type = ScalarUnion(parameter.Schema) ?? schemas.Resolve(at.Schema(parameter.Schema), hint).Type;
        if (IsText(type) || (type.Kind == TypeKind.Array && IsText(type.Item!)))
        {
            var delimiter = type.Kind == TypeKind.Array ? Delimiter(parameter, location) : null;
            var style = location == Location.Path && parameter.Style is ParameterStyle.Label or ParameterStyle.Matrix ? parameter.Style.ToString() : null;
            return new ParameterModel(name, wireName, location, type, false, null, delimiter, style, parameter.Explode, AllowReserved: parameter.AllowReserved);
        }

        var objectStyle = ObjectStyle(parameter, location);
        if (type.Kind == TypeKind.Map && IsText(type.Item!))
        {
            return new ParameterModel(name, wireName, location, type, false, null, Style: objectStyle, Explode: parameter.Explode, Kind: ParameterKind.Map, AllowReserved: parameter.AllowReserved);
        }

        if (type.Name is { } typeName && context.TypeNamed(typeName) is ObjectModel record)
        {
            var members = TextMembers(context, record, at.Pointer, $"the {where} parameter '{wireName}'");
            return new ParameterModel(name, wireName, location, type, false, null, Style: objectStyle, Explode: parameter.Explode, Kind: ParameterKind.Object, Members: members, AllowReserved: parameter.AllowReserved);
        }

        context.Report(Descriptors.Unsupported, at.Pointer, $"The {where} parameter '{wireName}', whose schema is not a value, a list or an object (a oneOf of objects, say),", unsent);
        return null;
    }

    /// <summary>
    /// The members of a record that an object parameter (or form pair) can carry, in order: scalars, enums
    /// and lists of them; one that is itself an object is reported (<paramref name="owner"/> names what it is in) and not sent.
    /// </summary>
    internal static EquatableArray<ParameterMemberModel> TextMembers(ModelContext context, ObjectModel record, string at, string owner)
    {
        var members = new List<ParameterMemberModel>();
        foreach (var property in record.Properties.Where(p => p.Direction != MemberDirection.ResponseOnly))
        {
            if (IsText(property.Type) || (property.Type.Kind == TypeKind.Array && IsText(property.Type.Item!)))
            {
                members.Add(new ParameterMemberModel(property.JsonName, property.Name, property.Type, property.IsNullable));
            }
            else
            {
                // OpenAPI defines no style for an object inside an object parameter.
                context.Report(Descriptors.Unsupported, at, $"The member '{property.JsonName}' of {owner}, itself an object,", "it is not sent");
            }
        }

        return members.ToEquatableArray();
    }

    /// <summary>
    /// How an object parameter's pairs are written: a query's <c>form</c> (the default) or <c>deepObject</c>,
    /// a path's <c>simple</c>, <c>label</c> or <c>matrix</c>; headers are always simple and cookies form.
    /// </summary>
    private static string ObjectStyle(IOpenApiParameter parameter, Location location) => location switch
    {
        Location.Query => parameter.Style == ParameterStyle.DeepObject ? "DeepObject" : "Form",
        Location.Path => parameter.Style is ParameterStyle.Label or ParameterStyle.Matrix ? parameter.Style.ToString() : "Simple",
        Location.Header => "Simple",
        _ => "Form",
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
    internal static bool IsText(TypeRef type) =>
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
