using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Specgen.Generator.Common;
using Specgen.Generator.Configuration;
using Specgen.Generator.Model;
using Specgen.Generator.Reading;

namespace Specgen.Generator.Modelling;

/// <summary>A read spec → the equatable <see cref="SpecModel"/> the emitters work from.</summary>
internal static class SpecModeller
{
    public static SpecModel Build(ReadSpec spec, SpecOptions options, List<Diagnostics.DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var document = spec.Document;
        var clientName = options.ClientName ?? Naming.Pascal(document.Info?.Title, "Api") + "Client";
        var jsonContextName = JsonContextModeller.NameFor(clientName);
        var optionsName = clientName + "Options";
        var context = new ModelContext(spec, new[] { clientName, "I" + clientName, jsonContextName, optionsName }, cancellationToken) { Filter = options.Filter };
        var schemas = new SchemaModeller(context);
        var security = new SecurityModeller(context, optionsName);
        var operationModeller = new OperationModeller(context, schemas, security);
        var all = operationModeller.ModelAll(document);
        operationModeller.ModelWebhooks(document);
        if (options.Filter is { KeepUnusedSchemas: true })
        {
            // Every component, whether a kept operation reaches it or not.
            foreach (var id in context.ComponentNames.Keys.ToList())
            {
                schemas.ResolveComponent(id);
            }
        }

        CheckDialect(context, spec.Root);
        var (modelled, resolved) = Aliases.Resolve(context, all);
        var (grouped, groups) = OperationGroups.Assign(context, resolved.ToList(), clientName, operationModeller.DocumentGroups.Count);
        var operations = Pagination.Find(context, grouped, modelled);

        diagnostics.AddRange(context.Diagnostics);
        var types = RequestValidation.Mark(Inheritance.Link(modelled), operations).OrderBy(t => t.Name, System.StringComparer.Ordinal).ToEquatableArray();
        return new SpecModel(
            options.FilePath,
            options.HintPrefix,
            options.Namespace,
            clientName,
            options.Accessibility,
            document.Info?.Title,
            document.Info?.Description,
            document.Servers?.FirstOrDefault()?.Url,
            RequestIdHeaders(spec.Root),
            types,
            operations.ToEquatableArray(),
            JsonContextModeller.Model(jsonContextName, types, operations),
            security.Model(),
            groups);
    }

    /// <summary>OpenAPI 3.1's own dialect: what Specgen reads every schema as.</summary>
    public const string DefaultDialect = "https://spec.openapis.org/oas/3.1/dialect/base";

    /// <summary>A <c>jsonSchemaDialect</c> other than OpenAPI 3.1's own is not followed, and SPECGEN016 says so.</summary>
    private static void CheckDialect(ModelContext context, System.Text.Json.Nodes.JsonNode root)
    {
        if (root["jsonSchemaDialect"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue(out string? dialect) && dialect.TrimEnd('/', '#') != DefaultDialect)
        {
            context.Report(Diagnostics.Descriptors.NotForTheClient, "/jsonSchemaDialect", $"The jsonSchemaDialect '{dialect}' is not OpenAPI 3.1's own; Specgen reads every schema as OpenAPI 3.1 (JSON Schema 2020-12 with its vocabulary) does.");
        }
    }

    /// <summary>The extension naming the response headers that carry the server's request id.</summary>
    public const string RequestIdExtension = "x-specgen-request-id-headers";

    private static EquatableArray<string> RequestIdHeaders(System.Text.Json.Nodes.JsonNode root) =>
        (root[RequestIdExtension] as System.Text.Json.Nodes.JsonArray ?? new System.Text.Json.Nodes.JsonArray())
            .OfType<System.Text.Json.Nodes.JsonValue>()
            .Select(v => v.TryGetValue(out string? name) ? name : null)
            .Where(name => name is { Length: > 0 })
            .Select(name => name!)
            .ToEquatableArray();
}
