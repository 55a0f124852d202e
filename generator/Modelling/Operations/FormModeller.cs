using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Specgen.Generator.Common;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Model;

namespace Specgen.Generator.Modelling;

/// <summary>
/// A <c>multipart/form-data</c> or <c>application/x-www-form-urlencoded</c> body's object schema → a
/// <see cref="FormModel"/>: a record with a member per property, files as <c>FilePart</c>, each written
/// as the media type's <c>encoding</c> says.
/// </summary>
internal sealed class FormModeller(ModelContext context, SchemaModeller schemas)
{
    /// <summary>The form bodies made so far, by where their schema is and how they are written, so operations sharing one share the type.</summary>
    private readonly Dictionary<string, TypeRef> _made = new(System.StringComparer.Ordinal);

    /// <summary>The body's type, or null (reported) when its schema is not an object with properties.</summary>
    public TypeRef? Model(string mediaType, IOpenApiMediaType media, PartAt mediaAt, string baseName)
    {
        var multipart = mediaType.StartsWith("multipart/", System.StringComparison.OrdinalIgnoreCase);
        var at = mediaAt.Schema(media.Schema);
        var key = (multipart ? "multipart:" : "form:") + at.Pointer;
        if (_made.TryGetValue(key, out var known))
        {
            return known;
        }

        var properties = media.Schema is null ? new List<(string WireName, SchemaAt At, bool Required)>() : schemas.PropertiesOf(at).ToList();
        if (properties.Count == 0)
        {
            context.Report(Descriptors.Unsupported, mediaAt.Pointer, $"The {mediaType} body, whose schema is not an object with properties,", "the method is generated without a body");
            return null;
        }

        var name = ComponentNamed(media.Schema, baseName + "Request") ?? context.ClaimTypeName(new NameHint(baseName + "Request", null));
        var members = new NameScope(ReservedNames.Record.Append(name));
        var parts = new List<FormPartModel>();
        foreach (var (wireName, site, required) in properties)
        {
            if (parts.Any(p => p.WireName == wireName))
            {
                continue;
            }

            var encoding = media.Encoding is { } encodings && encodings.TryGetValue(wireName, out var found) ? found : null;
            if (Part(site, wireName, required, encoding, multipart, members, name, mediaType) is { } part)
            {
                parts.Add(part);
            }
        }

        var schema = Target(media.Schema);
        context.Add(new FormModel(name, schema?.Description, schema?.Deprecated ?? false, parts.ToEquatableArray(), multipart, parts.Any(p => p.IsChecked)));
        return _made[key] = TypeRef.Named(name);
    }

    /// <summary>
    /// The name the body's component already holds when it is the one the form would take (FastAPI's
    /// <c>Body_create_file_files__post</c> is <c>CreateFileRequest</c>) and no record has it: the form is that type.
    /// </summary>
    private string? ComponentNamed(IOpenApiSchema? schema, string name) =>
        schema is OpenApiSchemaReference { Reference.Id: { } id } && context.ComponentNames.TryGetValue(id, out var claimed)
        && claimed == name && !context.TypesByReference.ContainsKey(id)
            ? name
            : null;

    private FormPartModel? Part(SchemaAt site, string wireName, bool required, OpenApiEncoding? encoding, bool multipart, NameScope members, string owner, string mediaType)
    {
        var schema = site.Schema!;
        var csName = context.ClaimFor(members, "The properties", wireName, Naming.Pascal(wireName, "Property"), site.Pointer);
        var annotations = SchemaModeller.Annotations(schema).ToList();
        var description = annotations.Select(a => a.Description).FirstOrDefault(d => d is not null);
        var deprecated = annotations.Any(a => a.Deprecated);
        var contentType = multipart ? encoding?.ContentType : null;

        // Files: a binary string, or a list of them (a part each).
        var target = Target(schema);
        if (IsFile(site))
        {
            // A 3.1 file's contentMediaType is its part's media type when the encoding gives none.
            return new FormPartModel(csName, wireName, TypeRef.File, FormPartKind.File, required, !required, description, deprecated, contentType ?? ContentMediaType(site));
        }

        if (target is not null && SchemaModeller.KindOf(target) == JsonSchemaType.Array && target.Items is { } items && site.Child(items, "items") is var item && IsFile(item))
        {
            return new FormPartModel(csName, wireName, TypeRef.ArrayOf(TypeRef.File), FormPartKind.File, required, !required, description, deprecated, contentType ?? ContentMediaType(item));
        }

        var resolved = schemas.Resolve(site, new NameHint(Naming.Pascal(wireName, "Property"), owner));
        var type = resolved.Type;
        var nullable = !required || resolved.IsNullable;
        var style = encoding?.Style is ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited or ParameterStyle.DeepObject ? encoding.Style.ToString() : null;
        var explode = encoding?.Explode ?? true;
        if (ParameterModeller.IsText(type) || (type.Kind == TypeKind.Array && ParameterModeller.IsText(type.Item!)))
        {
            var constraints = type.Kind == TypeKind.Array ? null : annotations.Select(ObjectModeller.ConstraintsOf).FirstOrDefault(c => !c.IsEmpty);
            return new FormPartModel(csName, wireName, type, FormPartKind.Text, required, nullable, description, deprecated, contentType, style, explode, Constraints: constraints);
        }

        if (multipart)
        {
            // Anything else in a multipart body is a part holding its JSON.
            return new FormPartModel(csName, wireName, type, FormPartKind.Json, required, nullable, description, deprecated, contentType ?? "application/json");
        }

        if (type.Kind == TypeKind.Map && ParameterModeller.IsText(type.Item!))
        {
            return new FormPartModel(csName, wireName, type, FormPartKind.Map, required, nullable, description, deprecated, null, style ?? "Form", explode);
        }

        if (type.Name is { } typeName && context.TypeNamed(typeName) is ObjectModel record)
        {
            var textMembers = ParameterModeller.TextMembers(context, record, site.Pointer, $"the {mediaType} property '{wireName}'");
            return new FormPartModel(csName, wireName, type, FormPartKind.Object, required, nullable, description, deprecated, null, style ?? "Form", explode, textMembers);
        }

        context.Report(Descriptors.Unsupported, site.Pointer, $"The {mediaType} property '{wireName}', whose schema is not a value, a list or an object,", "it is not sent");
        return null;
    }

    /// <summary>
    /// A file: a string of <c>format: binary</c> (OpenAPI 3.0), or with a <c>contentMediaType</c> and no
    /// <c>contentEncoding</c> (3.1).
    /// </summary>
    private static bool IsFile(SchemaAt site)
    {
        var target = Target(site.Schema);
        if (target is null || (SchemaModeller.KindOf(target) & ~JsonSchemaType.String) != 0)
        {
            return false;
        }

        if (target.Format == "binary")
        {
            return true;
        }

        return ContentMediaType(site) is not null && site.Node is JsonObject node && node["contentEncoding"] is null;
    }

    /// <summary>A schema's 3.1 <c>contentMediaType</c>, or null.</summary>
    private static string? ContentMediaType(SchemaAt site) =>
        site.Node is JsonObject node && node["contentMediaType"] is JsonValue value && value.TryGetValue(out string? mediaType) ? mediaType : null;

    private static IOpenApiSchema? Target(IOpenApiSchema? schema) => schema is OpenApiSchemaReference reference ? reference.Target : schema;
}
