using Microsoft.CodeAnalysis;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>Array parameters in each style reach a real server as OpenAPI says; object parameters are reported, not garbled.</summary>
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
            new[] { "s", "m" },
            new[] { "x", "y" },
            new[] { true, false },
            new[] { "f1", "f2" },
            CancellationToken.None])!;
        await call;

        var request = Assert.Single(server.Requests);
        Assert.Equal("/items/1,2?tag=a&tag=b%20c&size=s%2Cm&word=x%20y&pipe=true%7Cfalse", request.PathAndQuery);
        Assert.Equal("f1,f2", request.Headers["X-Flags"]);
    }

    [Fact]
    public async Task A_parameter_that_is_one_of_several_scalars_is_text()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));
        var client = Activator.CreateInstance(Spec.Value.Type("ParametersClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions())!;
        var method = client.GetType().GetMethod("GetProjectAsync")!;

        Assert.Equal(new[] { typeof(string), typeof(string), typeof(IReadOnlyList<string>), typeof(CancellationToken) }, method.GetParameters().Select(p => p.ParameterType));
        await CompiledSpec.CallAsync(client, method.Name, ["my-project", "5xx", new[] { "a.com", "b.com" }, CancellationToken.None]);

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
    public void An_object_parameter_is_reported_and_left_out_and_an_object_path_parameter_drops_its_operation()
    {
        var run = Spec.Value.Run;
        var reported = run.Diagnostics.Where(d => d.Id == "SPECGEN005").Select(d => d.GetMessage()).ToList();

        Assert.Contains(reported, m => m.Contains("The query parameter 'filter', an object,", StringComparison.Ordinal) && m.Contains("generated without it", StringComparison.Ordinal));
        Assert.Contains(reported, m => m.Contains("The path parameter 'where', an object,", StringComparison.Ordinal) && m.Contains("the operation is not generated", StringComparison.Ordinal));
        var client = Spec.Value.Type("ParametersClient");
        Assert.DoesNotContain(client.GetMethod("GetItemsAsync")!.GetParameters(), p => p.Name == "filter");
        Assert.Null(client.GetMethod("GetThingsAsync"));
    }
}
