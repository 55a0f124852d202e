using Specgen.Runtime;
using Vercel;
using Vercel.Emulator;
using Vercel.Sample;

// With VERCEL_TOKEN set, the sample talks to the real API; otherwise it starts the emulator in-process.
var token = System.Environment.GetEnvironmentVariable("VERCEL_TOKEN");
var teamId = System.Environment.GetEnvironmentVariable("VERCEL_TEAM_ID");
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
using var http = new HttpClient();

if (string.IsNullOrEmpty(token))
{
    await using var emulator = await VercelEmulator.StartAsync(cancellationToken: cancellation.Token);
    Console.WriteLine($"No VERCEL_TOKEN set: using the Vercel emulator at {emulator.BaseAddress}");
    var client = new VercelClient(http, new ApiClientOptions { AccessToken = EmulatorSeed.Token, BaseAddress = emulator.BaseAddress });
    await Workflow.RunAsync(client, Console.Out, EmulatorSeed.TeamId, createStores: true, cancellation.Token);
    await ErrorTour.RunAsync(emulator, http, Console.Out, cancellation.Token);
}
else
{
    // Creating stores on the real API provisions (and may bill for) real resources: opt in with --create.
    var create = args.Contains("--create");
    Console.WriteLine($"Using {VercelClient.DefaultBaseAddress}{(create ? string.Empty : " (discovery only; pass --create to create stores)")}");
    var client = new VercelClient(http, new ApiClientOptions { AccessToken = token });
    await Workflow.RunAsync(client, Console.Out, string.IsNullOrEmpty(teamId) ? null : teamId, create, cancellation.Token);
}
