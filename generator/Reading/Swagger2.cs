using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Specgen.Generator.Diagnostics;

namespace Specgen.Generator.Reading;

/// <summary>
/// A Swagger 2.0 document as the OpenAPI 3.0 document it stands for, so everything after reading sees
/// one version. Microsoft.OpenApi does the conversion (body and <c>formData</c> parameters become request
/// bodies in the media types of <c>consumes</c>, a <c>type: file</c> part a binary one, responses take the
/// media types of <c>produces</c>, <c>securityDefinitions</c> become security schemes, <c>host</c>,
/// <c>basePath</c> and <c>schemes</c> a server). The parts that moved are grafted back onto the 2.0
/// file's source map, so a problem is still reported where it is in the file.
/// </summary>
internal static class Swagger2
{
    public static JsonObject? Upgrade(JsonObject root, string filePath, Uri location, SourceMap map, List<DiagnosticInfo> diagnostics)
    {
        ReadResult result;
        try
        {
            result = new OpenApiJsonReader().Read(root.DeepClone(), location, new OpenApiReaderSettings());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotOpenApi, map.Locate(""), $"Microsoft.OpenApi, which converts Swagger 2.0 for Specgen, failed ({e.GetType().Name}: {e.Message.TrimEnd('.')})"));
            return null;
        }

        SpecReader.Report(result, map, diagnostics);
        if (result.Document is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotOpenApi, map.Locate(""), "Microsoft.OpenApi could not read it as Swagger 2.0"));
            return null;
        }

        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        result.Document.SerializeAsV3(new OpenApiJsonWriter(text));
        if (JsonNode.Parse(text.ToString()) is not JsonObject upgraded)
        {
            return null;
        }

        Graft(root, upgraded, map);
        CollectionFormats(root, upgraded);
        return upgraded;
    }

    /// <summary>
    /// How each array parameter is written: 2.0's <c>collectionFormat</c> (csv when absent) as the 3.0
    /// <c>style</c> and <c>explode</c> that write the same text, which the conversion leaves to 3.0's defaults
    /// (a query array exploded, <c>tags=a&amp;tags=b</c>, where 2.0 sends <c>tags=a,b</c>).
    /// </summary>
    private static void CollectionFormats(JsonObject original, JsonObject upgraded)
    {
        void Fix(JsonNode? upgradedList, JsonNode? originalList)
        {
            var sources = (originalList as JsonArray ?? new JsonArray()).OfType<JsonObject>().ToList();
            foreach (var parameter in (upgradedList as JsonObject)?.Select(p => p.Value) ?? (upgradedList as JsonArray ?? new JsonArray()).AsEnumerable())
            {
                if (parameter is not JsonObject target || target["in"]?.ToString() is not { } location)
                {
                    continue;
                }

                var name = target["name"]?.ToString();
                var source = originalList is JsonObject named
                    ? named.Select(p => p.Value as JsonObject).FirstOrDefault(p => p?["name"]?.ToString() == name && p?["in"]?.ToString() == location)
                    : sources.FirstOrDefault(p => p["name"]?.ToString() == name && p["in"]?.ToString() == location);
                if (source?["type"]?.ToString() != "array")
                {
                    continue;
                }

                var (style, explode) = (source["collectionFormat"]?.ToString() ?? "csv") switch
                {
                    "multi" => ("form", true),
                    "ssv" => ("spaceDelimited", false),
                    "pipes" => ("pipeDelimited", false),
                    "tsv" => (null, false),
                    _ => (location == "query" || location == "cookie" ? "form" : "simple", false),
                };
                if (style is not null)
                {
                    target["style"] = style;
                    target["explode"] = explode;
                }
            }
        }

        Fix(JsonPointer.Find(upgraded, "/components/parameters"), original["parameters"]);
        foreach (var path in upgraded["paths"] as JsonObject ?? new JsonObject())
        {
            var originalPath = JsonPointer.Find(original, JsonPointer.Child("/paths", path.Key)) as JsonObject;
            foreach (var item in path.Value as JsonObject ?? new JsonObject())
            {
                var target = item.Key == "parameters" ? item.Value : (item.Value as JsonObject)?["parameters"];
                var source = item.Key == "parameters" ? originalPath?["parameters"] : (originalPath?[item.Key] as JsonObject)?["parameters"];
                Fix(target, source);
            }
        }
    }

    /// <summary>
    /// A 2.0 response without a <c>schema</c> has no body, whatever <c>produces</c> says; the conversion still
    /// gives it a media type per <c>produces</c> entry (with no schema), which would read as a JSON body.
    /// </summary>
    private static void DropContentWithoutSchema(JsonObject? upgraded, JsonObject? original)
    {
        if (upgraded is not null && original is not null && !original.ContainsKey("$ref") && !original.ContainsKey("schema"))
        {
            upgraded.Remove("content");
        }
    }

    /// <summary>Points each part of the 3.0 document that has no place of the same name in the 2.0 one at where it came from.</summary>
    private static void Graft(JsonObject original, JsonObject upgraded, SourceMap map)
    {
        map.Graft("/components/schemas", map, "/definitions");
        map.Graft("/components/parameters", map, "/parameters");
        map.Graft("/components/requestBodies", map, "/parameters");
        map.Graft("/components/responses", map, "/responses");
        map.Graft("/components/securitySchemes", map, "/securityDefinitions");
        map.Graft("/servers", map, original.ContainsKey("host") ? "/host" : "/basePath");
        foreach (var response in JsonPointer.Find(upgraded, "/components/responses") as JsonObject ?? new JsonObject())
        {
            DropContentWithoutSchema(response.Value as JsonObject, JsonPointer.Find(original, JsonPointer.Child("/responses", response.Key)) as JsonObject);
        }

        foreach (var path in upgraded["paths"] as JsonObject ?? new JsonObject())
        {
            foreach (var operation in path.Value as JsonObject ?? new JsonObject())
            {
                var at = JsonPointer.Child(JsonPointer.Child("/paths", path.Key), operation.Key);
                foreach (var response in (operation.Value as JsonObject)?["responses"] as JsonObject ?? new JsonObject())
                {
                    var responseAt = JsonPointer.Child(JsonPointer.Child(at, "responses"), response.Key);
                    DropContentWithoutSchema(response.Value as JsonObject, JsonPointer.Find(original, responseAt) as JsonObject);
                    foreach (var media in (response.Value as JsonObject)?["content"] as JsonObject ?? new JsonObject())
                    {
                        map.Graft(JsonPointer.Child(JsonPointer.Child(responseAt, "content"), media.Key) + "/schema", map, responseAt + "/schema");
                    }
                }

                // The body (or form) came from the operation's body or formData parameters: located at the first.
                if (JsonPointer.Find(original, at + "/parameters") is JsonArray parameters
                    && parameters.Select((p, i) => (Parameter: p as JsonObject, Index: i)).FirstOrDefault(p => p.Parameter?["in"]?.ToString() is "body" or "formData") is { Parameter: not null } body)
                {
                    map.Graft(at + "/requestBody", map, at + "/parameters/" + body.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
    }
}
