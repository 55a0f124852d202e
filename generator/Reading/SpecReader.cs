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
    public static ReadSpec? Read(string filePath, string text, List<DiagnosticInfo> diagnostics)
    {
        var map = new SourceMap(filePath);
        JsonNode? root;
        try
        {
            root = YamlReader.Read(text, map);
        }
        catch (SpecReadException e)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.YamlSyntax, At(filePath, e.At), e.Message));
            return null;
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.YamlSyntax, At(filePath, e.Start), Clean(e.Message)));
            return null;
        }

        if (root is not JsonObject obj)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotOpenApi, map.Locate(""), "its top level is not a mapping"));
            return null;
        }

        if (!CheckVersion(obj, map, diagnostics))
        {
            return null;
        }

        var result = new OpenApiJsonReader().Read(root, new Uri("file:///" + SafeFileName(filePath)), new OpenApiReaderSettings());
        foreach (var error in result.Diagnostic?.Errors ?? [])
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.OpenApiError, map.Locate(error.Pointer), error.Message));
        }

        foreach (var warning in result.Diagnostic?.Warnings ?? [])
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.OpenApiWarning, map.Locate(warning.Pointer), warning.Message));
        }

        return result.Document is null ? null : new ReadSpec(result.Document, root, map);
    }

    private static bool CheckVersion(JsonObject root, SourceMap map, List<DiagnosticInfo> diagnostics)
    {
        if (root["swagger"] is JsonValue swagger)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotOpenApi, map.Locate("/swagger"),
                $"it is Swagger {swagger.ToJsonString()}; convert it to OpenAPI 3 first"));
            return false;
        }

        var version = root["openapi"] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
        if (version is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotOpenApi, map.Locate(""), "it has no 'openapi' version field"));
            return false;
        }

        if (!version.StartsWith("3.0", StringComparison.Ordinal) && !version.StartsWith("3.1", StringComparison.Ordinal))
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotOpenApi, map.Locate("/openapi"), $"its version '{version}' is not supported"));
            return false;
        }

        return true;
    }

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
