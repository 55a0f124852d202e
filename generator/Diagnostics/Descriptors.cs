using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Specgen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic Specgen reports. Ids are stable: never reuse or renumber one. Each message says
/// what is wrong and how to fix it; docs/diagnostics.md and AnalyzerReleases.*.md list them.
/// </summary>
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
        "The spec is not an OpenAPI document: {0}. Specgen reads OpenAPI 3.0 and 3.1 documents, which start with 'openapi: 3.x.y', and Swagger 2.0 ones ('swagger: \"2.0\"').",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OpenApiError = new(
        "SPECGEN003",
        "The OpenAPI document breaks the OpenAPI specification",
        "{0}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

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

    public static readonly DiagnosticDescriptor UnsupportedVersion = new(
        "SPECGEN008",
        "The spec's OpenAPI version is not supported",
        "The spec is {0}, which Specgen does not read. {1}.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "SPECGEN009",
        "A $ref cannot be resolved",
        "The reference '{0}' {1}; the value it stands for is typed as raw JSON (JsonNode). Point the $ref at a part of this spec ('#/components/schemas/Name') or of a file beside it ('./schemas/pet.yaml').",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReferenceCycle = new(
        "SPECGEN010",
        "A schema is defined only by itself",
        "'{0}' is defined only in terms of itself ({1}), so it has no shape; it is typed as raw JSON (JsonNode). Give it a type or properties somewhere in the loop.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateOperationId = new(
        "SPECGEN011",
        "Two operations share an operationId",
        "The operationId '{0}' is also used by {1}; this method is named '{2}'. operationIds must be unique: rename one of them.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameCollision = new(
        "SPECGEN012",
        "Two names become the same C# name",
        "{0} '{1}' and '{2}' both become the C# name '{3}'; the second is named '{4}'. Rename one in the spec, or name the schema with x-specgen-name, to choose.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor LimitExceeded = new(
        "SPECGEN013",
        "The spec exceeds one of Specgen's limits",
        "The spec {0}, more than Specgen's limit of {1}; it is refused so that it cannot exhaust the compiler's memory or stack. {2}.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidOption = new(
        "SPECGEN014",
        "A spec option is not valid",
        "The {0} '{1}' is not a valid C# {2}; '{3}' is used instead. Fix the item's {0} metadata.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UndeclaredSecurityScheme = new(
        "SPECGEN015",
        "A security requirement names a scheme the spec does not declare",
        "{0} requires the security scheme '{1}', which components/securitySchemes does not declare; the requirement is used without it. Declare the scheme, or fix its name.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotForTheClient = new(
        "SPECGEN016",
        "A part of the spec has no place in a client",
        "{0}",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FilterMatchesNothing = new(
        "SPECGEN017",
        "A filter on the spec's item matches no operation",
        "{0} '{1}' matches no operation of the spec: nothing is kept or left out for it. Check its spelling against the spec's tags, paths or operationIds.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new[]
    {
        InternalError, YamlSyntax, NotOpenApi, OpenApiError, OpenApiWarning, Unsupported, AmbiguousUnion, MissingOperationId,
        UnsupportedVersion, UnresolvedReference, ReferenceCycle, DuplicateOperationId, NameCollision, LimitExceeded, InvalidOption,
        UndeclaredSecurityScheme, NotForTheClient, FilterMatchesNothing,
    }.ToDictionary(d => d.Id);

    public static IEnumerable<DiagnosticDescriptor> Each => All.Values;

    public static DiagnosticDescriptor ById(string id) => All[id];
}
