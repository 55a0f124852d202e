using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Specgen.Generator.Diagnostics;

namespace Specgen.Generator.Reading;

/// <summary>A read spec: the OpenAPI document, the raw JSON it came from, and where everything stands.</summary>
internal sealed record ReadSpec(OpenApiDocument Document, JsonNode Root, SourceMap Map);

/// <summary>File text → <see cref="OpenApiDocument"/>, with every problem as a located diagnostic.</summary>
internal static class SpecReader
{
    /// <summary>The largest spec read, in characters: eight times the full Vercel API (4 MB).</summary>
    public const int MaxLength = 32 * 1024 * 1024;

    /// <summary>Reads a spec, bringing in what it refers to in <paramref name="parts"/> (other files' texts, by full path).</summary>
    public static ReadSpec? Read(string filePath, string text, IReadOnlyDictionary<string, string> parts, List<DiagnosticInfo> diagnostics)
    {
        var map = new SourceMap(filePath);
        if (!TryParse(filePath, text, map, diagnostics, out var root))
        {
            return null;
        }

        if (root is not JsonObject obj)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotOpenApi, map.Locate(""), "its top level is not a mapping"));
            return null;
        }

        var location = new Uri("file:///" + SafeFileName(filePath));
        if (IsSwagger2(obj))
        {
            // Everything after this reads OpenAPI 3.0. Microsoft.OpenApi converts it, so what it would
            // fail on (a boolean as text, a schema that is a string) is mended in the 2.0 document first.
            SchemaShapeCheck.Run(obj, map, diagnostics);
            if (Swagger2.Upgrade(obj, filePath, location, map, diagnostics) is not { } upgraded)
            {
                return null;
            }

            obj = upgraded;
        }
        else if (!CheckVersion(obj, map, diagnostics))
        {
            return null;
        }

        Bundler.Run(obj, filePath, map, parts, diagnostics);

        SchemaShapeCheck.Run(obj, map, diagnostics);
        ReferenceCheck.Run(obj, map, diagnostics);

        ReadResult result;
        try
        {
            result = new OpenApiJsonReader().Read(obj, location, new OpenApiReaderSettings());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Microsoft.OpenApi has failed on shapes SchemaShapeCheck does not know yet: the spec is at fault more than Specgen.
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotOpenApi, map.Locate(""), $"Microsoft.OpenApi, which reads it for Specgen, failed ({e.GetType().Name}: {e.Message.TrimEnd('.')}); look for a part with the wrong shape near the warnings above"));
            return null;
        }

        Report(result, map, diagnostics);
        if (result.Document is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotOpenApi, map.Locate(""), "Microsoft.OpenApi could not read it"));
            return null;
        }

        return new ReadSpec(result.Document, obj, map);
    }

    /// <summary>Microsoft.OpenApi's errors and warnings, located by their pointers.</summary>
    public static void Report(ReadResult result, SourceMap map, List<DiagnosticInfo> diagnostics)
    {
        foreach (var error in result.Diagnostic?.Errors ?? [])
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.OpenApiError, map.Locate(error.Pointer), error.Message));
        }

        foreach (var warning in result.Diagnostic?.Warnings ?? [])
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.OpenApiWarning, map.Locate(warning.Pointer), warning.Message));
        }
    }

    private static bool IsSwagger2(JsonObject root) =>
        root["swagger"] is JsonValue swagger && Scalar(swagger) is "2.0" or "2";

    /// <summary>
    /// A file's YAML or JSON as a JSON tree (null for an empty file), each node's position recorded in
    /// <paramref name="map"/>; false, with a located diagnostic, when it is too long, too deep or not YAML.
    /// </summary>
    public static bool TryParse(string filePath, string text, SourceMap map, List<DiagnosticInfo> diagnostics, out JsonNode? root)
    {
        root = null;
        if (text.Length > MaxLength)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.LimitExceeded, LocationInfo.StartOf(filePath),
                "is " + Megabytes(text.Length) + " long", Megabytes(MaxLength), "Split it into one spec per API area, or drop the parts this project does not call"));
            return false;
        }

        try
        {
            var duplicates = new List<(string Key, YamlDotNet.Core.Mark At)>();
            // JSON, which most big specs are, is read by a reader of its own; anything else, or JSON with a fault, as YAML.
            if (!JsonTextReader.TryRead(text, map, duplicates, out root))
            {
                root = YamlReader.Read(text, map, duplicates);
            }

            foreach (var (key, at) in duplicates)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.OpenApiError, At(filePath, at), $"The key '{key}' appears twice in the same mapping; its last value is read, as other OpenAPI parsers read it."));
            }

            return true;
        }
        catch (SpecReadException e) when (e.Limit is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.LimitExceeded, At(filePath, e.At), e.Message, e.Limit, "Check the YAML anchors and aliases here, or simplify the schema"));
        }
        catch (SpecReadException e)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.YamlSyntax, At(filePath, e.At), e.Message));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.YamlSyntax, At(filePath, e.Start), Clean(e.Message)));
        }

        return false;
    }

    private static bool CheckVersion(JsonObject root, SourceMap map, List<DiagnosticInfo> diagnostics)
    {
        if (root["swagger"] is JsonValue swagger)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedVersion, map.Locate("/swagger"),
                "Swagger " + Scalar(swagger), "Specgen reads Swagger 2.0 and OpenAPI 3.0 and 3.1: set 'swagger' to '2.0' if the document follows it"));
            return false;
        }

        if (root["openapi"] is not JsonValue value)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotOpenApi, map.Locate(""), "it has no 'openapi' version field"));
            return false;
        }

        var version = Scalar(value);
        if (!version.StartsWith("3.0", StringComparison.Ordinal) && !version.StartsWith("3.1", StringComparison.Ordinal))
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedVersion, map.Locate("/openapi"), "OpenAPI " + version, "Specgen reads OpenAPI 3.0 and 3.1 and Swagger 2.0: set 'openapi' to a 3.0.x or 3.1.x version the document follows"));
            return false;
        }

        return true;
    }

    private static string Scalar(JsonValue value) => value.TryGetValue(out string? text) ? text : value.ToJsonString();

    private static string Megabytes(int characters) => (characters / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB";

    private static LocationInfo At(string filePath, YamlDotNet.Core.Mark mark)
    {
        var position = new LinePosition(Math.Max(0, (int)mark.Line - 1), Math.Max(0, (int)mark.Column - 1));
        var index = Math.Max(0, (int)mark.Index);
        return new LocationInfo(filePath, new TextSpan(index, 0), new LinePositionSpan(position, position));
    }

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (…): "; the location already says that.
    private static string Clean(string message)
    {
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(marker + 3) : message;
    }

    private static string SafeFileName(string filePath)
    {
        var name = System.IO.Path.GetFileName(filePath);
        return Uri.EscapeDataString(string.IsNullOrEmpty(name) ? "spec" : name);
    }
}
