using Specgen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Specgen.Tests;

/// <summary>
/// Server to client in one build (issue 30): a brand-new ASP.NET Core project (Microsoft.AspNetCore.OpenApi,
/// Microsoft.Extensions.ApiDescription.Server) and a console project that adds Specgen from the local feed and
/// names the server's project in its <c>&lt;OpenApiSpec&gt;</c>. A server edit reaches the caller through the
/// compiler; a build without edits runs neither the document step nor the generator.
/// </summary>
[Trait("Category", "Integration")]
[Collection(PackageFeedCollection.Name)]
public class ServerProjectTests(PackageFeed packages, ITestOutputHelper output)
{
    private const string Server = """
        using System.Collections.Concurrent;
        using Microsoft.AspNetCore.Http.HttpResults;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOpenApi();
        var app = builder.Build();
        app.MapOpenApi();
        var items = new ConcurrentDictionary<string, Item>();
        app.MapPost("/items", (Item item) => TypedResults.Created($"/items/{item.Name}", items[item.Name] = item with { Stock = item.Stock * 10 }));
        app.MapGet("/items/{name}", Results<Ok<Item>, NotFound> (string name) => items.TryGetValue(name, out var item) ? TypedResults.Ok(item) : TypedResults.NotFound());
        app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine("LISTENING " + app.Urls.First()));
        app.Run();

        /// <summary>An item of the inventory.</summary>
        /// <param name="Name">What it is called.</param>
        /// <param name="Stock">How many are left.</param>
        public record Item(string Name, int Stock);
        """;

    private const string Caller = """
        using Inventory;

        using var http = new HttpClient();
        var client = new InventoryClient(http, new Specgen.Runtime.ApiClientOptions { BaseAddress = new Uri(args[0]) });
        var created = await client.CreateItemAsync(new Item { Name = "bolt", Stock = 2 });
        var read = await client.GetItemAsync("bolt");
        Console.WriteLine($"created {created.Name} {created.Stock}, read {read.Name} {read.Stock}");
        """;

