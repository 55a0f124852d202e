using System.Runtime.CompilerServices;
using Specgen.Runtime;
using Vercel;
using Vercel.Emulator;
using Vercel.Sample;

// The sample's workflow, published with NativeAOT: no JIT, no reflection; every body is read and
// written by the generated VercelJson context.
//   Vercel.Aot --emulator http://127.0.0.1:5080   runs against a running emulator (its seeded token and team)
//   VERCEL_TOKEN=... Vercel.Aot [--create]        runs against api.vercel.com (discovery only without --create)
var emulatorIndex = Array.IndexOf(args, "--emulator");
var token = Environment.GetEnvironmentVariable("VERCEL_TOKEN");
if (emulatorIndex < 0 && string.IsNullOrEmpty(token))
{
    Console.Error.WriteLine("usage: Vercel.Aot --emulator <base address>   or   VERCEL_TOKEN=... Vercel.Aot [--create]");
    return 2;
}

Console.WriteLine(RuntimeFeature.IsDynamicCodeSupported
    ? "Running on the JIT (publish with -p:PublishAot=true for a native binary)"
    : "Running as a native binary (NativeAOT)");

using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
using var http = new HttpClient();
try
{
    WorkflowResult result;
    if (emulatorIndex >= 0)
    {
        if (emulatorIndex + 1 >= args.Length || !Uri.TryCreate(args[emulatorIndex + 1], UriKind.Absolute, out var emulator))
        {
            Console.Error.WriteLine("--emulator needs the emulator's base address, e.g. http://127.0.0.1:5080");
            return 2;
        }

        Console.WriteLine($"Using the Vercel emulator at {emulator}");
        var client = new VercelClient(http, new ApiClientOptions { AccessToken = EmulatorSeed.Token, BaseAddress = emulator });
        result = await Workflow.RunAsync(client, Console.Out, EmulatorSeed.TeamId, createStores: true, cancellation.Token);
    }
    else
    {
        var create = args.Contains("--create");
        var teamId = Environment.GetEnvironmentVariable("VERCEL_TEAM_ID");
        Console.WriteLine($"Using {VercelClient.DefaultBaseAddress}{(create ? string.Empty : " (discovery only; pass --create to create stores)")}");
        var client = new VercelClient(http, new ApiClientOptions { AccessToken = token });
        result = await Workflow.RunAsync(client, Console.Out, string.IsNullOrEmpty(teamId) ? null : teamId, create, cancellation.Token);
    }

    Console.WriteLine($"Done: {result.Stores.Count} store(s) created.");
    return 0;
}
catch (ApiException e)
{
    Console.Error.WriteLine($"The API refused: {e.Message}");
    return 1;
}
