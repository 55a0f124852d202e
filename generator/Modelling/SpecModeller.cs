using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Specgen.Generator.Common;
using Specgen.Generator.Configuration;
using Specgen.Generator.Modelling.Model;
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
        var context = new ModelContext(spec, new[] { clientName, "I" + clientName, jsonContextName, optionsName }, cancellationToken);
        var schemas = new SchemaModeller(context);
        var security = new SecurityModeller(context, optionsName);
        var (modelled, operations) = Aliases.Resolve(context, new OperationModeller(context, schemas, security).ModelAll(document));

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
            security.Model());
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
