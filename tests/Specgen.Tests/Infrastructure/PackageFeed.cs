using System.Diagnostics;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Specgen.Tests.Infrastructure;

/// <summary>
/// Both packages (Specgen and Specgen.Runtime) packed once into a local feed under a version no other run
/// uses, for the tests that build brand-new projects against them as users do; removed from the NuGet
/// cache afterwards.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        Work = Directory.CreateTempSubdirectory("specgen-package-").FullName;
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        Feed = Path.Combine(Work, "feed");
        Dotnet.Run(Repository.Root, null, "pack", "generator/Specgen.Generator.csproj", "-c", "Release", "-o", Feed, "-p:Version=" + Version).Succeeded();
        Dotnet.Run(Repository.Root, null, "pack", "runtime/Specgen.Runtime.csproj", "-c", "Release", "-o", Feed, "-p:Version=" + Version).Succeeded();
    }

    /// <summary>A temporary folder for the projects of the tests, with the feed in it.</summary>
    public string Work { get; }

    public string Version { get; }

    public string Feed { get; }

    /// <summary>A nuget.config for a project in <paramref name="directory"/>: the feed beside nuget.org.</summary>
    public void WriteNuGetConfig(string directory) =>
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="specgen-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

    /// <summary>The version Directory.Packages.props pins <paramref name="id"/> to, so a test's project uses what the repository does.</summary>
    public static string PinnedVersion(string id) =>
        XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .First(p => (string?)p.Attribute("Include") == id).Attribute("Version")!.Value;

    public void Dispose()
    {
        Directory.Delete(Work, recursive: true);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "specgen", "specgen.runtime" })
        {
            var folder = Path.Combine(packages, id, Version);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}

/// <summary>The tests that build projects against the packed packages share one feed.</summary>
[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "package feed";
}

/// <summary>The dotnet CLI, run in a folder without the test host's MSBuild settings.</summary>
public static class Dotnet
{
    /// <summary>What a run printed and how it ended.</summary>
    public sealed record Result(string Arguments, int ExitCode, string Output)
    {
        /// <summary>Fails the test unless the run succeeded; returns what it printed.</summary>
        public string Succeeded()
        {
            Assert.True(ExitCode == 0, $"dotnet {Arguments} failed ({ExitCode}):\n{Output}");
            return Output;
        }
    }

    /// <summary>Runs dotnet in <paramref name="directory"/>, at most five minutes; writes what it printed to <paramref name="output"/>.</summary>
    public static Result Run(string directory, ITestOutputHelper? output, params string[] arguments)
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
        output?.WriteLine($"$ dotnet {string.Join(' ', arguments)}\n{text}");
        return new Result(string.Join(' ', arguments), process.HasExited ? process.ExitCode : -1, text);
    }
}
