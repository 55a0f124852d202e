using Microsoft.CodeAnalysis;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>Array and object parameters in each style reach a real server as OpenAPI says; what cannot be sent is reported, not garbled.</summary>
public class ParameterTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("parameters.yaml"));

    [Fact]
    public async Task Array_parameters_are_sent_in_their_style()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));
        var client = Activator.CreateInstance(Spec.Value.Type("ParametersClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions())!;

        var call = CompiledSpec.CallAsync(client, "GetItemsAsync", [
            new[] { 1L, 2L },
            new[] { "a", "b c" },
            new[] { "s", "m,l" },
            new[] { "x", "y" },
            new[] { true, false },
            new[] { "f1", "f2" },
            CancellationToken.None])!;
        await call;

        var request = Assert.Single(server.Requests);
        // Joined lists: the delimiter as it is (a space and | escaped, as a URI must), a comma in a value escaped.
        Assert.Equal("/items/1,2?tag=a&tag=b%20c&size=s,m%2Cl&word=x%20y&pipe=true%7Cfalse", request.PathAndQuery);
        Assert.Equal("f1,f2", request.Headers["X-Flags"]);
    }

    [Fact]
    public async Task A_parameter_that_is_one_of_several_scalars_is_text()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));
        var client = Activator.CreateInstance(Spec.Value.Type("ParametersClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions())!;
        var method = client.GetType().GetMethod("GetProjectAsync")!;

        Assert.Equal(new[] { typeof(string), typeof(string), typeof(IReadOnlyList<string>), typeof(ApiRequestOptions), typeof(CancellationToken) }, method.GetParameters().Select(p => p.ParameterType));
        await CompiledSpec.CallAsync(client, method.Name, ["my-project", "5xx", new[] { "a.com", "b.com" }, null, CancellationToken.None]);

        Assert.Equal("/projects/my-project?statusCode=5xx&domain=a.com&domain=b.com", Assert.Single(server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Label_and_matrix_path_parameters_and_cookies_are_sent_as_the_spec_says()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));
        var client = Activator.CreateInstance(Spec.Value.Type("ParametersClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions())!;

        await CompiledSpec.CallAsync(client, "GetStyledAsync", [
            "a b", new[] { 1L, 2L }, new[] { "x", "y" }, "m", new[] { "p", "q" }, new[] { "r", "s" },
            "s3cr=t; v", "dark", new[] { "a", "b" }, CancellationToken.None]);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/styled/.a%20b/.1,2/.x.y/;matrix=m/;matrices=p,q/;each=r;each=s", request.PathAndQuery);
        Assert.Equal("session=s3cr%3Dt%3B%20v; theme=dark; flags=a%2Cb", request.Headers["Cookie"]);
        Assert.DoesNotContain(Spec.Value.Run.Diagnostics, d => d.GetMessage().Contains("cookie", StringComparison.OrdinalIgnoreCase) || d.GetMessage().Contains("style", StringComparison.Ordinal));
    }

    [Fact]
    public void A_parameter_reached_through_ref_is_modelled_from_its_own_schema()
    {
        // The parameter's schema is found where the $ref leads (components/parameters), so the name the spec
        // gives its inline enum applies; looked up by the operation's own pointer, it was lost.
        const string yaml = """
            openapi: 3.0.3
            info: { title: Sorting, version: "1" }
            paths:
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - $ref: "#/components/parameters/Order"
                  responses:
                    "204": { description: Nothing. }
            components:
              parameters:
                Order:
                  name: order
                  in: query
                  schema: { type: string, enum: [asc, desc], x-specgen-name: SortOrder }
            """;
        var run = InlineSpec.Generate(yaml);

        InlineSpec.AssertCompiles(run);
        var method = run.Output.GetTypeByMetadataName("Fixture.SortingClient")!.GetMembers("ListItemsAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal("SortOrder", ((INamedTypeSymbol)method.Parameters[0].Type).TypeArguments.Single().Name);
    }

    [Fact]
    public async Task Object_query_parameters_are_sent_as_deep_objects_exploded_or_joined_and_content_parameters_as_JSON()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));
        var client = Activator.CreateInstance(Spec.Value.Type("ParametersClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions())!;
        var filter = Spec.Value.Read("Filter", """{"name":"a b&c=d","age":3,"tags":["x","y"],"since":"2026-12-02","owner":{"id":"o"}}""");
        var page = Spec.Value.Read("Page", """{"number":2}""");
        var range = Spec.Value.Read("SearchRange", """{"from":1,"to":9}""");
        var labels = new Dictionary<string, string> { ["env"] = "prod", ["a+b"] = "c d" };
        var q = Spec.Value.Read("Q", """{"term":"a b","exact":true}""");

        await CompiledSpec.CallAsync(client, "SearchAsync", [filter, page, range, labels, q, "https://x.example/a?b=c&d=%20e f", CancellationToken.None]);

        Assert.Equal(
            "/search?filter%5Bname%5D=a%20b%26c%3Dd&filter%5Bage%5D=3&filter%5Btags%5D=x%2Cy&filter%5Bsince%5D=2026-12-02"
            + "&number=2"
            + "&range=from,1,to,9"
            + "&labels%5Benv%5D=prod&labels%5Ba%2Bb%5D=c%20d"
            + "&q=%7B%22term%22%3A%22a%20b%22%2C%22exact%22%3Atrue%7D"
            + "&next=https://x.example/a?b=c&d=%20e%20f",
            Assert.Single(server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task A_content_parameter_that_is_a_list_is_sent_as_one_JSON_text()
    {
        const string yaml = """
            openapi: 3.0.3
            info: {title: Lists, version: '1'}
            paths:
              /find:
                get:
                  operationId: find
                  parameters:
                    - name: ids
                      in: query
                      content:
                        application/json:
                          schema: {type: array, items: {type: string}}
                  responses:
                    '204': {description: none}
            """;
        var spec = CompiledSpec.Load(InlineSpec.Generate(yaml), "lists");
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));
        var client = Activator.CreateInstance(spec.Type("ListsClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions())!;

        await CompiledSpec.CallAsync(client, "FindAsync", new[] { "a", "b c" }, null, CancellationToken.None);

        Assert.Equal("/find?ids=%5B%22a%22%2C%22b%20c%22%5D", Assert.Single(server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Object_path_header_and_cookie_parameters_are_sent_in_their_style()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));
        var client = Activator.CreateInstance(Spec.Value.Type("ParametersClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions())!;
        var point = Spec.Value.Read("Point", """{"x":1,"y":-2}""");

        await CompiledSpec.CallAsync(client, "GetThingsAsync", [point, point, point, point, point, CancellationToken.None]);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/things/x,1,y,-2/.x=1.y=-2/;on=x,1,y,-2", request.PathAndQuery);
        Assert.Equal("x=1,y=-2", request.Headers["X-Point"]);
        Assert.Equal("x=1; y=-2", request.Headers["Cookie"]);
    }

    [Fact]
    public void What_an_object_parameter_cannot_carry_is_reported_and_left_out()
    {
        var reported = Spec.Value.Run.Diagnostics.Where(d => d.Id == "SPECGEN005").Select(d => d.GetMessage()).ToList();

        Assert.Equal(2, reported.Count);
        Assert.Contains(reported, m => m.Contains("The member 'owner' of the query parameter 'filter', itself an object,", StringComparison.Ordinal) && m.Contains("it is not sent", StringComparison.Ordinal));
        Assert.Contains(reported, m => m.Contains("The query parameter 'either'", StringComparison.Ordinal) && m.Contains("generated without it", StringComparison.Ordinal));
        var search = Spec.Value.Type("ParametersClient").GetMethod("SearchAsync")!;
        Assert.Equal(["filter", "page", "range", "labels", "q", "next", "requestOptions", "cancellationToken"], search.GetParameters().Select(p => p.Name));
        Assert.Equal(typeof(IReadOnlyDictionary<string, string>), search.GetParameters()[3].ParameterType);
    }
}

/// <summary>A path parameter given by JSON content (oapi-codegen's roundtrip spec in the peer corpus).</summary>
public class ContentPathParameterTests
{
    [Fact]
    public void A_path_parameter_given_by_json_content_compiles_without_a_nullable_warning() =>
        InlineSpec.AssertCompiles(InlineSpec.Generate("""
            openapi: 3.0.3
            info: { title: Content, version: "1" }
            paths:
              /things/{filter}:
                get:
                  operationId: getThings
                  parameters:
                    - name: filter
                      in: path
                      required: true
                      content:
                        application/json:
                          schema: { type: object, properties: { name: { type: string } } }
                  responses:
                    "204": { description: Done. }
            """));
}
