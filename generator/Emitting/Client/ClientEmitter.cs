using System.Collections.Generic;
using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>Operations → one client class and its interface, one async method per operation.</summary>
internal static partial class ClientEmitter
{
    public static void Write(SourceWriter writer, SpecModel spec)
    {
        var client = spec.ClientName;
        var title = spec.Title is { Length: > 0 } ? spec.Title : "the API";
        var root = spec.Operations.Where(o => o.Group is null).ToList();
        DocComments.Summary(writer, $"Calls {title}.");
        writer.Line(CSharp.GeneratedCodeAttribute);
        using (writer.Block($"{spec.Accessibility} partial interface I{client}"))
        {
            foreach (var group in spec.Groups)
            {
                WriteGroupDocs(writer, group);
                writer.Line($"{GroupInterface(group, spec)} {group.Name} {{ get; }}");
                writer.Line();
            }

            WriteDeclarations(writer, root, spec);
        }

        writer.Line();
        DocComments.Summary(writer, spec.Description, $"Calls {title}.");
        writer.Line(CSharp.GeneratedCodeAttribute);
        using (writer.Block($"{spec.Accessibility} sealed partial class {client} : I{client}"))
        {
            writer.Line("/// <summary>The server the spec names; used when neither the options nor the HttpClient give a base address.</summary>");
            writer.Line($"public const string DefaultBaseAddress = {CSharp.Literal(spec.DefaultBaseAddress ?? string.Empty)};");
            writer.Line();
            if (spec.RequestIdHeaders.Count > 0)
            {
                writer.Line("/// <summary>The response headers the spec says carry the server's request id (<c>ApiException.RequestId</c>).</summary>");
                writer.Line($"public static readonly global::System.Collections.Generic.IReadOnlyList<string> RequestIdHeaders = new[] {{ {string.Join(", ", spec.RequestIdHeaders.Select(CSharp.Literal))} }};");
                writer.Line();
            }

            var json = CSharp.TypeName(TypeRef.Named(spec.JsonContext.Name), spec.Namespace);
            writer.Lines($$"""
                private readonly {{CSharp.Infrastructure}}.ApiConnection _connection;

                private readonly {{json}} _json;

                private {{json}}? _requestJson;

                /// <summary>What request bodies and JSON parameters are written with: the same options in request mode (<c>readOnly</c> members left out).</summary>
                private {{json}} RequestJson => _requestJson ??= {{CSharp.Infrastructure}}.JsonWrite.ForRequests(_json, static options => new {{json}}(options));

                """);
            WriteSecurity(writer, spec.Security);
            WriteConstructors(writer, spec);
            foreach (var group in spec.Groups)
            {
                // Named after the class, so a group called Connection or Json never takes the client's own _connection or _json.
                var field = "_" + char.ToLowerInvariant(group.ClassName[0]) + group.ClassName.Substring(1);
                writer.Line($"private {group.ClassName}? {field};");
                writer.Line();
                WriteGroupDocs(writer, group);
                writer.Line($"public {group.ClassName} {group.Name} => {field} ??= new {group.ClassName}(this);");
                writer.Line();
                writer.Line($"{GroupInterface(group, spec)} I{client}.{group.Name} => {group.Name};");
                writer.Line();
            }

            WriteImplementations(writer, root, spec, owner: string.Empty);
        }
    }

    /// <summary>
    /// A group's interface, beside the root client's, and its class, nested in the root client's class so it
    /// sends through the root's connection without that being visible to anyone else.
    /// </summary>
    public static void WriteGroup(SourceWriter writer, SpecModel spec, GroupModel group)
    {
        var operations = spec.Operations.Where(o => o.Group == group.Name).ToList();
        WriteGroupDocs(writer, group);
        writer.Line(CSharp.GeneratedCodeAttribute);
        using (writer.Block($"{spec.Accessibility} partial interface I{group.ClassName}"))
        {
            WriteDeclarations(writer, operations, spec);
        }

        writer.Line();
        using (writer.Block($"partial class {spec.ClientName}"))
        {
            WriteGroupDocs(writer, group);
            writer.Line(CSharp.GeneratedCodeAttribute);
            using (writer.Block($"public sealed partial class {group.ClassName} : I{group.ClassName}"))
            {
                writer.Lines($$"""
                    private readonly {{spec.ClientName}} _client;

                    internal {{group.ClassName}}({{spec.ClientName}} client) => _client = client;

                    """);
                WriteImplementations(writer, operations, spec, owner: "_client.");
            }
        }
    }

