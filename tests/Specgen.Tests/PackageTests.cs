using System.Diagnostics;
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
public class PackageTests(ITestOutputHelper output)
{
    private const string Program = """
        using Specgen.Runtime;
        using Vercel;

        using var http = new HttpClient();
        var client = new VercelClient(http, new ApiClientOptions { AccessToken = args[1], BaseAddress = new Uri(args[0]) });
        var created = await client.CreateIntegrationStoreDirectAsync(
            new CreateIntegrationStoreDirectRequest { Name = "from-a-package", IntegrationConfigurationId = args[2], IntegrationProductIdOrSlug = args[3] },
            teamId: args[4]);
        Console.WriteLine($"created a store: status {created.Store!.Status}, plan {created.Store.BillingPlan?.Id}");
        """;

    [Fact]
    public async Task A_fresh_project_adds_Specgen_by_name_and_gets_a_working_client()
    {
        var work = Directory.CreateTempSubdirectory("specgen-package-").FullName;
        var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var feed = Path.Combine(work, "feed");
            Dotnet(Repository.Root, "pack", "generator/Specgen.Generator.csproj", "-c", "Release", "-o", feed, "-p:Version=" + version);
            Dotnet(Repository.Root, "pack", "runtime/Specgen.Runtime.csproj", "-c", "Release", "-o", feed, "-p:Version=" + version);
            Assert.True(File.Exists(Path.Combine(feed, $"Specgen.{version}.nupkg")));
            Assert.True(File.Exists(Path.Combine(feed, $"Specgen.Runtime.{version}.nupkg")));

            var modern = Consumer(work, "net10.0", feed, version, """<OpenApiSpec Include="spec/vercel-integration-stores.yaml" Namespace="Vercel" ClientName="VercelClient" />""", Program);
            await using var emulator = await VercelEmulator.StartAsync();
            var printed = Dotnet(modern, "run", "--no-build", "--", emulator.BaseAddress.ToString(), EmulatorSeed.Token, EmulatorSeed.AdminConfigurationId, EmulatorSeed.FreeProductId, EmulatorSeed.TeamId);
            Assert.Contains($"created a store: status available, plan {EmulatorSeed.FreePlanId}", printed, StringComparison.Ordinal);
            Assert.Single(emulator.Stores);

            // The defaults: the project's root namespace, a client named after the spec's title, and internal
            // types. And a spec split across files: the package brings the files beside it into the
            // compilation (a missing one would be a SPECGEN009 warning, an error here).
            const string Defaults = """
                var client = new Consumer.VercelIntegrationStoresClient(new HttpClient(), new Specgen.Runtime.ApiClientOptions());
                Console.WriteLine(typeof(Consumer.VercelIntegrationStoresClient).IsPublic ? "public" : "internal");
                Shelter.Pet pet = new Shelter.Pet.Cat(new Shelter.Cat { Kind = "cat", Name = "Tom", Owner = new Shelter.Owner { Name = "Ada" } });
                Console.WriteLine(pet);
                """;
            Consumer(work, "net8.0", feed, version, """
                <OpenApiSpec Include="spec/vercel-integration-stores.yaml" Visibility="internal" />
                <OpenApiSpec Include="shelter/api.yaml" Namespace="Shelter" />
                """, Defaults);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            ForgetPackage("specgen", version);
            ForgetPackage("specgen.runtime", version);
        }
    }

    /// <summary>A new project for <paramref name="framework"/> that adds Specgen from the feed, declares the spec with <paramref name="item"/>, and builds.</summary>
    private string Consumer(string work, string framework, string feed, string version, string item, string program)
    {
        var project = Path.Combine(work, "consumer-" + framework);
        Directory.CreateDirectory(Path.Combine(project, "spec"));
        File.Copy(Repository.SpecPath, Path.Combine(project, "spec", "vercel-integration-stores.yaml"));
        var multifile = Path.Combine(Repository.TestsDirectory, "Specs", "multifile");
        foreach (var file in Directory.GetFiles(multifile, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(project, "shelter", Path.GetRelativePath(multifile, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="specgen-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
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

        Dotnet(project, "add", "package", "Specgen", "--version", version);
        var built = Dotnet(project, "build");
        Assert.Contains("0 Error(s)", built, StringComparison.Ordinal);
        Assert.Contains("0 Warning(s)", built, StringComparison.Ordinal);
        return project;
    }

    /// <summary>Runs dotnet and returns what it printed; fails the test on a non-zero exit.</summary>
    private string Dotnet(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild settings must not leak into a build of an unrelated project.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
        }

        var text = stdout.Result + stderr.Result;
        output.WriteLine($"$ dotnet {string.Join(' ', arguments)}\n{text}");
        Assert.True(process.HasExited && process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed:\n{text}");
        return text;
    }

    private static void ForgetPackage(string id, string version)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var folder = Path.Combine(packages, id, version);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
