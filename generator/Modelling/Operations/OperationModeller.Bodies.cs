using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Model;

namespace Specgen.Generator.Modelling;

internal sealed partial class OperationModeller
{
    /// <summary>
    /// The request bodies an operation can send, a method each: its first (JSON when it offers JSON, else
    /// the spec's first media type that can be sent), then one for each other kind it offers (a form, a
    /// multipart form, bytes; text when there is no JSON), in the spec's order. A second media type of a kind
    /// already had is the same C# shape; the call's headers can name it (<c>requestOptions.Headers["Content-Type"]</c>).
    /// </summary>
    private List<BodyModel> Bodies(OpenApiOperation operation, PartAt at, string baseName, NameScope locals)
    {
        var bodies = new List<BodyModel>();
        if (operation.RequestBody is not { Content: { Count: > 0 } content } body)
        {
            return bodies;
        }

        var contentAt = at.Child("requestBody").Child("content");
        var json = JsonMediaType(content);
        if (json.Key is not null)
        {
            var type = schemas.Resolve(contentAt.Child(json.Key).Schema(json.Value.Schema), new NameHint(baseName + "Request", null)).Type;
            // A body whose schema has required members cannot be left out, whatever requestBody.required says.
            bodies.Add(new BodyModel(locals.Copy().Claim("request"), type, body.Required || HasRequired(json.Value.Schema), json.Key, body.Description));
        }

        var unsupported = new List<(string MediaType, string Pointer)>();
        foreach (var media in content)
        {
            var mediaAt = contentAt.Child(media.Key);
            if (!IsMediaType(media.Key))
            {
                // Seen in real specs: 'examples' or 'form-data' where a media type belongs.
                context.Report(Descriptors.OpenApiError, mediaAt.Pointer, $"The request content type '{media.Key}' is not a media type (type/subtype); it is not sent.");
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
                unsupported.Add((media.Key, mediaAt.Pointer));
                continue;
            }

            // The first body is named for the operation (UpdatePetRequest), another for its method (UpdatePetFormRequest).
            var name = bodies.Count == 0 ? baseName : baseName + AlternativeSuffix(kind.Value, media.Key);
            if (Body(kind.Value, media, body, mediaAt, name, locals.Copy()) is { } model)
            {
                bodies.Add(model);
            }
        }

        var fallback = bodies.Count > 0 ? "only the operation's other media types are sent" : "the method is generated without a body";
        foreach (var (mediaType, where) in unsupported)
        {
            context.Report(Descriptors.Unsupported, where, $"The request content type '{mediaType}'", fallback);
        }

        return bodies;
    }

    /// <summary>A body of one media type that is not JSON; null for a form whose schema cannot be one (reported).</summary>
    private BodyModel? Body(BodyKind kind, KeyValuePair<string, IOpenApiMediaType> media, IOpenApiRequestBody body, PartAt mediaAt, string baseName, NameScope locals)
    {
        switch (kind)
        {
            case BodyKind.Form or BodyKind.Multipart:
                return media.Value is not null && _forms.Model(media.Key, media.Value, mediaAt, baseName) is { } form
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
}