    private static string GroupInterface(GroupModel group, SpecModel spec) => CSharp.TypeName(TypeRef.Named("I" + group.ClassName), spec.Namespace);

    private static void WriteGroupDocs(SourceWriter writer, GroupModel group) =>
        DocComments.Summary(writer, group.Description, $"The {group.Name} operations.");

    private static void WriteDeclarations(SourceWriter writer, IEnumerable<OperationModel> operations, SpecModel spec)
    {
        foreach (var operation in operations)
        {
            WriteDocs(writer, operation, spec.Security);
            writer.Line(Signature(operation, spec.Namespace) + ";");
            writer.Line();
            if (operation.Paging is { } paging)
            {
                WritePagedDocs(writer, operation, paging);
                writer.Line(PagedSignature(operation, paging, spec.Namespace) + ";");
                writer.Line();
            }
        }
    }

    /// <summary>The methods' bodies; <paramref name="owner"/> is how they reach the root client's connection and JSON context.</summary>
    private static void WriteImplementations(SourceWriter writer, IEnumerable<OperationModel> operations, SpecModel spec, string owner)
    {
        var properties = spec.JsonContext.PropertiesByType();
        var typeInfos = new TypeInfos(
            properties.ToDictionary(p => p.Key, p => owner + "_json." + p.Value),
            properties.ToDictionary(p => p.Key, p => owner + "RequestJson." + p.Value));
        foreach (var operation in operations)
        {
            writer.Line("/// <inheritdoc/>");
            if (operation.IsDeprecated)
            {
                writer.Line(CSharp.ObsoleteAttribute);
            }

            using (writer.Block("public " + Signature(operation, spec.Namespace)))
            {
                var union = operation.Result.Kind == ResultKind.ByStatus
                    ? spec.Types.OfType<ResultUnionModel>().Single(t => t.Name == operation.Result.Type!.Name)
                    : null;
                WriteBody(writer, operation, spec, typeInfos, union, owner + "_connection");
            }

            writer.Line();
            if (operation.Paging is { } paging)
            {
                writer.Line("/// <inheritdoc/>");
                if (operation.IsDeprecated)
                {
                    writer.Line(CSharp.ObsoleteAttribute);
                }

                using (writer.Block("public " + PagedSignature(operation, paging, spec.Namespace)))
                {
                    WritePagedBody(writer, operation, paging, spec.Namespace);
                }

                writer.Line();
            }
        }
    }

    private static void WriteConstructors(SourceWriter writer, SpecModel spec)
    {
        var client = spec.ClientName;
        var json = CSharp.TypeName(TypeRef.Named(spec.JsonContext.Name), spec.Namespace);
        var requestIds = spec.RequestIdHeaders.Count == 0 ? string.Empty : ", RequestIdHeaders";
        writer.Lines($$"""
            /// <summary>
            /// Creates the client, sending with an HttpClient the runtime shares: its connections pooled, following no
            /// redirect itself, so credentials only ever go to the configured origin.
            /// </summary>
            /// <param name="options">The access token, base address and other settings.</param>
            public {{client}}({{CSharp.Runtime}}.ApiClientOptions? options = null)
                : this({{CSharp.Infrastructure}}.ApiConnection.Shared, options)
            {
            }

            /// <summary>Creates the client with an HttpClient of the caller's (from IHttpClientFactory, or with a handler of its own).</summary>
            /// <param name="httpClient">The HttpClient to send with; its lifetime is the caller's. A handler that follows redirects itself sends headers it added to wherever they lead: give it <c>AllowAutoRedirect = false</c>.</param>
            /// <param name="options">The access token, base address and other settings.</param>
            public {{client}}(global::System.Net.Http.HttpClient httpClient, {{CSharp.Runtime}}.ApiClientOptions? options = null)
            {
                _connection = new {{CSharp.Infrastructure}}.ApiConnection(httpClient, options ?? new {{CSharp.Runtime}}.ApiClientOptions(), DefaultBaseAddress{{requestIds}});
                _json = options?.ContextOptions() is { } jsonOptions ? new {{json}}(jsonOptions) : {{json}}.Default;
            }

            """);
    }

