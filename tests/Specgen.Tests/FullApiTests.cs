using Microsoft.CodeAnalysis;
using Specgen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Specgen.Tests;

/// <summary>Vercel's whole public API: 216 operations, some without an operationId, heavy inline unions.</summary>
public class FullApiTests(ITestOutputHelper output)
{
    private static readonly Lazy<GeneratorRun> Run = new(() =>
        GeneratorHarness.Run(new SpecFile("specs/vercel-api.json", Fixtures.Read(Fixtures.VercelApi))));

    private static readonly Lazy<CompiledSpec> Loaded = new(() => CompiledSpec.Load(Run.Value, "vercel-api"));

    [Fact]
    public void The_whole_API_compiles_without_errors_or_warnings() => WholeApi.CompilesCleanly(Run.Value);

    [Fact]
    public async Task A_deployment_file_is_uploaded_as_its_bytes_with_its_digest_size_and_team()
    {
        // POST /v2/files (uploadFile): the file's bytes as application/octet-stream, its SHA1 in
        // x-vercel-digest, its size in Content-Length (a spec header parameter) and the team in the query.
        // The stream cannot seek, so the length the call gives is what the server sees, not a chunked body.
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 200, """{"urls":["example-upload.aws.com"]}"""));
        var options = new Specgen.Runtime.ApiClientOptions { AccessToken = "vercel-token", Retry = Specgen.Runtime.RetryOptions.None, DefaultParameters = { ["teamId"] = "team_1" } };
        var client = Activator.CreateInstance(Loaded.Value.Type("Vercel", "VercelClient"), new HttpClient { BaseAddress = server.BaseAddress }, options)!;
        var file = "export default function handler() { return new Response('Grüße'); }\n"u8.ToArray();
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(file));
        var (_, method) = CompiledSpec.Find(client, "Deployments.UploadFileAsync");
        var arguments = method.GetParameters().Select(object? (p) => p.Name switch
        {
            "contentLength" => (double)file.Length,
            "xVercelDigest" => digest,
            _ when p.ParameterType == typeof(Stream) => new BodyTests.ForwardOnly(file),
            _ when p.ParameterType == typeof(CancellationToken) => CancellationToken.None,
            _ => null,
        }).ToArray();

        var result = await CompiledSpec.CallAsync(client, "Deployments.UploadFileAsync", arguments);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v2/files?teamId=team_1", request.PathAndQuery);
        Assert.Equal("Bearer vercel-token", request.Authorization);
        Assert.Equal("application/octet-stream", request.Headers["Content-Type"]);
        Assert.Equal(file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["Content-Length"]);
        Assert.False(request.Headers.ContainsKey("Transfer-Encoding"));
        Assert.Equal(digest, request.Headers["x-vercel-digest"]);
        Assert.False(request.Headers.ContainsKey("x-now-digest"));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(file), request.Body);
        Assert.Equal(file.Length, request.Length);
        Assert.NotNull(result);
    }

    [Fact]
    public void The_generated_code_uses_nothing_that_needs_reflection()
    {
        // What the trimming and AOT analyzers would flag, over every generated file.
        var uses = ReflectionCheck.UsesNeedingReflection(Run.Value.Output, Run.Value.Result.GeneratedTrees);

        Assert.True(uses.Count == 0, string.Join("\n", uses.Take(20)));
    }

    [Fact]
    public void The_reflection_check_finds_reflection_based_serialization()
    {
        // The check above is only as good as this: a reflection-based call is found.
        var run = GeneratorHarness.Run(new[] { new SpecFile("specs/tiny.yaml", "openapi: 3.0.3\ninfo: {title: Tiny, version: '1'}\npaths: {}\n") },
            "class User { string A() => System.Text.Json.JsonSerializer.Serialize(new { a = 1 }); object B() => System.Text.Json.JsonSerializerOptions.Default; }");
        var user = run.Output.SyntaxTrees.Except(run.Result.GeneratedTrees);

        var uses = ReflectionCheck.UsesNeedingReflection(run.Output, user);

        Assert.Equal(2, uses.Count);
        Assert.Contains(uses, u => u.Contains("JsonSerializer.Serialize", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.Contains("JsonSerializerOptions.Default", StringComparison.Ordinal));
    }

    [Fact]
    public void What_the_generator_reports_about_the_API_is_only_what_the_spec_really_has()
    {
        // The spec has two path templates that differ only in a parameter's name (003), ambiguous unions
        // (006), operations without an operationId (007) and enum values that differ only in punctuation
        // (012); nothing else. Its octet-stream bodies are streams now, not SPECGEN005.
        var ids = Run.Value.Diagnostics.Select(d => d.Id).Distinct().Order().ToList();

        Assert.Equal(new[] { "SPECGEN003", "SPECGEN006", "SPECGEN007", "SPECGEN012" }, ids);
    }

    [Theory]
    [InlineData("LogDrains.CreateConfigurableLogDrainAsync", "request", "Url", "System.Uri")]
    [InlineData("Aliases.AssignAliasAsync", null, "Created", "System.DateTimeOffset")]
    public void Date_time_and_uri_members_are_DateTimeOffset_and_Uri(string method, string? parameter, string member, string expected)
    {
        // POST /v1/log-drains sends its url (format: uri); POST /v2/deployments/{id}/aliases answers with created (format: date-time).
        var call = WholeApi.ClientMethod(Run.Value, "Vercel.VercelClient", method);
        var type = parameter is null
            ? ((INamedTypeSymbol)call.ReturnType).TypeArguments.Single()
            : call.Parameters.Single(p => p.Name == parameter).Type;

        var property = type.GetMembers(member).OfType<IPropertySymbol>().Single();
        var propertyType = property.Type is INamedTypeSymbol { IsGenericType: true, Name: "Nullable" } nullable ? nullable.TypeArguments[0] : property.Type;
        Assert.Equal(expected, propertyType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_operation_becomes_one_client_method()
    {
        var methods = new HashSet<string>(StringComparer.Ordinal);
        var expected = WholeApi.Operations(Fixtures.Read(Fixtures.VercelApi));
        var names = WholeApi.ClientMethods(Run.Value, "Vercel.VercelClient");

        // getDeploymentEvents answers JSON or application/stream+json: a method for each.
        Assert.Equal(216, expected);
        Assert.Equal(expected + 1, names.Count);
        Assert.Contains("Deployments.GetDeploymentEventsAsync", names);
        Assert.Contains("Deployments.GetDeploymentEventsStreamAsync", names);
        Assert.All(names, name => Assert.True(methods.Add(name), name));
    }

    [Fact]
    public void Type_names_are_at_most_48_characters_and_never_repeat_a_run_of_words() =>
        WholeApi.NamesReadWell(Run.Value, "Vercel", output);

    [Fact]
    public void Operations_without_an_operationId_are_named_from_the_end_of_their_path()
    {
        var methods = WholeApi.ClientMethods(Run.Value, "Vercel.VercelClient");

        // PATCH /v1/installations/{integrationConfigurationId}/resources/{resourceId}/experimentation/items/{itemId}
        Assert.Contains("Marketplace.PatchExperimentationItemsByItemIdAsync", methods);
        // GET /v9/projects/{idOrName}/custom-environments
        Assert.Contains("Environment.GetProjectsCustomEnvironmentsAsync", methods);
        // GET /v1/security/firewall/events
        Assert.Contains("Security.GetFirewallEventsAsync", methods);
    }

    [Fact]
    public void The_client_has_a_sub_client_per_tag_and_each_its_own_interface()
    {
        var root = Run.Value.Output.GetTypeByMetadataName("Vercel.VercelClient")!;
        var rootInterface = Run.Value.Output.GetTypeByMetadataName("Vercel.IVercelClient")!;
        var groups = root.GetMembers().OfType<IPropertySymbol>().Where(p => SymbolEqualityComparer.Default.Equals(p.Type.ContainingType, root)).ToList();
        var methods = WholeApi.ClientMethods(Run.Value, "Vercel.VercelClient");

        // Every operation of Vercel's API has a tag: 26 of them, and no method is left on the root.
        Assert.Equal(26, groups.Count);
        Assert.DoesNotContain(methods, m => !m.Contains('.', StringComparison.Ordinal));
        Assert.Contains("Projects.UpdateProjectAsync", methods);
        Assert.Contains("DomainsRegistrar", groups.Select(g => g.Name));

        // client.Projects is the class (nested in the client's, as VercelClient.ProjectsClient); IVercelClient.Projects its interface.
        var projects = groups.Single(g => g.Name == "Projects");
        Assert.Equal("Vercel.VercelClient.ProjectsClient", projects.Type.ToDisplayString());
        var mockable = rootInterface.GetMembers("Projects").OfType<IPropertySymbol>().Single();
        Assert.Equal("Vercel.IProjectsClient", mockable.Type.ToDisplayString());
        Assert.Contains(projects.Type.AllInterfaces, i => SymbolEqualityComparer.Default.Equals(i, mockable.Type));
        Assert.Single(mockable.Type.GetMembers("UpdateProjectAsync"));

        // Vercel's cursor (pagination.next, sent back as until) makes GET /v2/teams paged.
        Assert.Equal("ApiPageable", WholeApi.ClientMethod(Run.Value, "Vercel.VercelClient", "Teams.GetAllTeamsAsync").ReturnType.Name);
        Assert.Empty(root.GetMembers("UpdateProjectAsync"));
    }

    [Fact]
    public void A_response_offered_as_JSON_and_as_a_stream_gets_a_method_for_each()
    {
        // GET /v3/deployments/{idOrUrl}/events answers application/json (an array) or application/stream+json (one event a line).
        var json = WholeApi.ClientMethod(Run.Value, "Vercel.VercelClient", "Deployments.GetDeploymentEventsAsync");
        var stream = WholeApi.ClientMethod(Run.Value, "Vercel.VercelClient", "Deployments.GetDeploymentEventsStreamAsync");

        var read = ((INamedTypeSymbol)json.ReturnType).TypeArguments.Single();
        var streamed = (INamedTypeSymbol)((INamedTypeSymbol)stream.ReturnType).TypeArguments.Single();
        Assert.Equal("Specgen.Runtime.ApiStream<" + ((INamedTypeSymbol)read).TypeArguments.Single().ToDisplayString() + ">", streamed.ToDisplayString());
        Assert.Equal(json.Parameters.Select(p => p.Name), stream.Parameters.Select(p => p.Name));
        Assert.Contains("application/stream+json", Run.Value.SourceOf("VercelClient.DeploymentsClient"), StringComparison.Ordinal);
    }
}