    [Fact]
    public async Task A_server_edit_reaches_the_caller_through_the_compiler_and_a_build_without_edits_does_nothing()
    {
        var root = Path.Combine(packages.Work, "server-to-client");
        var server = Project(root, "Inventory.Api", "Microsoft.NET.Sdk.Web", $"""
            <PackageReference Include="Microsoft.AspNetCore.OpenApi" Version="{PackageFeed.PinnedVersion("Microsoft.AspNetCore.OpenApi")}" />
            <PackageReference Include="Microsoft.Extensions.ApiDescription.Server" Version="{PackageFeed.PinnedVersion("Microsoft.Extensions.ApiDescription.Server")}" PrivateAssets="all" />
            """, Server);
        var client = Project(root, "Inventory.Client", "Microsoft.NET.Sdk", $"""
            <PackageReference Include="Specgen" Version="{packages.Version}" />
            <OpenApiSpec Include="../Inventory.Api/Inventory.Api.csproj" Namespace="Inventory" ClientName="InventoryClient" />
            """, Caller, exe: true);
        packages.WriteNuGetConfig(root);

        // Building the client builds the server first, which writes its document; the client is made from it.
        var first = Build(client).Succeeded();
        Assert.Contains("GenerateOpenApiDocuments:", first, StringComparison.Ordinal);
        Assert.Contains("0 Warning(s)", first, StringComparison.Ordinal);
        var documentStep = Path.Combine(server, "obj", "Inventory.Api.OpenApiFiles.cache");
        var compiled = Path.Combine(client, "obj", "Debug", "net10.0", "Inventory.Client.dll");
        var (documentWritten, clientCompiled) = (File.GetLastWriteTimeUtc(documentStep), File.GetLastWriteTimeUtc(compiled));

        // Again without edits: the document step is skipped (its only input is the server's assembly) and
        // the client is not compiled, so the generator does not run.
        var second = Build(client).Succeeded();
        Assert.DoesNotContain("GenerateOpenApiDocuments:", second, StringComparison.Ordinal);
        Assert.Equal(documentWritten, File.GetLastWriteTimeUtc(documentStep));
        Assert.Equal(clientCompiled, File.GetLastWriteTimeUtc(compiled));

        // A server edit that leaves the document as it was: the server rebuilds and writes its document
        // again, and the client is still not compiled.
        Edit(server, "Program.cs", "app.Run();", "app.Run(); // an edit the document does not show");
        var third = Build(client).Succeeded();
        Assert.Contains("GenerateOpenApiDocuments:", third, StringComparison.Ordinal);
        Assert.Equal(clientCompiled, File.GetLastWriteTimeUtc(compiled));

        // Renaming a member of a server record breaks the caller, at the caller, with the new name.
        Edit(server, "Program.cs", "public record Item(string Name, int Stock);", "public record Item(string Title, int Stock);");
        Edit(server, "Program.cs", "item.Name", "item.Title");
        var broken = Build(client);
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("Program.cs(5,", broken.Output, StringComparison.Ordinal);
        Assert.Contains("Required member 'Item.Title' must be set", broken.Output, StringComparison.Ordinal);
        Assert.Contains("'Item' does not contain a definition for 'Name'", broken.Output, StringComparison.Ordinal);

        // Fixed, it builds, and the call succeeds against the server on 127.0.0.1.
        Edit(client, "Program.cs", "Name", "Title");
        Build(client).Succeeded();
        await using var app = await FrameworkApp.StartAsync("dotnet", [Path.Combine(server, "bin", "Debug", "net10.0", "Inventory.Api.dll"), "--urls", "http://127.0.0.1:0"]);
        var printed = Dotnet.Run(client, output, "run", "--no-build", "--", app.BaseAddress.ToString()).Succeeded();
        Assert.Contains("created bolt 20, read bolt 20", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_that_writes_no_document_is_one_error_that_says_what_to_add()
    {
        var root = Path.Combine(packages.Work, "not-a-service");
        Project(root, "Inventory.Model", "Microsoft.NET.Sdk", string.Empty, "public record Item(string Name);");
        var client = Project(root, "Inventory.Client", "Microsoft.NET.Sdk", $"""
            <PackageReference Include="Specgen" Version="{packages.Version}" />
            <OpenApiSpec Include="../Inventory.Model/Inventory.Model.csproj" Namespace="Inventory" />
            """, "Console.WriteLine();", exe: true);
        packages.WriteNuGetConfig(root);

        var built = Build(client);
        Assert.NotEqual(0, built.ExitCode);
        var errors = built.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
        var error = Assert.Single(errors);
        Assert.Contains("Inventory.Client.csproj : error SPECGEN020: The OpenApiSpec item '../Inventory.Model/Inventory.Model.csproj'", error, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Extensions.ApiDescription.Server", error, StringComparison.Ordinal);
        Assert.Contains("AddOpenApi()", error, StringComparison.Ordinal);
    }

    private Dotnet.Result Build(string project) => Dotnet.Run(project, output, "build", "-nologo");

    private static string Project(string root, string name, string sdk, string items, string program, bool exe = false)
    {
        var directory = Path.Combine(root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                {(exe ? "<OutputType>Exe</OutputType>" : string.Empty)}
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);CS1591</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        return directory;
    }

    private static void Edit(string project, string file, string from, string to)
    {
        var path = Path.Combine(project, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}

/// <summary>
/// samples/Inventory.Worker, built with the tests: its client is made from the document samples/Inventory.Api
/// writes when it builds, registered with AddInventoryClient and addressed through service discovery; it starts
/// the service on 127.0.0.1 and calls every operation.
/// </summary>
public class InventorySampleTests(ITestOutputHelper output)
{
    [Fact]
    public void The_sample_calls_the_service_it_was_generated_from()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var worker = Path.Combine(Repository.Root, "samples", "Inventory.Worker", "bin", configuration, "net10.0", "Inventory.Worker.dll");
        var printed = Dotnet.Run(Repository.Root, output, worker).Succeeded();
        Assert.Contains("in stock: bolt-m8 (M8 bolt, Part): 120", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("in stock: sand", printed, StringComparison.Ordinal);
        Assert.Contains("read: sand (Sand, Bulk): 0", printed, StringComparison.Ordinal);
        Assert.Contains("after deleting it: 404", printed, StringComparison.Ordinal);
    }
}