    /// <summary>
    /// The schemes the operations use and each distinct way they authenticate, as static fields: the
    /// connection picks the first way the options have credentials for.
    /// </summary>
    private static void WriteSecurity(SourceWriter writer, SecurityModel security)
    {
        if (security.Requirements.Count == 0)
        {
            return;
        }

        var used = new HashSet<string>(security.Requirements.SelectMany(r => r).SelectMany(r => r), System.StringComparer.Ordinal);
        var fields = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var scheme in security.Schemes.Where(s => used.Contains(s.Key)))
        {
            var field = "s_scheme" + fields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[scheme.Key] = field;
            var arguments = string.Join(", ", new[] { scheme.Key }.Concat(scheme.Arguments).Select(CSharp.Literal));
            var value = $"new {CSharp.Infrastructure}.{scheme.RuntimeClass}({arguments})";
            writer.Line($"private static readonly {CSharp.Infrastructure}.SecurityScheme {field} = {value};");
        }

        for (var i = 0; i < security.Requirements.Count; i++)
        {
            var alternatives = security.Requirements[i].Select(r => $"new {CSharp.Infrastructure}.SecurityRequirement({string.Join(", ", r.Select(k => fields[k]))})").ToList();
            var value = alternatives.Count == 0
                ? $"global::System.Array.Empty<{CSharp.Infrastructure}.SecurityRequirement>()"
                : $"new {CSharp.Infrastructure}.SecurityRequirement[] {{ {string.Join(", ", alternatives)} }}";
            writer.Line($"private static readonly {CSharp.Infrastructure}.SecurityRequirement[] {SecurityField(i)} = {value};");
        }

