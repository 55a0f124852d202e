using System.Diagnostics;

namespace Specgen.Tests.Infrastructure;

/// <summary>
/// A real framework's app (tests/Frameworks) in a process of its own, listening on 127.0.0.1: started,
/// asked for the OpenAPI document it writes, and stopped with the test class. The app prints
/// <c>LISTENING http://127.0.0.1:port</c> once it listens.
/// </summary>
public sealed class FrameworkApp : IAsyncDisposable
{
    private readonly Process _process;

    private FrameworkApp(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>An ASP.NET Core app of tests/Frameworks, built with the tests (a project reference), by project name.</summary>
    public static Task<FrameworkApp> StartDotNetAsync(string project) =>
        StartAsync("dotnet", [Path.Combine(Repository.Root, "tests", "Frameworks", project, "bin", BuildConfiguration, "net10.0", project + ".dll"), "--urls", "http://127.0.0.1:0"]);

    private static readonly Lazy<Task> Installed = new(InstallAsync);

    /// <summary>
    /// Installs the FastAPI and NestJS apps' dependencies once per test run (scripts/install-framework-servers.sh:
    /// Debian packages and <c>npm ci</c> from the lock file; nothing when they are there already).
    /// </summary>
    public static Task InstallServersAsync() => Installed.Value;

    private static async Task InstallAsync()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "install-framework-servers.sh"));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/install-framework-servers.sh failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    /// <summary>Starts <paramref name="program"/> and waits (at most a minute) for the address it prints.</summary>
    public static async Task<FrameworkApp> StartAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(Repository.Root, "tests", "Frameworks"),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + program);
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
                {
                    // Keep reading what it prints, so a full pipe never blocks it.
                    _ = process.StandardOutput.ReadToEndAsync();
                    return new FrameworkApp(process, new Uri(line["LISTENING ".Length..].Trim().TrimEnd('/') + "/"));
                }
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not say where it listens:\n{await errors}");
    }

    /// <summary>The document the app serves at <paramref name="path"/>.</summary>
    public async Task<string> DocumentAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        return await http.GetStringAsync(path.TrimStart('/'));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The configuration the tests were built in (Debug, Release), which the apps share.</summary>
    private static string BuildConfiguration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
}
