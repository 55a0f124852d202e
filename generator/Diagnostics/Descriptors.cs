using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Specgen.Generator.Diagnostics;

/// <summary>Every diagnostic Specgen reports. Ids are stable: never reuse or renumber one.</summary>
internal static class Descriptors
{
    private const string Category = "Specgen";

    public static readonly DiagnosticDescriptor InternalError = new(
        "SPECGEN000",
        "Specgen failed unexpectedly",
        "Specgen could not generate code for '{0}': {1}: {2}. This is a bug in Specgen; please report it with the spec that caused it.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor YamlSyntax = new(
        "SPECGEN001",
        "The spec is not valid YAML or JSON",
        "The spec could not be parsed: {0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotOpenApi = new(
        "SPECGEN002",
        "The file is not an OpenAPI document",
        "The spec is not an OpenAPI document: {0}. Specgen reads OpenAPI 3.0 and 3.1 documents.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OpenApiError = new(
        "SPECGEN003",
        "The OpenAPI document has an error",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OpenApiWarning = new(
        "SPECGEN004",
        "The OpenAPI document has a problem",
        "{0}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Unsupported = new(
        "SPECGEN005",
        "A construct in the spec is not supported",
        "{0} is not supported; {1}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor AmbiguousUnion = new(
        "SPECGEN006",
        "A oneOf/anyOf cannot be told apart",
        "The variants {0} of '{1}' cannot be told apart from the JSON alone; the union keeps the raw JSON and offers TryAs… helpers. Add a discriminator to the spec to fix this.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingOperationId = new(
        "SPECGEN007",
        "An operation has no operationId",
        "{0} {1} has no operationId; its method is named '{2}'. Add an operationId to choose the name.",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new[]
    {
        InternalError, YamlSyntax, NotOpenApi, OpenApiError, OpenApiWarning, Unsupported, AmbiguousUnion, MissingOperationId,
    }.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => All[id];
}
