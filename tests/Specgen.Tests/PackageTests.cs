using Specgen.Tests.Infrastructure;
using Vercel.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace Specgen.Tests;

/// <summary>
/// Specgen as users get it: both packages packed into a local feed, a brand-new project that adds
/// <c>Specgen</c> by name and declares one <c>&lt;OpenApiSpec&gt;</c> item, built for net10.0 (and run
/// against the emulator) and for net8.0. Slow (it runs <c>dotnet</c> several times), so it is an
/// integration test, but it runs in <c>dotnet test</c> like every other.
/// </summary>
[Trait("Category", "Integration")]
[Collection(PackageFeedCollection.Name)]
public class PackageTests(PackageFeed packages, ITestOutputHelper output)
{
    private const string Program = """
        using Specgen.Runtime;
        using Vercel;

        using var http = new HttpClient();
        var client = new VercelClient(http, new ApiClientOptions { AccessToken = args[1], BaseAddress = new Uri(args[0]) });
        var created = await client.Integrations.CreateIntegrationStoreDirectAsync(
            new CreateIntegrationStoreDirectRequest { Name = "from-a-package", IntegrationConfigurationId = args[2], IntegrationProductIdOrSlug = args[3] },
            teamId: args[4]);
        Console.WriteLine($"created a store: status {created.Store!.Status}, plan {created.Store.BillingPlan?.Id}");
        var kept = typeof(VercelClient.IntegrationsClient).GetMethods().Where(m => m.Name.EndsWith("Async")).Select(m => m.Name).Order();
        Console.WriteLine("kept: " + string.Join(",", kept));
        Console.WriteLine(typeof(VercelClient).Assembly.GetType("Vercel.GetBillingPlansResponse") is null ? "plans: left out" : "plans: kept");
        """;

    [Fact]
    public async Task A_fresh_project_adds_Specgen_by_name_and_gets_a_working_client()
    {
        // The item keeps two operations, a list with ';' as MSBuild writes lists; only what they reach is generated.
        var modern = Consumer("net10.0", """<OpenApiSpec Include="spec/vercel-integration-stores.yaml" Namespace="Vercel" ClientName="VercelClient" IncludeOperations="getConfigurations;createIntegrationStoreDirect" />""", Program);
        await using var emulator = await VercelEmulator.StartAsync();
        var printed = Dotnet.Run(modern, output, "run", "--no-build", "--", emulator.BaseAddress.ToString(), EmulatorSeed.Token, EmulatorSeed.AdminConfigurationId, EmulatorSeed.FreeProductId, EmulatorSeed.TeamId).Succeeded();
        Assert.Contains($"created a store: status available, plan {EmulatorSeed.FreePlanId}", printed, StringComparison.Ordinal);
        Assert.Single(emulator.Stores);
        Assert.Contains("kept: CreateIntegrationStoreDirectAsync,GetConfigurationsAsync", printed, StringComparison.Ordinal);
        Assert.Contains("plans: left out", printed, StringComparison.Ordinal);

        // The defaults: the project's root namespace, a client named after the spec's title, and internal
        // types. And a spec split across files: the package brings the files beside it into the
        // compilation (a missing one would be a SPECGEN009 warning, an error here).
        const string Defaults = """
            var client = new Consumer.VercelIntegrationStoresClient(new HttpClient(), new Specgen.Runtime.ApiClientOptions());
            Console.WriteLine(typeof(Consumer.VercelIntegrationStoresClient).IsPublic ? "public" : "internal");
            Shelter.Pet pet = new Shelter.Pet.Cat(new Shelter.Cat { Kind = "cat", Name = "Tom", Owner = new Shelter.Owner { Name = "Ada" } });
            Console.WriteLine(pet);
            """;
        Consumer("net8.0", """
            <OpenApiSpec Include="spec/vercel-integration-stores.yaml" Visibility="internal" />
            <OpenApiSpec Include="shelter/api.yaml" Namespace="Shelter" />
            """, Defaults);
    }

    /// <summary>A new project for <paramref name="framework"/> that adds Specgen from the feed, declares the spec with <paramref name="item"/>, and builds.</summary>
    private string Consumer(string framework, string item, string program)
    {
        var project = Path.Combine(packages.Work, "consumer-" + framework);
        Directory.CreateDirectory(Path.Combine(project, "spec"));
        File.Copy(Repository.SpecPath, Path.Combine(project, "spec", "vercel-integration-stores.yaml"));
        var multifile = Path.Combine(Repository.TestsDirectory, "Specs", "multifile");
        foreach (var file in Directory.GetFiles(multifile, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(project, "shelter", Path.GetRelativePath(multifile, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        packages.WriteNuGetConfig(project);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{{framework}}</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                {{item}}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), program);

        Dotnet.Run(project, output, "add", "package", "Specgen", "--version", packages.Version).Succeeded();
        var built = Dotnet.Run(project, output, "build").Succeeded();
        Assert.Contains("0 Error(s)", built, StringComparison.Ordinal);
        Assert.Contains("0 Warning(s)", built, StringComparison.Ordinal);
        return project;
    }
}
