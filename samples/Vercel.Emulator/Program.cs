using System.Globalization;
using Vercel.Emulator;

// Standalone host: dotnet run --project samples/Vercel.Emulator -- [--port N]
var port = 5080;
var portIndex = Array.IndexOf(args, "--port");
if (portIndex >= 0 && (portIndex + 1 >= args.Length || !int.TryParse(args[portIndex + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port)))
{
    Console.Error.WriteLine("usage: Vercel.Emulator [--port N]   (default 5080, 0 = any free port)");
    return 2;
}

await using var emulator = await VercelEmulator.StartAsync(new EmulatorOptions { Port = port });
Console.WriteLine($"""
    Vercel emulator listening on {emulator.BaseAddress}
      token                  {EmulatorSeed.Token}
      rate-limited token     {EmulatorSeed.RateLimitedToken} (1 request per window)
      team                   {EmulatorSeed.TeamId}
      integration            {EmulatorSeed.IntegrationId} ({EmulatorSeed.IntegrationSlug})
      admin configuration    {EmulatorSeed.AdminConfigurationId}
      member configuration   {EmulatorSeed.MemberConfigurationId} (creating a store answers 403)
      free product           {EmulatorSeed.FreeProductId} ({EmulatorSeed.FreeProductSlug}): free plan {EmulatorSeed.FreePlanId}, paid plan {EmulatorSeed.FreeProductPaidPlanId} (payment method required)
      paid product           {EmulatorSeed.PaidProductId} ({EmulatorSeed.PaidProductSlug}): {EmulatorSeed.PaidPlanId}, {EmulatorSeed.PaymentMethodRequiredPlanId} (payment method required)
      prepayment product     {EmulatorSeed.PrepaymentProductId} ({EmulatorSeed.PrepaymentProductSlug}): {EmulatorSeed.PrepaymentPlanId} ({EmulatorSeed.PrepaymentMinimumCents}-{EmulatorSeed.PrepaymentMaximumCents} cents), {EmulatorSeed.FixedPrepaymentPlanId} (fixed)
    Press Ctrl+C to stop.
    """);

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
return 0;