        writer.Line();
    }

    private static string SecurityField(int index) => "s_security" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What an operation's docs say of how it authenticates; null when the spec declares no security.</summary>
    private static string? SecurityRemark(OperationModel operation, SecurityModel security)
    {
        if (operation.Security is not { } index)
        {
            return null;
        }

        var alternatives = security.Requirements[index];
        if (alternatives.Count == 0)
        {
            return "Sends no credentials (<c>security: []</c>).";
        }

        string Describe(EquatableArray<string> schemes) => string.Join(" and ", schemes.Select(k => "<c>" + DocComments.Escape(k) + "</c>"));
        var ways = alternatives.Where(a => a.Count > 0).Select(Describe).ToList();
        var optional = alternatives.Any(a => a.Count == 0);
        return ways.Count == 0
            ? "Sends no credentials."
            : optional
                ? "Credentials are optional: sends " + string.Join(", or ", ways) + " when they are set."
                : "Authenticates with " + string.Join(", or ", ways) + (ways.Count > 1 ? " (the first the options have)." : ".");
    }

    private static void WriteDocs(SourceWriter writer, OperationModel operation, SecurityModel security)
    {
        var summary = operation.Summary ?? operation.Description;
        DocComments.Summary(writer, summary, $"{operation.HttpMethod} {operation.Path}");
        var remarks = new List<string> { $"<c>{DocComments.Escape(operation.HttpMethod + " " + operation.Path)}</c>" };
        if (operation.Summary is not null && operation.Description is not null)
        {
            remarks.AddRange(MarkdownDocs.Lines(operation.Description, paragraphs: true));
        }

        if (SecurityRemark(operation, security) is { } authenticates)
        {
            remarks.Add(authenticates);
        }

        if (operation.AlternativeOf is { } streamed && operation.Result.MediaType is { } media)
        {
            remarks.Add($"The operation of <see cref=\"{streamed}\"/>, its response read as <c>{DocComments.Escape(media)}</c>: each value as it arrives.");
        }
        else if (operation.AlternativeOf is { } first && operation.Body is { } body)
        {
            remarks.Add($"The operation of <see cref=\"{first}\"/>, with the body sent as <c>{DocComments.Escape(body.ContentType)}</c>.");
        }

        DocComments.Remarks(writer, remarks);
        WriteParameterDocs(writer, operation);

        writer.Line("/// <param name=\"requestOptions\">Headers, a timeout and a retry policy for this call; null for the client's.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        var typed = operation.Headers is { } headers ? $" (the headers the spec documents: <see cref=\"{headers.Name}.From\"/>)" : string.Empty;
        writer.Line($"/// <returns>{Returns(operation.Result)} Await <c>WithResponseAsync()</c> for the status code and headers too{typed}.</returns>");
        foreach (var response in operation.Responses.Where(r => !r.Status.StartsWith("2", System.StringComparison.Ordinal)))
        {
            DocComments.Exception(writer, response.Status, response.Description);
        }

        if (operation.IsDeprecated)
        {
            writer.Line(CSharp.ObsoleteAttribute);
        }
    }

    private static string Signature(OperationModel operation, string ns)
    {
        var returns = ResultType(operation.Result, ns) is { } type
            ? $"{CSharp.Runtime}.ApiCall<{type}>"
            : $"{CSharp.Runtime}.ApiCall";
        var parameters = Parameters(operation, ns).Append("global::System.Threading.CancellationToken cancellationToken = default");
        return $"{returns} {operation.MethodName}({string.Join(", ", parameters)})";
    }

    /// <summary>A method's parameters as declared, up to and with its <c>requestOptions</c>.</summary>
    private static IEnumerable<string> Parameters(OperationModel operation, string ns) => operation.Signature
        .Select(p => $"{CSharp.Nullable(CSharp.TypeName(p.Type, ns), p.IsOptional)} {p.Name}{(p.IsOptional ? " = null" : string.Empty)}")
        .Append($"{CSharp.Runtime}.ApiRequestOptions? requestOptions = null");

    /// <summary>The <c>param</c> docs of the parameters the spec describes.</summary>
    private static void WriteParameterDocs(SourceWriter writer, OperationModel operation)
    {
        foreach (var parameter in operation.Signature)
        {
            DocComments.Param(writer, parameter.Name, parameter.Description);
        }
    }

    /// <summary>Each type's type info in the client's context: as responses read it, and as requests write it.</summary>
    private sealed record TypeInfos(Dictionary<string, string> Responses, Dictionary<string, string> Requests);

    private static void WriteBody(SourceWriter writer, OperationModel operation, SpecModel spec, TypeInfos infos, ResultUnionModel? union, string connection)
    {
        var ns = spec.Namespace;
        var initializer = new List<string>();
        if (operation.OperationId is { } operationId)
        {
            initializer.Add("OperationId = " + CSharp.Literal(operationId));
        }

        if (operation.Accept is { } accept)
        {
            initializer.Add("Accept = " + CSharp.Literal(accept));
        }

        initializer.Add("Options = requestOptions");
        if (operation.Security is { } index)
        {
            initializer.Add("Security = " + SecurityField(index));
        }

        writer.Line($"var apiRequest = new {CSharp.Infrastructure}.ApiRequest({CSharp.Literal(operation.HttpMethod)}, {CSharp.Literal(operation.Path)}) {{ {string.Join(", ", initializer)} }};");
        foreach (var parameter in operation.Parameters)
        {
            writer.Line(SendParameter(parameter, ns, infos.Requests));
        }

        if (operation.Body is { Kind: BodyKind.Multipart or BodyKind.Form } formBody)
        {
            var form = spec.Types.OfType<FormModel>().Single(t => t.Name == formBody.Type.Name);
            WriteForm(writer, formBody, form, ns, infos.Requests);
        }
        else if (operation.Body is { Kind: not BodyKind.Json } raw)
        {
            writer.Line($"apiRequest.{(raw.Kind == BodyKind.Binary ? "StreamBody" : "TextBody")}({raw.Name}, {CSharp.Literal(raw.ContentType)});");
        }
        else if (operation.Body is { } body)
        {
            var typeInfo = infos.Requests[body.Type.Key];
            if (!body.IsRequired && body.Type.IsValueType)
            {
                // An optional number, boolean or enum is a Nullable<T>; the body is sent when it has a value.
                using (writer.Block($"if ({body.Name} is not null)"))
                {
                    writer.Line($"apiRequest.JsonBody({body.Name}.Value, {typeInfo}, {CSharp.Literal(body.ContentType)});");
                }
            }
            else
            {
                writer.Line($"apiRequest.JsonBody({body.Name}, {typeInfo}, {CSharp.Literal(body.ContentType)});");
            }
        }

        foreach (var error in operation.Errors)
        {
            writer.Line($"apiRequest.ErrorBody({CSharp.Literal(error.Status)}, {infos.Responses[error.Type.Key]});");
        }

        if (union is not null)
        {
            WriteByStatus(writer, union, ns, infos.Responses, connection);
            return;
        }

        var read = ResultBody(operation.Result, ns, infos.Responses);
        writer.Line(read is null
            ? $"return {connection}.SendAsync(apiRequest, cancellationToken);"
            : $"return {connection}.SendAsync(apiRequest, {read}, cancellationToken);");
    }

    private static string Returns(ResultModel result) => result.Kind switch
    {
        ResultKind.None => "Completes when the server answers with success.",
        ResultKind.Json when result.AllowsEmpty => "The response body, or null when the server answers with a success the spec documents without one.",
        ResultKind.Json => "The response body.",
        ResultKind.Text => "The response body as text.",
        ResultKind.File => "The response body as a file read as it arrives; dispose it.",
        ResultKind.JsonLines or ResultKind.Events => "The values as they arrive; dispose the stream.",
        _ => "A case for each success status the spec documents.",
    };

    /// <summary>The C# type a method's call returns, or null when a success has no body.</summary>
    private static string? ResultType(ResultModel result, string ns) => result.Kind switch
    {
        ResultKind.None => null,
        ResultKind.Text => "string",
        ResultKind.File => CSharp.Runtime + ".ApiFile",
        ResultKind.JsonLines or ResultKind.Events => $"{CSharp.Runtime}.ApiStream<{CSharp.TypeName(result.Type!, ns)}>",
        _ => CSharp.Nullable(CSharp.TypeName(result.Type!, ns), result.AllowsEmpty),
    };

    /// <summary>How the connection reads the body (a type info for plain JSON, else a <c>ResponseBody</c>); null for none.</summary>
    private static string? ResultBody(ResultModel result, string ns, Dictionary<string, string> typeInfos)
    {
        const string Body = CSharp.Infrastructure + ".ResponseBody";
        string Info() => typeInfos[result.Type!.Key];
        return result.Kind switch
        {
            ResultKind.Json when result.AllowsEmpty => $"{Body}.{(result.Type!.IsValueType ? "JsonOrNullValue" : "JsonOrNull")}({Info()})",
            ResultKind.Json => Info(),
            ResultKind.Text => Body + ".Text",
            ResultKind.File => Body + ".File",
            ResultKind.JsonLines => $"{Body}.JsonLines({Info()})",
            ResultKind.Events => $"{Body}.Events({Info()})",
            _ => null,
        };
    }

    /// <summary>A result union: the body read whole, then a case by status (exact codes, then ranges, then default).</summary>
    private static void WriteByStatus(SourceWriter writer, ResultUnionModel result, string ns, Dictionary<string, string> typeInfos, string connection)
    {
        var union = CSharp.TypeName(TypeRef.Named(result.Name), ns);
        var model = result.Cases;
        writer.Line($"return {connection}.SendAsync(apiRequest, {CSharp.Infrastructure}.ResponseBody.Whole<{union}>(content => content.StatusCode switch");
        writer.Line("{");
        var ordered = model.OrderBy(c => c.Status.Length == 3 && char.IsDigit(c.Status[1]) ? 0 : c.Status == "default" ? 2 : 1);
        foreach (var @case in ordered)
        {
            var pattern = @case.Status switch
            {
                "default" => "_",
                _ when !char.IsDigit(@case.Status[1]) => ">= 200 and < 300",
                _ => @case.Status,
            };
            var value = @case.Kind switch
            {
                ResultKind.Json => $"content.Json({typeInfos[@case.Type!.Key]})",
                ResultKind.Text => "content.Text()",
                ResultKind.File => "content.File()",
                _ => null,
            };
            writer.Line($"    {pattern} => new {union}.{@case.Name}(content.StatusCode{(value is null ? string.Empty : ", " + value)}),");
        }

        if (!model.Any(c => c.Status == "default"))
        {
            writer.Line($"    _ => new {union}.Unknown(content.StatusCode, content.Text()),");
        }

        writer.Line("}), cancellationToken);");
    }
}
